import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../../support/server-process';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// E2E_STATIC_DIR: test another build of the client (default: the one `npm run build` makes).
const STATIC_DIR = process.env.E2E_STATIC_DIR || join(ROOT, 'client', 'dist');

export interface E2EServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The server's own output (JSON log lines, stderr), for diagnostics. */
  readonly output: string[];
  /** SIGTERM (the server flushes and exits), then removes the data dir. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The real sync server serving the built client: its own Node process, port 0 on 127.0.0.1,
 * SQLite in a fresh temp DATA_DIR that stop() removes. client/dist must have been built
 * (`npm test` and `npm run test:e2e` build it first). `env` adds or overrides settings (limits).
 */
export async function startE2EServer(env: Record<string, string> = {}): Promise<E2EServer> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`No client build at ${STATIC_DIR}: run "npm run build" first (npm test and npm run test:e2e do).`);
  }
  if (!existsSync(join(STATIC_DIR, 'sw.js'))) {
    throw new Error(`The client build at ${STATIC_DIR} has no service worker (sw.js); the offline tests need it.`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'wcb-e2e-'));
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      DATA_DIR: dataDir,
      STATIC_DIR,
      // Durability is not under test here; NORMAL keeps fsyncs off the 2-core CI machine's hot path.
      SQLITE_SYNCHRONOUS: 'NORMAL',
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'warn',
      // Every session of a test file is created from 127.0.0.1, far more than one venue's burst.
      SESSION_CREATE_BURST: '10000',
      ...env,
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    dataDir,
    output: server.output,
    stop: () => (stopped ??= server.stop().then(() => rm(dataDir, { recursive: true, force: true }))),
  };
}
