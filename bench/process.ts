import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, GENERATOR_LIMIT_MS, ours, reference, runLoad, type LoadConfig, type LoadResult } from './load';
import { cpuSecondsOf, MAIN, MAIN_NODE_FLAGS, memoryOf, startOurServer, startReferenceServer, type BenchServer } from './lib/server';
import { percentile, round } from './lib/stats';
import type { Figure } from './lib/report';

const MB = 1024 * 1024;
const GROUP = 'h. Process: built server against the reference';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REFERENCE = fileURLToPath(new URL('../node_modules/@y/websocket-server/src/server.js', import.meta.url));
// Ours and the reference alternate, three times each: a change in machine load hits both.
const REPEATS = 3;
// Five starts: few enough to be quick, enough for a median that one slow start does not move.
const STARTS = 5;
// How often a start is polled: the resolution of the cold-start figure.
const POLL_MS = 5;
// After listening, a server still finishes lazy work (first timers, JIT); idle RSS is read after it.
const SETTLE_MS = 1000;
// As section a's 1,000-client run (rooms of 10, one update a second each); long enough to connect
// everyone and let memory settle, short because only memory is read here.
const LOAD: LoadConfig = { clients: 1000, roomSize: 10, rate: 1, sendersPerRoom: 10, cursorRate: 0, durationMs: 5000 };

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a freshly started, idle server, in MB. */
async function idleRss(start: () => Promise<BenchServer>): Promise<number> {
  const server = await start();
  try {
    await fetch(server.url + '/healthz');
    await wait(SETTLE_MS);
    return memoryOf(server.pid).rss / MB;
  } finally {
    await server.stop();
  }
}

/** Milliseconds from spawning `args` to its exit (a bare `node -e 0`). */
async function timeToExit(args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - t0;
}

type Start = { ms: number; cpuMs: number };

/**
 * Milliseconds from spawning `script` to the first 200 from `path`, polled every POLL_MS, and the
 * CPU time the process had used by then: on a loaded machine the wall time is mostly waiting for
 * a core, the CPU time is what the start itself costs.
 */
async function timeToHealthy(script: string, path: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<Start> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, script], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' } });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode} before answering`);
      const ok = await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.status === 200, () => false);
      if (ok) return { ms: performance.now() - t0, cpuMs: cpuSecondsOf(child.pid!) * 1000 };
      await wait(POLL_MS);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Our built server's cold start: a fresh data directory each time, as a first deployment. */
async function ourColdStart(): Promise<Start> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wcb-start-'));
  try {
    return await timeToHealthy(MAIN, '/healthz', { DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, MAIN_NODE_FLAGS);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function loadRun(target: Awaited<ReturnType<typeof ours>>): Promise<LoadResult> {
  try {
    return await runLoad(target, LOAD);
  } finally {
    await target.server.stop();
  }
}

type Samples = { idle: { ours: number[]; ref: number[] }; start: { ours: Start[]; ref: Start[]; node: number[] }; load: { ours: LoadResult[]; ref: LoadResult[] } };

async function sample(): Promise<Samples> {
  const s: Samples = { idle: { ours: [], ref: [] }, start: { ours: [], ref: [], node: [] }, load: { ours: [], ref: [] } };
  for (let i = 0; i < REPEATS; i++) {
    s.idle.ours.push(await idleRss(() => startOurServer()));
    s.idle.ref.push(await idleRss(async () => startReferenceServer(await freePort())));
  }
  for (let i = 0; i < STARTS; i++) {
    s.start.node.push(await timeToExit(['-e', '0']));
    s.start.ours.push(await ourColdStart());
    // The reference answers 200 to any path.
    s.start.ref.push(await timeToHealthy(REFERENCE, '/', {}));
  }
  for (let i = 0; i < REPEATS; i++) {
    s.load.ours.push(await loadRun(await ours()));
    s.load.ref.push(await loadRun(await reference()));
  }
  return s;
}

/** h. The server as `npm start` runs it: idle memory, cold start, memory at 1,000 clients. */
export async function benchProcess(): Promise<Figure[]> {
  const s = await sample();
  const idle = { ours: median(s.idle.ours), ref: median(s.idle.ref) };
  const start = { ours: median(s.start.ours.map((x) => x.ms)), oursCpu: median(s.start.ours.map((x) => x.cpuMs)), ref: median(s.start.ref.map((x) => x.ms)), refCpu: median(s.start.ref.map((x) => x.cpuMs)), node: median(s.start.node) };
  const peak = { ours: median(s.load.ours.map((r) => r.peakRssMB)), ref: median(s.load.ref.map((r) => r.peakRssMB)) };
  const delay = round(Math.max(...[...s.load.ours, ...s.load.ref].map((r) => r.generatorDelayMs)), 1);
  const mb = (v: number) => `${round(v, 1)} MB`;
  return [
    { id: 'process.idle.ratio', group: GROUP, label: `idle RSS: ours ${mb(idle.ours)}, reference ${mb(idle.ref)} (ours / reference, median of ${REPEATS})`, value: round(idle.ours / idle.ref, 2), unit: '×', target: { op: '<=', value: 1.5 }, detail: s.idle },
    { id: 'process.start', group: GROUP, label: `cold start to first GET /healthz 200 (median of ${STARTS}; CPU used ${round(start.oursCpu, 0)} ms; bare \`node -e 0\` ${round(start.node, 0)} ms; reference to first 200 ${round(start.ref, 0)} ms, CPU ${round(start.refCpu, 0)} ms)`, value: round(start.ours, 0), unit: 'ms', target: { op: '<=', value: 1000 }, detail: s.start },
    { id: 'process.load.ratio', group: GROUP, label: `peak RSS at 1,000 clients in rooms of 10: ours ${mb(peak.ours)}, reference ${mb(peak.ref)} (ours / reference, median of ${REPEATS}; load-generator delay p99 up to ${delay} ms)`, value: round(peak.ours / peak.ref, 2), unit: '×', target: { op: '<=', value: 1 }, detail: { ours: s.load.ours.map((r) => r.peakRssMB), reference: s.load.ref.map((r) => r.peakRssMB) },
      // As in section a: lagging generators read late, and a server holds what they have not read yet.
      ...(delay > GENERATOR_LIMIT_MS ? { skipReason: `load generator was the limit (event-loop delay p99 ${delay} ms)` } : {}) },
  ];
}
