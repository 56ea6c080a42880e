/**
 * Durable storage for Yjs rooms and registered sessions.
 *
 * A room is stored as an append-only log of Yjs updates plus at most one snapshot that
 * replaces a prefix of the log. Updates are idempotent and commutative, so any replay of
 * "snapshot, then the remaining updates" yields the same document; the log only has to be
 * gap-free, never deduplicated.
 *
 * Every method is async even when the backing store is synchronous (better-sqlite3) so that
 * a networked store can implement the same contract. A write may read the bytes it is given
 * until its promise settles (SQLite commits them in a later group): do not change them before.
 */
import type { Language, Role } from '@wcb/shared';
import type { TokenHashes } from '../tokens';

/** What the log holds beyond the latest snapshot: drives the compaction policy. */
export interface RoomStats {
  /** Updates appended since the latest snapshot (0 when the room is only a snapshot). */
  readonly updates: number;
  /** Sum of those updates' byte lengths. */
  readonly bytes: number;
  /** Sequence number of the newest stored update, or of the snapshot if none follows it; 0 for an empty room. */
  readonly lastSeq: number;
}

export interface SessionRecord {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly template: string | null;
  readonly language: Language | null;
  /**
   * SHA-256 (lowercase hex) of each role's capability token; never the tokens themselves.
   * null for sessions registered before tokens existed: no token opens them.
   */
  readonly tokenHashes: TokenHashes | null;
}

/** Initial content written together with a session, in the same atomic step. */
export interface RoomSeed {
  readonly room: string;
  readonly update: Uint8Array;
}

export interface DocStorage {
  /** The room's snapshot (if any) followed by every later update in append order; [] if unknown. */
  load(room: string): Promise<Uint8Array[]>;
  /** Durably appends one update and returns its sequence number (strictly increasing per storage). */
  append(room: string, update: Uint8Array): Promise<number>;
  /**
   * Durably appends `updates` in order, all or nothing, in one transaction (one commit, one
   * fsync): a room stores what arrived while its previous batch was being stored this way
   * (PROTOCOL.md, guarantee 2). Returns their sequence numbers, in order.
   */
  appendBatch(room: string, updates: readonly Uint8Array[]): Promise<number[]>;
  /**
   * Atomically stores `snapshot` as the room's state and deletes every update with
   * seq <= throughSeq. The snapshot must contain everything those updates contained;
   * updates after throughSeq are kept, so appends racing with a compaction are never lost.
   */
  compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  stats(room: string): Promise<RoomStats>;
  /**
   * Bytes stored for the rooms of one session (snapshots and updates): the MAX_SESSION_BYTES
   * quota. One indexed range query per call.
   */
  sessionBytes(sessionId: string): Promise<number>;
}

export interface SessionStore {
  /**
   * Registers a session and appends `seed` to its rooms, all or nothing.
   * Returns false (and writes nothing) when the id is already registered.
   */
  createSession(session: SessionRecord, seed: readonly RoomSeed[]): Promise<boolean>;
  getSession(id: string): Promise<SessionRecord | null>;
  /**
   * Atomically replaces one role's token hash (rotation); the other roles keep theirs.
   * Returns false (and writes nothing) when the session is unknown or has no token hashes.
   */
  setTokenHash(id: string, role: Role, hash: string): Promise<boolean>;
  /** How many sessions are registered: the server-wide quota (MAX_SESSIONS) counts these. */
  countSessions(): Promise<number>;
}

export interface Storage extends DocStorage, SessionStore {
  /**
   * Resolves once the store answers a trivial query (readiness probe); rejects when it cannot.
   * Must not write, and must be cheap enough to call on every `/readyz`.
   */
  ping(): Promise<void>;
  /**
   * Roughly how many bytes the store occupies (rooms and sessions), for the MAX_STORAGE_BYTES
   * quota. One cheap query, no scan: callers may ask every few seconds.
   */
  totalBytes(): Promise<number>;
  /** Flushes and releases the store; no other method may be called afterwards. */
  close(): Promise<void>;
}
