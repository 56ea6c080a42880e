import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// E2E_STATIC_DIR: test another build of the client (default: the one `npm run build` makes).
const STATIC_DIR = process.env.E2E_STATIC_DIR || join(ROOT, 'client', 'dist');
const LAUNCHER = fileURLToPath(new URL('./server-process.ts', import.meta.url));

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
 * (`npm test` and `npm run test:e2e` build it first).
 */
export async function startE2EServer(): Promise<E2EServer> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`No client build at ${STATIC_DIR}: run "npm run build" first (npm test and npm run test:e2e do).`);
  }
  if (!existsSync(join(STATIC_DIR, 'sw.js'))) {
    throw new Error(`The client build at ${STATIC_DIR} has no service worker (sw.js); the offline tests need it.`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'wcb-e2e-'));
  const output: string[] = [];
  const child = fork(LAUNCHER, [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR,
      // Durability is not under test here; NORMAL keeps fsyncs off the 2-core CI machine's hot path.
      SQLITE_SYNCHRONOUS: 'NORMAL',
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      output.push(line);
      if (output.length > 500) output.shift();
      if (process.env.E2E_SERVER_LOG) process.stderr.write(`[server] ${line}\n`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      child.on('message', (msg: { type?: string; port?: number }) => {
        if (msg?.type === 'listening' && typeof msg.port === 'number') resolve(msg.port);
      });
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(new Error(`sync server exited before listening (code ${code}, signal ${signal}):\n${output.join('\n')}`)),
      );
    });
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    output,
    stop: () => (stopped ??= stopChild(child).then(() => rm(dataDir, { recursive: true, force: true }))),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // The server closes sockets with a short grace period; never hang teardown on it.
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
