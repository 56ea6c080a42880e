import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Role } from '@wcb/shared';
import type { RoomSeed, SessionRecord } from './types';

/** One write, as SqliteStorage queues it for the next group commit. */
export type WriteOp =
  | { op: 'append'; room: string; data: Uint8Array }
  | { op: 'appendBatch'; room: string; updates: readonly Uint8Array[] }
  | { op: 'compact'; room: string; snapshot: Uint8Array; throughSeq: number }
  | { op: 'createSession'; session: SessionRecord; seed: readonly RoomSeed[] }
  | { op: 'setTokenHash'; sessionId: string; role: Role; hash: string };

/** better-sqlite3 binds Buffers, not plain Uint8Arrays; this wraps without copying. */
const blob = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The writes, each run in its own savepoint (`db.transaction` nested in the group's transaction):
 * one failing op is rolled back and reported, the others of its group commit.
 */
export function prepareWriteOps(db: SqliteDatabase): (op: WriteOp) => unknown {
  const append = db.prepare<[string, Buffer]>('INSERT INTO room_updates (room, data) VALUES (?, ?)');
  const deleteThrough = db.prepare<[string, number]>('DELETE FROM room_updates WHERE room = ? AND seq <= ?');
  const upsertSnapshot = db.prepare<[string, number, Buffer, number]>(
    `INSERT INTO room_snapshots (room, through_seq, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET through_seq = excluded.through_seq, data = excluded.data,
       updated_at = excluded.updated_at`,
  );
  const insertSession = db.prepare<[string, number, string | null, string | null, string | null, string | null, string | null]>(
    `INSERT OR IGNORE INTO sessions
       (id, created_at, template, language, facilitator_hash, participant_hash, viewer_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // One UPDATE statement per role: atomic, and a session without hashes (legacy) is left alone.
  const setHash = Object.fromEntries(
    (['facilitator', 'participant', 'viewer'] as const).map((role) => [
      role,
      db.prepare<[string, string]>(`UPDATE sessions SET ${role}_hash = ? WHERE id = ? AND facilitator_hash IS NOT NULL`),
    ]),
  ) as Record<Role, ReturnType<typeof db.prepare<[string, string]>>>;
  const appendOne = (room: string, data: Uint8Array): number => Number(append.run(room, blob(data)).lastInsertRowid);

  const run = (op: WriteOp): unknown => {
    switch (op.op) {
      case 'append':
        return appendOne(op.room, op.data);
      case 'appendBatch':
        return op.updates.map((data) => appendOne(op.room, data));
      case 'compact':
        deleteThrough.run(op.room, op.throughSeq);
        upsertSnapshot.run(op.room, op.throughSeq, blob(op.snapshot), Date.now());
        return undefined;
      case 'createSession': {
        const { session, seed } = op;
        const h = session.tokenHashes;
        const inserted = insertSession.run(session.id, session.createdAt, session.template, session.language,
          h?.facilitator ?? null, h?.participant ?? null, h?.viewer ?? null);
        if (inserted.changes === 0) return false;
        for (const { room, update } of seed) appendOne(room, update);
        return true;
      }
      case 'setTokenHash':
        return setHash[op.role].run(op.hash, op.sessionId).changes > 0;
      default:
        throw new Error(`unknown storage op ${(op as { op: string }).op}`);
    }
  };
  return db.transaction(run);
}
