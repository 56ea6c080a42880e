import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchClient } from './lib/bench-client';
import { ours, reference } from './load';
import { memoryOf } from './lib/server';

/**
 * Where a server's memory goes with N raw clients connected and idle: a tool, not a benchmark
 * (npm run bench owns the figures). It reads what does not depend on the machine's load: RSS
 * split by /proc smaps_rollup, and a heap snapshot of the main isolate aggregated by constructor
 * (self size), for ours and the reference in turn.
 *
 *   npx tsx bench/memory-probe.ts --clients 1000 --room 25 [--server ours|reference] [--top 30]
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    room: { type: 'string', default: '25' },
    server: { type: 'string', default: 'ours,reference' },
    top: { type: 'string', default: '30' },
  },
});
const CLIENTS = Number(values.clients);
const ROOM = Number(values.room);
const TOP = Number(values.top);
const MB = 1024 * 1024;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };

/** Self sizes by node type and constructor name, largest first. */
function aggregate(file: string): { total: number; rows: [string, number, number][] } {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const by = new Map<string, [number, number]>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + iType]!]!;
    const name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[snap.nodes[i + iName]!]! : '';
    const key = `${type}:${name.slice(0, 60)}`;
    const size = snap.nodes[i + iSize]!;
    total += size;
    const row = by.get(key) ?? [0, 0];
    row[0] += size;
    row[1] += 1;
    by.set(key, row);
  }
  const rows = [...by].map(([k, [s, n]]) => [k, s, n] as [string, number, number]).sort((a, b) => b[1] - a[1]);
  return { total, rows };
}

function smaps(pid: number): Record<string, number> {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^(\w+):\s+(\d+) kB/gm)) out[m[1]!] = Number(m[2]) / 1024;
  return out;
}

function threads(pid: number): number {
  return readdirSync(`/proc/${pid}/task`).length;
}

async function probe(name: 'ours' | 'reference'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wcb-heap-'));
  const flags = `${process.env.PROBE_FLAGS ?? ""} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}${process.env.PROBE_IMPORT ? ` --import=${process.env.PROBE_IMPORT}` : ''}`;
  process.env.BENCH_SERVER_NODE_ARGS = flags;
  // The reference is forked with execArgv []: it gets the flags through NODE_OPTIONS instead.
  if (name === 'reference') process.env.NODE_OPTIONS = flags;
  const target = name === 'ours' ? await ours() : await reference();
  delete process.env.NODE_OPTIONS;
  const { pid } = target.server;
  try {
    await fetch(target.server.url + '/healthz').catch(() => {});
    await wait(1000);
    const idle = memoryOf(pid).rss / MB;
    if (process.env.PROBE_IMPORT) {
      process.kill(pid, 'SIGWINCH');
      await wait(500);
      process.stdout.write('idle ' + readFileSync(`/tmp/wcb-probe/stats-${pid}.json`, 'utf8') + '\n');
    }
    const clients: BenchClient[] = [];
    for (let r = 0; r * ROOM < CLIENTS; r++) {
      const url = await target.roomUrl(r);
      for (let i = 0; i < ROOM && r * ROOM + i < CLIENTS; i++) clients.push(new BenchClient(url));
    }
    await Promise.all(clients.map((c) => c.syncedPromise));
    await wait(2000);
    const connected = memoryOf(pid);
    const s = smaps(pid);
    if (process.env.PROBE_IMPORT) {
      process.kill(pid, 'SIGWINCH');
      await wait(1000);
      process.stdout.write(readFileSync(`/tmp/wcb-probe/stats-${pid}.json`, 'utf8') + '\n');
    }
    process.kill(pid, 'SIGUSR2');
    let result: ReturnType<typeof aggregate> | null = null;
    // The snapshot is written in pieces: parse it once it is whole.
    for (let i = 0; i < 600 && !result; i++) {
      await wait(500);
      const found = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot'));
      if (!found) continue;
      try {
        result = aggregate(join(dir, found));
      } catch {
        // not complete yet
      }
    }
    const { total, rows } = result ?? { total: 0, rows: [] };
    process.stdout.write(`\n== ${name}: ${CLIENTS} clients in rooms of ${ROOM}, threads ${threads(pid)}\n`);
    process.stdout.write(`idle RSS ${idle.toFixed(1)} MB; connected RSS ${(connected.rss / MB).toFixed(1)} MB (peak ${(connected.peak / MB).toFixed(1)}); per client ${(((connected.rss / MB) - idle) * 1024 / CLIENTS).toFixed(1)} KB\n`);
    process.stdout.write(`smaps: Rss ${s.Rss?.toFixed(1)} Anonymous ${s.Anonymous?.toFixed(1)} Pss_File ${s.Pss_File?.toFixed(1)} \n`);
    process.stdout.write(`heap snapshot self sizes: ${(total / MB).toFixed(2)} MB; per client ${(total / 1024 / CLIENTS).toFixed(2)} KB\n`);
    for (const [k, size, n] of rows.slice(0, TOP)) process.stdout.write(`  ${(size / 1024).toFixed(0).padStart(7)} KB ${String(n).padStart(7)}  ${k}\n`);
    clients.forEach((c) => c.close());
  } finally {
    await target.server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const name of values.server!.split(',') as ('ours' | 'reference')[]) await probe(name);
process.exit(0);
