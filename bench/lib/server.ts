import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../sync-server/src/main.ts', import.meta.url));
const ENTRY = fileURLToPath(new URL('./server-entry.ts', import.meta.url));

// BENCH_STATIC_DIR serves a client built elsewhere, so a benchmark run never needs client/dist.
const staticDir = (): Record<string, string> => (process.env.BENCH_STATIC_DIR ? { STATIC_DIR: process.env.BENCH_STATIC_DIR } : {});

export type BenchServer = { url: string; wsUrl: string; pid: number; stop(): Promise<void> };

/**
 * Our server as in production (npm start's entry), on port 0, with a fresh data dir; with
 * `storage: 'memory'` the same server storing nothing (the baseline for the cost of durability).
 */
export async function startOurServer(env: Record<string, string> = {}, storage: 'durable' | 'memory' = 'durable'): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wcb-bench-'));
  const child = fork(storage === 'memory' ? ENTRY : MAIN, [], {
    cwd: ROOT,
    // BENCH_SERVER_NODE_ARGS: e.g. "--cpu-prof" to profile the server under a benchmark's load.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', BENCH_STORAGE: storage,
      // Benchmarks register hundreds of sessions from one address; the creation rate is not measured.
      SESSION_CREATE_BURST: '1000000', ...staticDir(), ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (msg: { type?: string; port?: number }) => {
      if (msg?.type === 'listening' && typeof msg.port === 'number') resolve(msg.port);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return handle(child, `127.0.0.1:${port}`, '/ws', () => rm(dataDir, { recursive: true, force: true }));
}

/** The reference server, @y/websocket-server 0.1.1 (no persistence), on a free port. */
export async function startReferenceServer(port: number): Promise<BenchServer> {
  const bin = fileURLToPath(new URL('../../node_modules/@y/websocket-server/src/server.js', import.meta.url));
  const child = fork(bin, [], { cwd: ROOT, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return handle(child, `127.0.0.1:${port}`, '', async () => {});
}

function handle(child: ChildProcess, host: string, wsPath: string, cleanup: () => Promise<void>): BenchServer {
  return {
    url: `http://${host}`,
    wsUrl: `ws://${host}${wsPath}`,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await cleanup();
    },
  };
}

/** A process's resident memory now and at its peak (Linux /proc), in bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc). */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
