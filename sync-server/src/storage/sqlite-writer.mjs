// @ts-check
/**
 * SQLite's one writer, on a worker thread (storage/sqlite.ts starts it).
 *
 * Why a thread: with synchronous=FULL every commit waits for an fsync. On the main thread that
 * wait blocked every socket of every room (the "tables" benchmark spent 60 % of its time in
 * append). Here the wait happens beside the event loop, and it groups commits for free: what
 * arrives while one transaction syncs is committed by the next one, all in one fsync.
 *
 * Plain JavaScript on purpose: a worker starts a fresh module graph, and neither tsx's loader nor
 * vitest's transform is guaranteed there.
 *
 * Messages in:  { id, op: 'append' | 'appendBatch' | 'compact' | 'createSession' | 'setTokenHash', ...args } or { op: 'close' }
 * Messages out: an array of { id, ok: true, value } | { id, ok: false, message }, one per op, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string; synchronous: 'FULL' | 'NORMAL'; busyTimeoutMs: number }} */
const options = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = new Database(options.file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${options.synchronous}`);
db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);

const q = {
  append: db.prepare('INSERT INTO room_updates (room, data) VALUES (?, ?)'),
  deleteThrough: db.prepare('DELETE FROM room_updates WHERE room = ? AND seq <= ?'),
  upsertSnapshot: db.prepare(
    `INSERT INTO room_snapshots (room, through_seq, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET through_seq = excluded.through_seq, data = excluded.data,
       updated_at = excluded.updated_at`,
  ),
  insertSession: db.prepare(
    `INSERT OR IGNORE INTO sessions
       (id, created_at, template, language, facilitator_hash, participant_hash, viewer_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  setHash: Object.fromEntries(
    ['facilitator', 'participant', 'viewer'].map((role) => [
      role,
      // One UPDATE statement: atomic, and a session without hashes (legacy) is left alone.
      db.prepare(`UPDATE sessions SET ${role}_hash = ? WHERE id = ? AND facilitator_hash IS NOT NULL`),
    ]),
  ),
};

/** better-sqlite3 binds Buffers, not plain Uint8Arrays; this wraps without copying. */
const blob = (/** @type {Uint8Array} */ bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** @type {Record<string, (op: any) => unknown>} */
const handlers = {
  append: (op) => Number(q.append.run(op.room, blob(op.data)).lastInsertRowid),
  // One op, one savepoint: the batch is stored whole or not at all.
  appendBatch: (op) => op.updates.map((/** @type {Uint8Array} */ data) => Number(q.append.run(op.room, blob(data)).lastInsertRowid)),
  compact(op) {
    q.deleteThrough.run(op.room, op.throughSeq);
    q.upsertSnapshot.run(op.room, op.throughSeq, blob(op.snapshot), Date.now());
  },
  createSession({ session, seed }) {
    const h = session.tokenHashes;
    const inserted = q.insertSession.run(
      session.id,
      session.createdAt,
      session.template,
      session.language,
      h?.facilitator ?? null,
      h?.participant ?? null,
      h?.viewer ?? null,
    );
    if (inserted.changes === 0) return false;
    for (const { room, update } of seed) q.append.run(room, blob(update));
    return true;
  },
  setTokenHash: (op) => q.setHash[op.role].run(op.hash, op.sessionId).changes > 0,
};

/** Each op in its own savepoint: one failing op is rolled back and reported, the others commit. */
const runOne = db.transaction((op) => {
  const handler = handlers[op.op];
  if (!handler) throw new Error(`unknown storage op ${op.op}`);
  return handler(op);
});

/** @type {any[]} */
let queue = [];
let scheduled = false;

const drain = () => {
  scheduled = false;
  const ops = queue;
  queue = [];
  if (!ops.length || !db.open) return;
  /** @type {object[]} */
  const results = [];
  try {
    db.transaction(() => {
      for (const op of ops) {
        try {
          results.push({ id: op.id, ok: true, value: runOne(op) });
        } catch (err) {
          results.push({ id: op.id, ok: false, message: err instanceof Error ? err.message : String(err) });
        }
      }
    })();
  } catch (err) {
    // The commit itself failed (disk full, I/O error): nothing of this group is stored.
    const message = err instanceof Error ? err.message : String(err);
    port.postMessage(ops.map((op) => ({ id: op.id, ok: false, message })));
    return;
  }
  port.postMessage(results);
};

port.on('message', (op) => {
  if (op.op === 'close') {
    if (queue.length) drain();
    db.close();
    port.close();
    return;
  }
  queue.push(op);
  if (!scheduled) {
    scheduled = true;
    // After the messages already waiting in the port: they join this transaction.
    setImmediate(drain);
  }
});
