import Database from 'better-sqlite3';
import { sessionFromRow, type SessionRow } from './session-row';
import { sessionRoomRange } from './session-range';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '@wcb/shared';
import { GroupCommit } from './sqlite-group-commit';
import type { SyncFile } from './sqlite-wal-sync';
import type { RoomSeed, RoomStats, SessionRecord, Storage } from './types';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteStorageOptions {
  /** Created if missing; the database file is `${dataDir}/board.sqlite`. */
  readonly dataDir: string;
  /**
   * FULL: a write is acknowledged only once the WAL holding it is fsync'ed, so an acknowledged
   * update survives power loss. NORMAL: no fsync; acknowledged writes survive process crashes.
   */
  readonly synchronous: SqliteSynchronous;
  /** Tests only: replaces the WAL's fdatasync (on libuv's thread pool) to hold or fail it. */
  readonly syncFile?: SyncFile;
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

interface StatsRow {
  updates: number;
  bytes: number;
  lastSeq: number | null;
}

const fromBlob = (blob: Buffer): Uint8Array => new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);

/**
 * One connection on the main thread for reads and writes. Writes are committed in groups by
 * GroupCommit (sqlite-group-commit.ts): a commit without fsync, then with FULL an fdatasync of the
 * WAL on libuv's thread pool before the writes settle; what arrives meanwhile is the next group.
 */
export class SqliteStorage implements Storage {
  private readonly db: SqliteDatabase;
  private readonly q: ReturnType<typeof prepareStatements>;
  private readonly loadTx: (room: string) => Uint8Array[];
  private readonly commits: GroupCommit;

  constructor(options: SqliteStorageOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, 'board.sqlite');
    this.db = new Database(file);
    try {
      migrate(this.db);
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
    this.commits = new GroupCommit(this.db, {
      walPath: `${file}-wal`,
      durable: options.synchronous === 'FULL',
      ...(options.syncFile ? { syncFile: options.syncFile } : {}),
    });
  }

  async load(room: string): Promise<Uint8Array[]> {
    return this.loadTx(room);
  }

  append(room: string, update: Uint8Array): Promise<number> {
    return this.commits.run<number>({ op: 'append', room, data: update });
  }

  appendBatch(room: string, updates: readonly Uint8Array[]): Promise<number[]> {
    return this.commits.run<number[]>({ op: 'appendBatch', room, updates: [...updates] });
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (!Number.isSafeInteger(throughSeq) || throughSeq < 0) {
      throw new RangeError('throughSeq must be a non-negative integer');
    }
    await this.commits.run({ op: 'compact', room, snapshot, throughSeq });
  }

  async stats(room: string): Promise<RoomStats> {
    const row = this.q.stats.get(room);
    const lastSeq = row?.lastSeq ?? this.q.snapshotSeq.get(room)?.through_seq ?? 0;
    return { updates: row?.updates ?? 0, bytes: row?.bytes ?? 0, lastSeq };
  }

  createSession(session: SessionRecord, seed: readonly RoomSeed[]): Promise<boolean> {
    return this.commits.run<boolean>({ op: 'createSession', session, seed });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.q.session.get(id);
    if (!row) return null;
    return sessionFromRow(row);
  }

  async setTokenHash(id: string, role: Role, hash: string): Promise<boolean> {
    if (typeof hash !== 'string') throw new TypeError('hash must be a string');
    if (!ROLES.includes(role)) throw new TypeError(`unknown role ${String(role)}`);
    return this.commits.run<boolean>({ op: 'setTokenHash', sessionId: id, role, hash });
  }

  async sessionBytes(sessionId: string): Promise<number> {
    const [from, to] = sessionRoomRange(sessionId);
    return this.q.sessionBytes.get(from, to, from, to)?.n ?? 0;
  }

  async countSessions(): Promise<number> {
    return this.q.countSessions.get()?.n ?? 0;
  }

  /** The file's pages in use (free pages are reused before the file grows); the WAL is not counted. */
  async totalBytes(): Promise<number> {
    const pragma = (name: string): number => Number(this.db.pragma(name, { simple: true }));
    return (pragma('page_count') - pragma('freelist_count')) * pragma('page_size');
  }

  async ping(): Promise<void> {
    // Reads the schema page: fails on a closed handle, a vanished or corrupt file, an I/O error.
    this.q.ping.get();
  }

  async close(): Promise<void> {
    await this.commits.close();
    if (this.db.open) this.db.close();
  }
}

function migrate(db: SqliteDatabase): void {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new Error(`board.sqlite has schema version ${version}; this server only knows ${SCHEMA_VERSION}`);
  }
  // WAL lets loads read while an append commits and makes each commit one sequential write.
  db.pragma('journal_mode = WAL');
  // Always NORMAL: a commit writes its WAL frames without an fsync; with FULL, GroupCommit syncs
  // the WAL itself, off the event loop, before any write of the group is acknowledged. Checkpoints
  // sync the WAL before copying it into the database and the database after, as with FULL.
  db.pragma('synchronous = NORMAL');
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
    countSessions: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sessions'),
    sessionBytes: db.prepare<[string, string, string, string], { n: number }>(
      `SELECT (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM room_updates WHERE room >= ? AND room < ?)
            + (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM room_snapshots WHERE room >= ? AND room < ?) AS n`,
    ),
    snapshot: db.prepare<[string], { data: Buffer }>('SELECT data FROM room_snapshots WHERE room = ?'),
    snapshotSeq: db.prepare<[string], { through_seq: number }>(
      'SELECT through_seq FROM room_snapshots WHERE room = ?',
    ),
    updates: db.prepare<[string], { data: Buffer }>('SELECT data FROM room_updates WHERE room = ? ORDER BY seq'),
    stats: db.prepare<[string], StatsRow>(
      `SELECT COUNT(*) AS updates, COALESCE(SUM(LENGTH(data)), 0) AS bytes, MAX(seq) AS lastSeq
       FROM room_updates WHERE room = ?`,
    ),
    session: db.prepare<[string], SessionRow>(
      `SELECT id, created_at, template, language, facilitator_hash, participant_hash, viewer_hash
       FROM sessions WHERE id = ?`,
    ),
  };
}
