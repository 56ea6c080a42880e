import { fork } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { phaseRoom } from '@wcb/shared';
import type { WorkerPlan, WorkerReport } from './load/worker';
import { cpuSecondsOf, memoryOf, startOurServer, startReferenceServer, type BenchServer } from './lib/server';
import { controlSeed, registerSession, sessionId } from './lib/sessions';
import { round, summarize, type Summary } from './lib/stats';
import type { Figure } from './lib/report';

const WORKER = fileURLToPath(new URL('./load/worker.ts', import.meta.url));
const MB = 1024 * 1024;
// Load-generator processes: with the server they share 2 cores, so a few, not many.
const WORKERS = 3;
// Past this event-loop delay in a load generator, its timestamps say more about itself than about the server.
export const GENERATOR_LIMIT_MS = 20;
// Connecting 1,000 clients takes seconds on this machine; minutes means they were refused.
const CONNECT_TIMEOUT_MS = 120_000;

export type LoadConfig = { clients: number; roomSize: number; rate: number; sendersPerRoom: number; cursorRate: number; durationMs: number };
export type LoadResult = { latency: Summary; delivery: number; delivered: number; cpuSeconds: number; cpuPercent: number; peakRssMB: number; rssPerClientMB: number; generatorDelayMs: number; cursorsReceived: number; generatorCpuSeconds: number };

export const freePort = (): Promise<number> =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

// A room larger than this is shared by every generator process: one process holding a whole
// 500-client plenary (25,000 frames in and 15,000 cursor sends a second) was the run's limit.
const SPLIT_ROOMS_OVER = 100;

/**
 * Which of a room's places (0 … size − 1) each generator process holds: a table goes whole to one
 * process (round robin by room), a plenary is dealt out place by place, so senders and probes
 * (the lowest places, and every fifth) are spread over all processes too.
 */
export function roomShares(size: number, room: number, workers: number): number[][] {
  const shares: number[][] = Array.from({ length: workers }, () => []);
  for (let slot = 0; slot < size; slot++) shares[size > SPLIT_ROOMS_OVER ? slot % workers : room % workers]!.push(slot);
  return shares;
}

type Target = { server: BenchServer; roomUrl: (i: number) => Promise<string> };

export async function ours(storage: 'durable' | 'memory' = 'durable', env: Record<string, string> = {}): Promise<Target> {
  // Load generators send far faster than a person: the per-connection rate limit must not be what is measured.
  const server = await startOurServer({ MESSAGE_RATE: '10000', MESSAGE_BURST: '10000', MAX_CONNECTIONS_PER_IP: '100000', ...env }, storage);
  let n = 0;
  return {
    server,
    async roomUrl() {
      const id = sessionId(n++, 'load');
      const { seed, phaseId } = controlSeed(id);
      const token = await registerSession(server.url, id, [seed]);
      return `${server.wsUrl}/${phaseRoom(id, phaseId)}?token=${token}`;
    },
  };
}

export async function reference(leveldb = false): Promise<Target> {
  const server = await startReferenceServer(await freePort(), leveldb);
  let n = 0;
  return { server, roomUrl: () => Promise.resolve(`${server.wsUrl}/room-${n++}`) };
}

