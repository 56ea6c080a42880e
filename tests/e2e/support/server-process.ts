/**
 * Runs the real sync server in its own Node process (started by server.ts with `node --import tsx`),
 * configured exactly as production is — loadConfig(env, argv) — and reports its port over IPC.
 *
 * A separate process rather than the Vitest worker: the server then resolves its dependencies as
 * plain Node does (Vitest's client-oriented resolve conditions do not apply), and it runs beside
 * the browser like `npm start` does.
 */
import { createJsonLogger, createSyncServer, loadConfig } from '@wcb/sync-server';

const config = loadConfig(process.env, process.argv);
const server = createSyncServer(config, { logger: createJsonLogger(config.logLevel) });
const { port } = await server.listen();
process.send?.({ type: 'listening', port });

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`close failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The test runner went away without stopping us.
process.on('disconnect', stop);
