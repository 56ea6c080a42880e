import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// What `npm start` runs: the server built to JavaScript (npm run bench builds it first).
export const MAIN = fileURLToPath(new URL('../../sync-server/dist/main.mjs', import.meta.url));
const ENTRY_SRC = fileURLToPath(new URL('./server-entry.ts', import.meta.url));
/**
 * The node flags `npm start` gives the server (package.json: its young generation's cap, see the
 * README), read from there so a benchmark runs the server exactly as production does.
 */
export const MAIN_NODE_FLAGS: string[] = (() => {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } };
  const flags = /\bnode((?: --[\w-]+(?:=\S+)?)*) sync-server\/dist\/main\.mjs/.exec(pkg.scripts.start)?.[1] ?? '';
  return flags.split(' ').filter(Boolean);
})();
// bench/dist/ sits as deep as sync-server/dist/, so paths the server finds relative to its own
// file (the client build at ../../client/dist) resolve the same; dist/ is git-ignored.
const ENTRY = fileURLToPath(new URL('../dist/server-entry.mjs', import.meta.url));

// BENCH_STATIC_DIR serves a client built elsewhere, so a benchmark run never needs client/dist.
const staticDir = (): Record<string, string> => (process.env.BENCH_STATIC_DIR ? { STATIC_DIR: process.env.BENCH_STATIC_DIR } : {});

/** As in scripts/build-server.mjs: npm packages stay imports from node_modules (one copy of yjs). */
const externalPackages: Plugin = {
  name: 'external-npm-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@wcb/') || args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
  },
};

let entryBuilt: Promise<unknown> | undefined;

/**
 * The "storage off" entry (server-entry.ts) built the way the server is built, so both storage
 * modes run as JavaScript without tsx: a benchmark compares the server, not the loader.
 */
function buildEntry(): Promise<unknown> {
  entryBuilt ??= build({
    absWorkingDir: ROOT,
    entryPoints: { 'server-entry': ENTRY_SRC },
    outdir: dirname(ENTRY),
    outExtension: { '.js': '.mjs' },
    // Split as the server build is, so the PDF and DOCX renderers stay out of start-up here too.
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages],
    logLevel: 'warning',
  });
  return entryBuilt;
}

export type BenchServer = {
  url: string;
  wsUrl: string;
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: nothing is flushed, and a data dir passed in is kept. */
  kill(): Promise<void>;
};

/**
 * Our server as in production (npm start's entry), on port 0, with a fresh data dir; with
 * `storage: 'memory'` the same server storing nothing (the baseline for the cost of durability).
 */
export async function startOurServer(env: Record<string, string> = {}, storage: 'durable' | 'memory' = 'durable', keptDataDir?: string): Promise<BenchServer> {
  if (!existsSync(MAIN)) throw new Error(`No server build at ${MAIN}: run "npm run build:server" first.`);
  if (storage === 'memory') await buildEntry();
  const dataDir = keptDataDir ?? (await mkdtemp(join(tmpdir(), 'wcb-bench-')));
  const child = fork(storage === 'memory' ? ENTRY : MAIN, [], {
    cwd: ROOT,
    // BENCH_SERVER_NODE_ARGS: e.g. "--cpu-prof" to profile the server under a benchmark's load.
    execArgv: [...MAIN_NODE_FLAGS, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
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
  return handle(child, `127.0.0.1:${port}`, '/ws', async () => {
    if (!keptDataDir) await rm(dataDir, { recursive: true, force: true });
  });
}

/**
 * The reference server, @y/websocket-server 0.1.1, on a free port: without persistence, or with
 * `leveldb` its own y-leveldb persistence (YPERSISTENCE), which stores every update as we do.
 */
export async function startReferenceServer(port: number, leveldb = false, keptDataDir?: string): Promise<BenchServer> {
  const dataDir = leveldb ? (keptDataDir ?? (await mkdtemp(join(tmpdir(), 'wcb-bench-ref-')))) : null;
  const bin = fileURLToPath(new URL('../../node_modules/@y/websocket-server/src/server.js', import.meta.url));
  // execArgv []: fork would otherwise pass on this process's tsx loader, which the reference does
  // not need and whose memory would count as the reference's.
  const child = fork(bin, [], { cwd: ROOT, execArgv: [], env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...(dataDir ? { YPERSISTENCE: dataDir } : {}) }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  return handle(child, `127.0.0.1:${port}`, '', async () => {
    if (dataDir && !keptDataDir) await rm(dataDir, { recursive: true, force: true });
  });
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
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
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
