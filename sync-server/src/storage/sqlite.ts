import Database from 'better-sqlite3';
import { sessionFromRow } from './session-row';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@wcb/shared';
import type { RoomSeed, RoomStats, SessionRecord, Storage } from './types';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteStorageOptions {
  /** Created if missing; the database file is `${dataDir}/board.sqlite`. */
  readonly dataDir: string;
  /**
   * FULL fsyncs the WAL on every commit, so an acknowledged update survives power loss.
   * NORMAL only survives process crashes, in exchange for far cheaper writes.
   */
  readonly synchronous: SqliteSynchronous;
}

/**
 * Bumped whenever the schema below changes; an older server refuses a newer file.
 * 1 → 2: sessions gained facilitator_hash, participant_hash, viewer_hash (NULL for older rows).
 */
const SCHEMA_VERSION = 2;
// Long enough for a backup tool (sqlite3 .backup, litestream) to finish a checkpoint.
const BUSY_TIMEOUT_MS = 5_000;

const SCHEMA = `
  -- AUTOINCREMENT: seq must never be reused after compaction deletes the newest rows,
  -- otherwise a later update could hide behind a snapshot's through_seq.
  CREATE TABLE IF NOT EXISTS room_updates (
    seq  INTEGER PRIMARY KEY AUTOINCREMENT,
    room TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS room_updates_by_room ON room_updates (room, seq);
  CREATE TABLE IF NOT EXISTS room_snapshots (
    room        TEXT PRIMARY KEY,
    through_seq INTEGER NOT NULL,
    data        BLOB NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS sessions (
    id         TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    template   TEXT,
    language   TEXT,
    facilitator_hash TEXT,
    participant_hash TEXT,
    viewer_hash      TEXT
  );
`;

/** Columns added after version 1, for files created by an older server. */
const ADDED_SESSION_COLUMNS = ['facilitator_hash', 'participant_hash', 'viewer_hash'] as const;

interface SessionRow {
  id: string;
  created_at: number;
  template: string | null;
  language: string | null;
  facilitator_hash: string | null;
  participant_hash: string | null;
  viewer_hash: string | null;
}

interface StatsRow {
  updates: number;
  bytes: number;
  lastSeq: number | null;
}

/** better-sqlite3 binds Buffers, not plain Uint8Arrays; this wraps without copying. */
const toBlob = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const fromBlob = (blob: Buffer): Uint8Array => new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);

export class SqliteStorage implements Storage {
  private readonly db: SqliteDatabase;
  private readonly q: ReturnType<typeof prepareStatements>;
  private readonly loadTx: (room: string) => Uint8Array[];
  private readonly compactTx: (room: string, snapshot: Uint8Array, throughSeq: number) => void;
  private readonly createSessionTx: (session: SessionRecord, seed: readonly RoomSeed[]) => boolean;

  constructor(options: SqliteStorageOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(join(options.dataDir, 'board.sqlite'));
    try {
      migrate(this.db, options.synchronous);
    } catch (err) {
      this.db.close();
      throw err;
    }
    const q = (this.q = prepareStatements(this.db));

    // One read transaction: the snapshot and the log must come from the same moment.
    this.loadTx = this.db.transaction((room: string) => {
      const snapshot = q.snapshot.get(room);
      const updates = q.updates.all(room).map((row) => fromBlob(row.data));
      return snapshot ? [fromBlob(snapshot.data), ...updates] : updates;
    });
    this.compactTx = this.db.transaction((room: string, snapshot: Uint8Array, throughSeq: number) => {
      q.deleteThrough.run(room, throughSeq);
      q.upsertSnapshot.run(room, throughSeq, toBlob(snapshot), Date.now());
    });
    this.createSessionTx = this.db.transaction((session: SessionRecord, seed: readonly RoomSeed[]) => {
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
      for (const { room, update } of seed) q.append.run(room, toBlob(update));
      return true;
    });
  }

  async load(room: string): Promise<Uint8Array[]> {
    return this.loadTx(room);
  }

