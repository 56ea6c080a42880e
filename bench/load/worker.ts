import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BenchClient, now } from '../lib/bench-client';

/**
 * A load-generator process: holds clients of some rooms (whole tables, or its share of a plenary),
 * sends on command, and reports latencies, deliveries and its own event-loop delay to the parent,
 * which sums them over all processes.
 */
/** A room's clients held here: `slots` are their places in the room (0 … roomSize − 1). */
export type WorkerRoom = { url: string; roomSize: number; slots: number[] };
export type WorkerPlan = {
  rooms: WorkerRoom[];
  /** Updates per second per sending client, and how many clients of each room send. */
  rate: number;
  sendersPerRoom: number;
  /** Cursor messages per second per client (0: none). */
  cursorRate: number;
  durationMs: number;
};
export type WorkerReport = { latencies: number[]; sent: number; expected: number; delivered: number; loopDelayP99Ms: number; cursorsReceived: number; cpuSeconds: number };

type Msg = { type: 'plan'; plan: WorkerPlan } | { type: 'go' } | { type: 'stop' };

// After the sending window, time for the last updates to arrive before counting.
const DRAIN_MS = 2000;
// Sending starts this long before latencies count: everyone begins at once here, which no room
// does, and the first second (cold code paths in the server and the generators alike) measured
// p99s of 0.5 s that the rest of the run never came near. Deliveries count from the start.
export const WARMUP_MS = 2000;
// Every n-th client of a room reads each received update's timestamp (latency); all of them count
// deliveries (bench-client.ts). Five per room of 25 still give thousands of samples a second.
const PROBE_EVERY = 5;

let clients: { client: BenchClient; room: number; key: string; sender: boolean; probe: boolean }[] = [];
let plan: WorkerPlan;
const latencies: number[] = [];
let delivered = 0;
let sent = 0;
let expected = 0;
let cursorsReceived = 0;
let measuring = false;
/** Latencies count from this moment (now()), after the warm-up. */
let measureFrom = Number.POSITIVE_INFINITY;

process.on('message', (msg: Msg) => {
  if (msg.type === 'plan') void connect(msg.plan);
  if (msg.type === 'go') void run();
  if (msg.type === 'stop') {
    clients.forEach((c) => c.client.close());
    process.exit(0);
  }
});

async function connect(p: WorkerPlan): Promise<void> {
  plan = p;
  clients = p.rooms.flatMap((room, r) =>
    room.slots.map((slot) => ({ client: new BenchClient(room.url), room: r, key: `${process.pid}-${r}-${slot}`, sender: slot < p.sendersPerRoom, probe: slot % PROBE_EVERY === 0 })),
  );
  for (const c of clients) {
    // Every client counts what it receives without applying it; probes also read the timestamps.
    c.client.counting = true;
    if (c.probe) {
      c.client.onValues = (v) => {
        const move = v as { t?: number; live?: boolean } | null;
        if (measuring && move?.live && typeof move.t === 'number' && move.t >= measureFrom) latencies.push(now() - move.t);
      };
    }
  }
  await Promise.all(clients.map((c) => c.client.syncedPromise));
  process.send!({ type: 'ready' });
}

async function run(): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  // The generator's own delay is judged over the window its latencies come from.
  const warmup = setTimeout(() => loop.enable(), WARMUP_MS);
  const cpu0 = process.cpuUsage();
  for (const c of clients) c.client.updatesCounted = c.client.awarenessCounted = 0;
  measuring = true;
  measureFrom = now() + WARMUP_MS;
  const roomSizes = plan.rooms.map((r) => r.roomSize);
  const timers: NodeJS.Timeout[] = [];
  // Each at its own random phase: clients do not all fire in the same millisecond.
  const every = (perSecond: number, action: () => void): void => {
    const interval = 1000 / perSecond;
    timers.push(setTimeout(() => timers.push(setInterval(action, interval)), Math.random() * interval));
  };
  for (const c of clients) {
    if (c.sender && plan.rate > 0) {
      const moves = c.client.doc.getMap<{ t: number; live: boolean }>('moves');
      every(plan.rate, () => {
        moves.set(c.key, { t: now(), live: true });
        sent += 1;
        expected += roomSizes[c.room]! - 1;
      });
    }
    if (plan.cursorRate > 0) {
      let x = 0;
      every(plan.cursorRate, () => c.client.setAwareness({ cursor: { x: (x += 3), y: x / 2 } }));
    }
  }
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS + plan.durationMs));
  timers.forEach((t) => clearInterval(t));
  clearTimeout(warmup);
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  measuring = false;
  for (const c of clients) {
    delivered += c.client.updatesCounted;
    cursorsReceived += c.client.awarenessCounted;
  }
  loop.disable();
  const { user, system } = process.cpuUsage(cpu0);
  const report: WorkerReport = { latencies, sent, expected, delivered, loopDelayP99Ms: loop.percentile(99) / 1e6, cursorsReceived, cpuSeconds: (user + system) / 1e6 };
  process.send!({ type: 'report', report });
}
