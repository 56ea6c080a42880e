import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// What `npm start` runs: the server built to JavaScript (the integration and e2e projects build it
// first, tests/support/build-server.global.ts).
const MAIN = fileURLToPath(new URL('../../sync-server/dist/main.mjs', import.meta.url));

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** The server's own output (JSON log lines, stderr), for diagnostics and log assertions. */
  readonly output: string[];
  /** SIGTERM, then waits for the exit (SIGKILL after a grace period). Idempotent. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Sends `signal` at once (no grace period) and resolves on the exit: SIGKILL is a crash.
   * Idempotent with stop(): whichever comes first decides how the process ends.
   */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// The server closes sockets and flushes rooms in well under a second; never hang teardown on it.
const STOP_GRACE_MS = 10_000;
// Enough lines to explain a failure without growing without bound in a long run.
const MAX_OUTPUT_LINES = 500;

/**
 * Runs `npm start`'s entry point, sync-server/dist/main.mjs, as its own Node process on port 0:
 * configured from the environment exactly as in production, reporting its port over IPC.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const output: string[] = [];
  if (!existsSync(MAIN)) throw new Error(`No server build at ${MAIN}: run "npm run build:server" first.`);
  const child = fork(MAIN, [], {
    cwd: ROOT,
    execArgv: [],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      output.push(line);
      if (output.length > MAX_OUTPUT_LINES) output.shift();
      if (process.env.E2E_SERVER_LOG) process.stderr.write(`[server] ${line}\n`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      child.on('message', (msg: { type?: string; port?: number }) => {
        if (msg?.type === 'listening' && typeof msg.port === 'number') resolve(msg.port);
      });
      child.once('error', reject);
      void exited.then(({ code, signal }) =>
        reject(new Error(`sync server exited before listening (code ${code}, signal ${signal}):\n${output.join('\n')}`)),
      );
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  let stopped: ReturnType<ServerProcess['stop']> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output,
    stop: () => (stopped ??= stopChild(child, exited)),
    kill: (signal) =>
      (stopped ??= (() => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        return exited;
      })()),
  };
}

async function stopChild(child: ChildProcess, exited: ReturnType<ServerProcess['stop']>): ReturnType<ServerProcess['stop']> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  const result = await exited;
  clearTimeout(timer);
  return result;
}
