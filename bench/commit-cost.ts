import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { addNote, initPhaseDoc, moveNote } from '@wcb/shared';
import { SqliteStorage } from '../sync-server/src/storage/sqlite';
import { fdatasyncOnPool } from '../sync-server/src/storage/sqlite-wal-sync';

/**
 * What a SQLite commit costs the event loop now that it runs on the main thread (a tool, not a
 * benchmark): the synchronous part of each group commit (SQLite's work and the write of its WAL
 * frames, plus an automatic checkpoint when one falls in it) and, beside it, the fdatasync on
 * libuv's pool, which does not block the loop.
 *
 *   npx tsx bench/commit-cost.ts [--notes 3000] [--batches 2000] [--no-checkpoint]
 *
 * --no-checkpoint turns SQLite's automatic checkpoint off, to tell its share of the slow commits.
 */
const { values } = parseArgs({
  options: { notes: { type: 'string', default: '3000' }, batches: { type: 'string', default: '2000' }, 'no-checkpoint': { type: 'boolean', default: false } },
});
const NOTES = Number(values.notes);
const BATCHES = Number(values.batches);

const quantiles = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(3);
  return `n ${s.length}, p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${s[s.length - 1]!.toFixed(3)} ms`;
};

const dir = await mkdtemp(join(tmpdir(), 'wcb-commit-cost-'));
const fsyncs: number[] = [];
const storage = new SqliteStorage({
  dataDir: dir,
  synchronous: 'FULL',
  syncFile: async (fd) => {
    const t = performance.now();
    await fdatasyncOnPool(fd);
    fsyncs.push(performance.now() - t);
  },
});
if (values['no-checkpoint']) (storage as unknown as { db: { pragma(s: string): unknown } }).db.pragma('wal_autocheckpoint = 0');
// The synchronous part of each group: wrap the group's transaction (a private of GroupCommit).
const commits = (storage as unknown as { commits: { runGroup: (ops: unknown[]) => unknown } }).commits;
const runGroup = commits.runGroup;
let blocked: number[] = [];
Object.assign(commits, {
  runGroup: (ops: unknown[]) => {
    const t = performance.now();
    try {
      return runGroup(ops);
    } finally {
      blocked.push(performance.now() - t);
    }
  },
});

try {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'costbench01', 'p1');
  doc.transact(() => {
    for (let i = 0; i < NOTES; i++) addNote(doc, { topic: 'government', text: `note ${i} about trust and transparency`, x: (i % 50) * 216, y: Math.floor(i / 50) * 166 }, i, `n${i}`);
  });
  const room = 'costbench01/phase/p1';
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const size of [1, 16, 256]) {
    blocked = [];
    fsyncs.length = 0;
    for (let b = 0; b < BATCHES / Math.sqrt(size); b++) {
      updates.length = 0;
      for (let i = 0; i < size; i++) moveNote(doc, `n${(b * size + i) % NOTES}`, { x: i % 2000, y: (b * 7) % 2000 });
      await storage.appendBatch(room, updates);
    }
    const bytes = updates.reduce((n, u) => n + u.byteLength, 0);
    process.stdout.write(`batch of ${size} note moves (~${bytes} B): commit on the loop ${quantiles(blocked)}; fdatasync on the pool ${quantiles(fsyncs)}\n`);
  }
  blocked = [];
  const snapshot = Y.encodeStateAsUpdate(doc);
  for (let i = 0; i < 20; i++) {
    const { lastSeq } = await storage.stats(room);
    await storage.compact(room, snapshot, lastSeq);
    await storage.append(room, updates[0]!);
  }
  const compactions = blocked.filter((_, i) => i % 2 === 0);
  process.stdout.write(`compaction of a ${NOTES}-note room (snapshot ${(snapshot.byteLength / 1024).toFixed(0)} KiB): commit on the loop ${quantiles(compactions)}\n`);
} finally {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
}
