import { createRequire } from 'node:module';
import type pg from 'pg';
import type { Role } from '@wcb/shared';
import { sessionFromRow } from './session-row';
import { sessionRoomRange } from './session-range';
import type { Logger } from '../logger';
import type { RoomSeed, RoomStats, SessionRecord, Storage } from './types';

export interface PostgresStorageOptions {
  /** postgres://user:password@host:port/database (never logged: it may carry a password). */
  readonly connectionString: string;
  readonly logger?: Logger;
  /** Connections in the pool; every room append holds one for a single round trip. */
  readonly poolSize?: number;
}

/** Bumped whenever the schema below changes; an older server refuses a newer database. */
const SCHEMA_VERSION = 1;
/**
 * Advisory lock keys (two int4 form). SCHEMA_LOCK serialises instances creating the schema at
 * the same moment; ROOM_LOCK + hashtext(room) serialises one room's appends and compactions.
 */
const SCHEMA_LOCK = 0x5743_4201;
const ROOM_LOCK = 0x5743_4202;

// Same layout as sqlite.ts. BIGSERIAL never reuses a value, so a later update can never hide
// behind a snapshot's through_seq after compaction deleted the newest rows.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS wcb_schema (version INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS room_updates (
    seq  BIGSERIAL PRIMARY KEY,
    room TEXT NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS room_updates_by_room ON room_updates (room, seq);
  CREATE TABLE IF NOT EXISTS room_snapshots (
    room        TEXT PRIMARY KEY,
    through_seq BIGINT NOT NULL,
    data        BYTEA NOT NULL,
    updated_at  BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS sessions (
    id               TEXT PRIMARY KEY,
    created_at       BIGINT NOT NULL,
    template         TEXT,
    language         TEXT,
    facilitator_hash TEXT,
    participant_hash TEXT,
    viewer_hash      TEXT
  );
`;

/**
 * One statement, so one transaction: the room lock is taken before nextval() runs and held
 * until commit. Per room, seq order is therefore commit order, and a reader that sees seq N
 * sees every earlier update of that room: what makes compaction by another instance safe.
 */
const APPEND = `
  WITH locked AS (SELECT pg_advisory_xact_lock(${ROOM_LOCK}, hashtext($1)))
  INSERT INTO room_updates (room, data) SELECT $1, $2 FROM locked RETURNING seq`;

/** One statement = one MVCC snapshot: the snapshot row and the log come from the same moment. */
const LOAD = `
  SELECT data FROM (
    SELECT 0 AS part, 0::bigint AS seq, data FROM room_snapshots WHERE room = $1
    UNION ALL
    SELECT 1 AS part, seq, data FROM room_updates WHERE room = $1
  ) AS stored ORDER BY part, seq`;

const STATS = `
  SELECT COUNT(*)::bigint AS updates, COALESCE(SUM(octet_length(data)), 0)::bigint AS bytes,
         MAX(seq) AS last_seq,
         (SELECT through_seq FROM room_snapshots WHERE room = $1) AS snapshot_seq
  FROM room_updates WHERE room = $1`;

const HASH_COLUMNS = {
  facilitator: 'facilitator_hash',
  participant: 'participant_hash',
  viewer: 'viewer_hash',
} as const satisfies Record<Role, string>;

interface SessionRow {
  id: string;
  created_at: string;
  template: string | null;
  language: string | null;
  facilitator_hash: string | null;
  participant_hash: string | null;
  viewer_hash: string | null;
}

/** pg binds Buffers; this wraps without copying. Loaded Buffers are fresh, so they are handed out as views. */
const toBytea = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const fromBytea = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
/** BIGINT arrives as a string (it may exceed 2^53); ours never do. */
const int = (value: string | number | null): number => (value === null ? 0 : Number(value));

function assertBytes(value: unknown, what: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
}

/**
 * Storage in PostgreSQL, shared by every server instance of a scale-out deployment
 * (ARCHITECTURE.md, "Scale-out"). Same contract as SqliteStorage; the schema is created on
 * first use. Construction is synchronous and cheap; the first query waits for the schema.
 */
// Loaded when the first PostgresStorage is made: a server on SQLite never pays for the driver's
// memory (the built server keeps npm packages external, so this is a plain require at run time).
const require = createRequire(import.meta.url);

export class PostgresStorage implements Storage {
  private readonly pool: pg.Pool;
  /** The schema step: started at construction, started again by the next call if it failed. */
  private ready: Promise<void>;
  private migrationFailed = false;
  private closed: Promise<void> | null = null;

  constructor(options: PostgresStorageOptions) {
    const { Pool } = require('pg') as typeof pg;
    this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle client losing its connection (database restart) is reported here; without a
    // listener it would crash the process. The next query simply gets a fresh connection.
    this.pool.on('error', (error) => options.logger?.warn('postgres connection lost', { error }));
    this.ready = this.startMigration();
  }

  /**
   * Resolves once the schema exists; rejects if the database is unreachable or too new. A
   * database that was down when the server started is retried by the next call, so the
   * instance recovers (and /readyz turns green) without a restart.
   */
  whenReady(): Promise<void> {
    if (this.migrationFailed && this.closed === null) {
      this.migrationFailed = false;
      this.ready = this.startMigration();
    }
    return this.ready;
  }

  async load(room: string): Promise<Uint8Array[]> {
    const { rows } = await this.query<{ data: Buffer }>(LOAD, [room]);
    return rows.map((row) => fromBytea(row.data));
  }

  async append(room: string, update: Uint8Array): Promise<number> {
    assertBytes(update, 'update');
    const { rows } = await this.query<{ seq: string }>(APPEND, [room, toBytea(update)]);
    return int(rows[0]?.seq ?? null);
  }

  /** One transaction under the room lock: the batch commits whole, in order, with one commit. */
  async appendBatch(room: string, updates: readonly Uint8Array[]): Promise<number[]> {
    updates.forEach((u, i) => assertBytes(u, `updates[${i}]`));
    if (updates.length === 1) return [await this.append(room, updates[0]!)];
    return this.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${ROOM_LOCK}, hashtext($1))`, [room]);
      const { rows } = await client.query<{ seq: string }>(
        'INSERT INTO room_updates (room, data) SELECT $1, data FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY n RETURNING seq',
        [room, updates.map(toBytea)],
      );
      return rows.map((row) => int(row.seq)).sort((a, b) => a - b);
    });
  }

  /**
   * Deletes updates through throughSeq and stores the snapshot, in one transaction under the
   * room lock. A snapshot never replaces a newer one: with several instances, one may finish
   * compacting an older state after another compacted a newer one; keeping the newer snapshot
   * (which covers more) is what the older caller would have wanted anyway.
   */
  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    assertBytes(snapshot, 'snapshot');
    if (!Number.isSafeInteger(throughSeq) || throughSeq < 0) {
      throw new RangeError('throughSeq must be a non-negative integer');
    }
    await this.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${ROOM_LOCK}, hashtext($1))`, [room]);
      await client.query('DELETE FROM room_updates WHERE room = $1 AND seq <= $2', [room, throughSeq]);
      await client.query(
        `INSERT INTO room_snapshots (room, through_seq, data, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (room) DO UPDATE SET through_seq = excluded.through_seq, data = excluded.data,
           updated_at = excluded.updated_at
         WHERE room_snapshots.through_seq <= excluded.through_seq`,
        [room, throughSeq, toBytea(snapshot), Date.now()],
      );
    });
  }

  async stats(room: string): Promise<RoomStats> {
    const { rows } = await this.query<{
      updates: string;
      bytes: string;
      last_seq: string | null;
      snapshot_seq: string | null;
    }>(STATS, [room]);
    const row = rows[0];
    if (!row) return { updates: 0, bytes: 0, lastSeq: 0 };
    return { updates: int(row.updates), bytes: int(row.bytes), lastSeq: int(row.last_seq ?? row.snapshot_seq) };
  }

  async createSession(session: SessionRecord, seed: readonly RoomSeed[]): Promise<boolean> {
    for (const { update } of seed) assertBytes(update, 'seed update');
    return this.transaction(async (client) => {
      const h = session.tokenHashes;
      const inserted = await client.query(
        `INSERT INTO sessions (id, created_at, template, language, facilitator_hash, participant_hash, viewer_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        [
          session.id,
          session.createdAt,
          session.template,
          session.language,
          h?.facilitator ?? null,
          h?.participant ?? null,
          h?.viewer ?? null,
        ],
      );
      if (inserted.rowCount === 0) return false;
      for (const { room, update } of seed) await client.query(APPEND, [room, toBytea(update)]);
      return true;
    });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const { rows } = await this.query<SessionRow>(
      `SELECT id, created_at, template, language, facilitator_hash, participant_hash, viewer_hash
       FROM sessions WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return sessionFromRow({ ...row, created_at: int(row.created_at) });
  }

  async setTokenHash(id: string, role: Role, hash: string): Promise<boolean> {
    if (typeof hash !== 'string') throw new TypeError('hash must be a string');
    const column = HASH_COLUMNS[role];
    if (!column) throw new TypeError('unknown role');
    const result = await this.query(
      `UPDATE sessions SET ${column} = $1 WHERE id = $2 AND facilitator_hash IS NOT NULL`,
      [hash, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async countSessions(): Promise<number> {
    const { rows } = await this.query<{ n: string }>('SELECT COUNT(*)::bigint AS n FROM sessions');
    return int(rows[0]?.n ?? null);
  }

  /** The three tables with their indexes and TOAST: the catalogue knows, nothing is scanned. */
  async sessionBytes(sessionId: string): Promise<number> {
    const [from, to] = sessionRoomRange(sessionId);
    const { rows } = await this.query<{ bytes: string }>(
      `SELECT ((SELECT COALESCE(SUM(LENGTH(data)), 0) FROM room_updates WHERE room >= $1 AND room < $2)
             + (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM room_snapshots WHERE room >= $1 AND room < $2))::bigint AS bytes`,
      [from, to],
    );
    return int(rows[0]?.bytes ?? null);
  }

  async totalBytes(): Promise<number> {
    const { rows } = await this.query<{ bytes: string }>(
      `SELECT (pg_total_relation_size('room_updates') + pg_total_relation_size('room_snapshots')
               + pg_total_relation_size('sessions'))::bigint AS bytes`,
    );
    return int(rows[0]?.bytes ?? null);
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.closed ??= (async () => {
      await this.ready.catch(() => {});
      await this.pool.end();
    })();
    await this.closed;
  }

  private startMigration(): Promise<void> {
    const attempt = this.migrate();
    attempt.catch(() => {
      // Surfaced by every method (and by ping, which /readyz uses); the next call tries again.
      if (this.ready === attempt) this.migrationFailed = true;
    });
    return attempt;
  }

  private async query<Row extends pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<Row>> {
    await this.whenReady();
    return this.pool.query<Row>(text, values);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, migrating = false): Promise<T> {
    if (!migrating) await this.whenReady();
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection itself failed: do not return it to the pool
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private migrate(): Promise<void> {
    return this.transaction(async (client) => {
      // Two instances starting together would otherwise race on CREATE ... IF NOT EXISTS
      // (which is not safe against concurrent creation of the same table in PostgreSQL).
      await client.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK}, 0)`);
      await client.query(SCHEMA);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM wcb_schema');
      const version = rows[0]?.version;
      if (version !== undefined && version > SCHEMA_VERSION) {
        throw new Error(`the database has schema version ${version}; this server only knows ${SCHEMA_VERSION}`);
      }
      if (version === undefined) await client.query('INSERT INTO wcb_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
      else if (version < SCHEMA_VERSION) await client.query('UPDATE wcb_schema SET version = $1', [SCHEMA_VERSION]);
    }, true);
  }
}