export async function runLoad(target: Target, config: LoadConfig): Promise<LoadResult> {
  const rooms = Math.ceil(config.clients / config.roomSize);
  const urls: string[] = [];
  for (let i = 0; i < rooms; i++) urls.push(await target.roomUrl(i));
  const plans: WorkerPlan[] = Array.from({ length: WORKERS }, () => ({
    rooms: [],
    rate: config.rate,
    sendersPerRoom: config.sendersPerRoom,
    cursorRate: config.cursorRate,
    durationMs: config.durationMs,
  }));
  urls.forEach((url, i) => {
    const roomSize = Math.min(config.roomSize, config.clients - i * config.roomSize);
    roomShares(roomSize, i, WORKERS).forEach((slots, w) => slots.length && plans[w]!.rooms.push({ url, roomSize, slots }));
  });
  const pid = target.server.pid;
  const baseline = memoryOf(pid).rss;
  const workers = plans
    .filter((p) => p.rooms.length)
    .map((plan) => {
      const child = fork(WORKER, [], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const ready = new Promise<void>((resolve) => child.on('message', (m: { type: string }) => m.type === 'ready' && resolve()));
      const report = new Promise<WorkerReport>((resolve) =>
        child.on('message', (m: { type: string; report?: WorkerReport }) => m.type === 'report' && resolve(m.report!)),
      );
      child.send({ type: 'plan', plan });
      return { child, ready, report };
    });
  // A refused connection never syncs: fail the run instead of waiting forever.
  let timer: NodeJS.Timeout | undefined;
  const refused = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not all ${config.clients} clients synced within ${CONNECT_TIMEOUT_MS / 1000} s: did the server refuse them?`)), CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all(workers.map((w) => w.ready)), refused]);
  } catch (error) {
    workers.forEach((w) => w.child.kill());
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const connected = memoryOf(pid).rss;
  const cpu0 = cpuSecondsOf(pid);
  const t0 = performance.now();
  workers.forEach((w) => w.child.send({ type: 'go' }));
  const reports = await Promise.all(workers.map((w) => w.report));
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuSecondsOf(pid) - cpu0;
  const cpuPercent = (cpuSeconds / seconds) * 100;
  const peak = memoryOf(pid).peak;
  for (const w of workers) {
    const exited = new Promise((resolve) => w.child.once('exit', resolve));
    w.child.send({ type: 'stop' });
    await exited;
  }
  const expected = reports.reduce((s, r) => s + r.expected, 0);
  const delivered = reports.reduce((s, r) => s + r.delivered, 0);
  return {
    latency: summarize(reports.flatMap((r) => r.latencies)),
    delivery: expected ? delivered / expected : 1,
    delivered,
    cpuSeconds,
    cpuPercent: round(cpuPercent, 0),
    peakRssMB: round(peak / MB, 1),
    rssPerClientMB: round((connected - baseline) / config.clients / MB, 3),
    generatorDelayMs: round(Math.max(...reports.map((r) => r.loopDelayP99Ms)), 1),
    cursorsReceived: reports.reduce((s, r) => s + r.cursorsReceived, 0),
    generatorCpuSeconds: round(reports.reduce((s, r) => s + r.cpuSeconds, 0), 2),
  };
}

/** Runs `config` against a fresh instance of each server, ours then the reference. */
export async function compare(config: LoadConfig): Promise<{ ours: LoadResult; ref: LoadResult }> {
  const a = await ours();
  let oursResult: LoadResult;
  try {
    oursResult = await runLoad(a, config);
  } finally {
    await a.server.stop();
  }
  const b = await reference();
  try {
    return { ours: oursResult, ref: await runLoad(b, config) };
  } finally {
    await b.server.stop();
  }
}

/** b. The cost of durable writes: p50 latency with the durable default (SQLite, synchronous FULL) against storage off. */
export async function benchDurability(): Promise<Figure[]> {
  const config: LoadConfig = { clients: 200, roomSize: 10, rate: 1, sendersPerRoom: 10, cursorRate: 0, durationMs: 6000 };
  const runOn = async (storage: 'durable' | 'memory' | 'normal') => {
    const target = storage === 'normal' ? await ours('durable', { SQLITE_SYNCHRONOUS: 'NORMAL' }) : await ours(storage);
    try {
      return await runLoad(target, config);
    } finally {
      await target.server.stop();
    }
  };
  const durable = await runOn('durable');
  const memory = await runOn('memory');
  const normal = await runOn('normal');
  const group = 'b. Durable writes';
  const p99 = (label: string, r: LoadResult, id: string): Figure => ({ id: `durability.p99.${id}`, group, label: `p99 latency, ${label}, 200 clients in rooms of 10`, value: round(r.latency.p99, 2), unit: 'ms' });
  return [
    p99('durable default (SQLite, synchronous FULL)', durable, 'full'),
    p99('SQLite with synchronous NORMAL (durable on a process crash, not on power loss)', normal, 'normal'),
    p99('storage off', memory, 'memory'),
    {
      id: 'durability.p50',
      group,
      label: `added p50 latency, durable default (${round(durable.latency.p50, 2)} ms) against storage off (${round(memory.latency.p50, 2)} ms), 200 clients in rooms of 10`,
      value: round(durable.latency.p50 - memory.latency.p50, 2),
      unit: 'ms',
      target: { op: '<=', value: 2 },
      detail: { durable, memory },
    },
  ];
}
