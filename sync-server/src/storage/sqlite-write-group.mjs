// @ts-check
/**
 * SQLite's writes, grouped: what is submitted during one event-loop turn (on the writer thread:
 * while the previous transaction synced) commits as one transaction, each op in its own
 * savepoint so one failing op is rolled back and reported while the others commit. Used by the
 * writer thread (sqlite-writer.mjs) and by the inline writer (sqlite-inline-writer.ts) alike.
 *
 * Plain JavaScript on purpose: a worker starts a fresh module graph, and neither tsx's loader nor
 * vitest's transform is guaranteed there.
 */

/**
 * @param {import('better-sqlite3').Database} db
 * @param {(results: object[]) => void} deliver  called after each commit with one result per op, in order
 */
export function groupWriter(db, deliver) {
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
      deliver(ops.map((op) => ({ id: op.id, ok: false, message })));
      return;
    }
    deliver(results);
  };

  return {
    /** @param {any} op */
    submit(op) {
      queue.push(op);
      if (!scheduled) {
        scheduled = true;
        // After the messages already waiting: they join this transaction.
        setImmediate(drain);
      }
    },
    /** Commits whatever waits, synchronously (before closing the database). */
    flush() {
      if (queue.length) drain();
    },
  };
}
