import { parseArgs } from 'node:util';
import { ours, reference, runLoad, type LoadConfig } from './load';

/**
 * One load run against one server, for profiling or a quick look (npm run bench owns the figures):
 *   npx tsx bench/one-load.ts --server ours --clients 1000 --room 10 --rate 1 --senders 10 --cursors 0 --seconds 5
 * BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
 */
const { values: v } = parseArgs({
  options: {
    server: { type: 'string', default: 'ours' },
    clients: { type: 'string', default: '1000' },
    room: { type: 'string', default: '10' },
    rate: { type: 'string', default: '1' },
    senders: { type: 'string', default: '10' },
    cursors: { type: 'string', default: '0' },
    seconds: { type: 'string', default: '5' },
    // ours only: durable (the default), normal (SQLite without fsync), memory (no storage)
    storage: { type: 'string', default: 'durable' },
  },
});
const config: LoadConfig = { clients: +v.clients!, roomSize: +v.room!, rate: +v.rate!, sendersPerRoom: +v.senders!, cursorRate: +v.cursors!, durationMs: +v.seconds! * 1000 };
const target = v.server === 'ours' ? await ours(v.storage === 'memory' ? 'memory' : 'durable', v.storage === 'normal' ? { SQLITE_SYNCHRONOUS: 'NORMAL' } : {}) : await reference(v.server === 'reference+y-leveldb');
try {
  const r = await runLoad(target, config);
  const perK = r.delivered ? (r.cpuSeconds * 1e6) / r.delivered : NaN;
  process.stdout.write(`${v.server}: p50 ${r.latency.p50} p99 ${r.latency.p99} ms; delivery ${(r.delivery * 100).toFixed(2)} %; cpu ${r.cpuSeconds.toFixed(2)} s (${r.cpuPercent} %), ${perK.toFixed(1)} ms per 1,000 delivered; peak RSS ${r.peakRssMB} MB; per client ${r.rssPerClientMB} MB; generator delay p99 ${r.generatorDelayMs} ms, CPU ${r.generatorCpuSeconds} s\n`);
} finally {
  await target.server.stop();
}
process.exit(0);
