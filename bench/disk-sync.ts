import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, summarize, type Summary } from './lib/stats';
import type { Figure } from './lib/report';

// Enough syncs for a p99 that is not the maximum; at a few ms each, about a second or two per pattern.
const SYNCS = 400;
// Two WAL pages: what one small group commit (a note move) appends.
const WRITE_BYTES = 8192;

/**
 * Milliseconds per write + fdatasync on the filesystem the benchmark's servers store in (the
 * temporary directory), with nothing else of ours running: the floor under a write that is
 * acknowledged only once on stable storage. `append` grows the file (as a new WAL does: the size
 * changes, so the filesystem's journal commits too); `overwrite` rewrites blocks already there
 * (as a WAL restarted after a checkpoint does).
 */
function timeSyncs(path: string, pattern: 'append' | 'overwrite'): Summary {
  const fd = openSync(path, 'w+');
  const page = Buffer.alloc(WRITE_BYTES, 7);
  try {
    if (pattern === 'overwrite') {
      for (let i = 0; i < SYNCS; i++) writeSync(fd, page, 0, WRITE_BYTES, i * WRITE_BYTES);
      fdatasyncSync(fd);
    }
    const times: number[] = [];
    for (let i = 0; i < SYNCS; i++) {
      const t0 = performance.now();
      writeSync(fd, page, 0, WRITE_BYTES, i * WRITE_BYTES);
      fdatasyncSync(fd);
      times.push(performance.now() - t0);
    }
    return summarize(times);
  } finally {
    closeSync(fd);
  }
}

/** b. What this machine's disk charges for durability, beside the load figures it bounds. */
export async function benchDiskSync(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'wcb-bench-fsync-'));
  try {
    const group = 'b. Durable writes';
    return (['append', 'overwrite'] as const).map((pattern) => {
      const s = timeSyncs(join(dir, pattern), pattern);
      const what = pattern === 'append' ? 'appended (a growing WAL)' : 'overwritten (a restarted WAL)';
      return {
        id: `disk.fdatasync.${pattern}`, group,
        label: `this disk, idle: 8 KiB ${what} + fdatasync, p99 of ${SYNCS} (p50 ${round(s.p50, 2)} ms, max ${round(s.max, 1)} ms)`,
        value: round(s.p99, 2), unit: 'ms', detail: { ...s },
      };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
