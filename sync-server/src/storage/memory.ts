import type { Role } from '@wcb/shared';
import type { RoomSeed, RoomStats, SessionRecord, Storage } from './types';

interface StoredRoom {
  snapshot: { data: Uint8Array; throughSeq: number } | null;
  updates: { seq: number; data: Uint8Array }[];
}

/**
 * In-memory storage for tests and throwaway servers. Bytes are copied on the way in and out:
 * callers may hand us views into a socket buffer that gets reused, and tests may mutate what
 * they load, neither of which must reach the stored state.
 */
export class MemoryStorage implements Storage {
  private readonly rooms = new Map<string, StoredRoom>();
  private readonly sessions = new Map<string, SessionRecord>();
  private seq = 0;
  private closed = false;

  async load(room: string): Promise<Uint8Array[]> {
    this.assertOpen();
    const stored = this.rooms.get(room);
    if (!stored) return [];
    const out = stored.updates.map((u) => u.data.slice());
    if (stored.snapshot) out.unshift(stored.snapshot.data.slice());
    return out;
  }

  async append(room: string, update: Uint8Array): Promise<number> {
    this.assertOpen();
    assertBytes(update, 'update');
    this.seq += 1;
    this.roomFor(room).updates.push({ seq: this.seq, data: update.slice() });
    return this.seq;
  }

  async appendBatch(room: string, updates: readonly Uint8Array[]): Promise<number[]> {
    this.assertOpen();
    // Validate everything before storing anything: that is what makes this "atomic" here.
    updates.forEach((u, i) => assertBytes(u, `updates[${i}]`));
    const seqs: number[] = [];
    for (const update of updates) seqs.push(await this.append(room, update));
    return seqs;
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.assertOpen();
    // Validate everything before touching state: that is what makes this "atomic" here.
    assertBytes(snapshot, 'snapshot');
    assertSeq(throughSeq);
    const stored = this.roomFor(room);
    stored.updates = stored.updates.filter((u) => u.seq > throughSeq);
    stored.snapshot = { data: snapshot.slice(), throughSeq };
  }

  async stats(room: string): Promise<RoomStats> {
    this.assertOpen();
    const stored = this.rooms.get(room);
    if (!stored) return { updates: 0, bytes: 0, lastSeq: 0 };
    const last = stored.updates.at(-1);
    return {
      updates: stored.updates.length,
      bytes: stored.updates.reduce((sum, u) => sum + u.data.byteLength, 0),
      lastSeq: last?.seq ?? stored.snapshot?.throughSeq ?? 0,
    };
  }

  async createSession(session: SessionRecord, seed: readonly RoomSeed[]): Promise<boolean> {
    this.assertOpen();
    if (this.sessions.has(session.id)) return false;
    for (const { update } of seed) assertBytes(update, 'seed update');
    this.sessions.set(session.id, copySession(session));
    for (const { room, update } of seed) await this.append(room, update);
    return true;
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    this.assertOpen();
    const found = this.sessions.get(id);
    return found ? copySession(found) : null;
  }

  async setTokenHash(id: string, role: Role, hash: string): Promise<boolean> {
    this.assertOpen();
    if (typeof hash !== 'string') throw new TypeError('hash must be a string');
    const found = this.sessions.get(id);
    if (!found?.tokenHashes) return false;
    this.sessions.set(id, { ...found, tokenHashes: { ...found.tokenHashes, [role]: hash } });
    return true;
  }

  async countSessions(): Promise<number> {
    this.assertOpen();
    return this.sessions.size;
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async sessionBytes(sessionId: string): Promise<number> {
    this.assertOpen();
    let total = 0;
    for (const [name, { snapshot, updates }] of this.rooms) {
      if (!name.startsWith(`${sessionId}/`)) continue;
      total += snapshot?.data.byteLength ?? 0;
      for (const u of updates) total += u.data.byteLength;
    }
    return total;
  }

  async totalBytes(): Promise<number> {
    this.assertOpen();
    let total = 0;
    for (const { snapshot, updates } of this.rooms.values()) {
      total += snapshot?.data.byteLength ?? 0;
      for (const u of updates) total += u.data.byteLength;
    }
    return total;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private roomFor(room: string): StoredRoom {
    let stored = this.rooms.get(room);
    if (!stored) {
      stored = { snapshot: null, updates: [] };
      this.rooms.set(room, stored);
    }
    return stored;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryStorage is closed');
  }
}

const copySession = (s: SessionRecord): SessionRecord => ({
  ...s,
  tokenHashes: s.tokenHashes ? { ...s.tokenHashes } : null,
});

function assertBytes(value: unknown, what: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
}

function assertSeq(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`throughSeq must be a non-negative integer`);
}