  async append(room: string, update: Uint8Array): Promise<number> {
    return Number(this.q.append.run(room, toBlob(update)).lastInsertRowid);
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (!Number.isSafeInteger(throughSeq) || throughSeq < 0) {
      throw new RangeError('throughSeq must be a non-negative integer');
    }
    this.compactTx(room, snapshot, throughSeq);
  }

  async stats(room: string): Promise<RoomStats> {
    const row = this.q.stats.get(room);
    const lastSeq = row?.lastSeq ?? this.q.snapshotSeq.get(room)?.through_seq ?? 0;
    return { updates: row?.updates ?? 0, bytes: row?.bytes ?? 0, lastSeq };
  }

  async createSession(session: SessionRecord, seed: readonly RoomSeed[]): Promise<boolean> {
    return this.createSessionTx(session, seed);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.q.session.get(id);
    if (!row) return null;
    return sessionFromRow(row);
  }

  async setTokenHash(id: string, role: Role, hash: string): Promise<boolean> {
    if (typeof hash !== 'string') throw new TypeError('hash must be a string');
    // One UPDATE statement: atomic, and a session without hashes (legacy) is left alone.
    return this.q.setHash[role].run(hash, id).changes > 0;
  }

  async ping(): Promise<void> {
    // Reads the schema page: fails on a closed handle, a vanished or corrupt file, an I/O error.
    this.q.ping.get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function migrate(db: SqliteDatabase, synchronous: SqliteSynchronous): void {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new Error(`board.sqlite has schema version ${version}; this server only knows ${SCHEMA_VERSION}`);
  }
  // WAL lets loads read while an append commits and makes each commit one sequential write.
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.transaction(() => {
    db.exec(SCHEMA);
    const columns = new Set(
      (db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[]).map((c) => c.name),
    );
    for (const column of ADDED_SESSION_COLUMNS) {
      if (!columns.has(column)) db.exec(`ALTER TABLE sessions ADD COLUMN ${column} TEXT`);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function prepareStatements(db: SqliteDatabase) {
  return {
    ping: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sqlite_schema'),
    snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM room_snapshots WHERE room = ?'),
    snapshotSeq: db.prepare<[string], { through_seq: number }>(
      'SELECT through_seq FROM room_snapshots WHERE room = ?',
    ),
    updates: db.prepare<[string], { data: Buffer }>('SELECT data FROM room_updates WHERE room = ? ORDER BY seq'),
    append: db.prepare<[string, Buffer], void>('INSERT INTO room_updates (room, data) VALUES (?, ?)'),
    deleteThrough: db.prepare<[string, number], void>('DELETE FROM room_updates WHERE room = ? AND seq <= ?'),
    upsertSnapshot: db.prepare<[string, number, Buffer, number], void>(
      `INSERT INTO room_snapshots (room, through_seq, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET through_seq = excluded.through_seq, data = excluded.data,
         updated_at = excluded.updated_at`,
    ),
    stats: db.prepare<[string], StatsRow>(
      `SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(data)), 0) AS bytes, MAX(seq) AS lastSeq
       FROM room_updates WHERE room = ?`,
    ),
    insertSession: db.prepare<
      [string, number, string | null, string | null, string | null, string | null, string | null],
      void
    >(
      `INSERT OR IGNORE INTO sessions
         (id, created_at, template, language, facilitator_hash, participant_hash, viewer_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    session: db.prepare<[string], SessionRow>(
      `SELECT id, created_at, template, language, facilitator_hash, participant_hash, viewer_hash
       FROM sessions WHERE id = ?`,
    ),
    setHash: {
      facilitator: setHashStatement(db, 'facilitator_hash'),
      participant: setHashStatement(db, 'participant_hash'),
      viewer: setHashStatement(db, 'viewer_hash'),
    } satisfies Record<Role, unknown>,
  };
}

function setHashStatement(db: SqliteDatabase, column: (typeof ADDED_SESSION_COLUMNS)[number]) {
  return db.prepare<[string, string], void>(
    `UPDATE sessions SET ${column} = ? WHERE id = ? AND facilitator_hash IS NOT NULL`,
  );
}
