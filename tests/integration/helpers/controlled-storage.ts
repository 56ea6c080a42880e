import type { Role } from '@wcb/shared';
import { MemoryStorage } from '@wcb/sync-server';
import type { RoomSeed, RoomStats, SessionRecord, Storage } from '@wcb/sync-server';

/** A promise with its resolver: lets a test hold the server at a chosen point. */
export interface Gate {
  readonly opened: Promise<void>;
  open(): void;
}

export function createGate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

type Call = 'load' | 'append' | 'compact';

/**
 * MemoryStorage with test hooks: loads, appends and compactions can be held behind a gate or made to fail,
 * and every call is announced so tests await the server's progress instead of sleeping.
 */
export class ControlledStorage implements Storage {
  readonly inner = new MemoryStorage();
  loadGate: Gate | null = null;
  appendGate: Gate | null = null;
  compactGate: Gate | null = null;
  failLoads = false;
  failAppends = false;
  failSessionLookups = false;
  failPings = false;
  readonly calls: Record<Call, string[]> = { load: [], append: [], compact: [] };
  private readonly waiters: { kind: Call; resolve: () => void }[] = [];

  /** Resolves when the server next calls `kind` (e.g. starts loading a room). */
  next(kind: Call): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ kind, resolve }));
  }

  async load(room: string): Promise<Uint8Array[]> {
    this.announce('load', room);
    await this.loadGate?.opened;
    if (this.failLoads) throw new Error('simulated load failure');
    return this.inner.load(room);
  }

  async append(room: string, update: Uint8Array): Promise<number> {
    this.announce('append', room);
    await this.appendGate?.opened;
    if (this.failAppends) throw new Error('simulated write failure');
    return this.inner.append(room, update);
  }

  /** Held and failed like append: one announcement per batch. */
  async appendBatch(room: string, updates: readonly Uint8Array[]): Promise<number[]> {
    this.announce('append', room);
    await this.appendGate?.opened;
    if (this.failAppends) throw new Error('simulated write failure');
    return this.inner.appendBatch(room, updates);
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.announce('compact', room);
    await this.compactGate?.opened;
    return this.inner.compact(room, snapshot, throughSeq);
  }

  stats(room: string): Promise<RoomStats> {
    return this.inner.stats(room);
  }

  createSession(session: SessionRecord, seed: readonly RoomSeed[]): Promise<boolean> {
    return this.inner.createSession(session, seed);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    if (this.failSessionLookups) throw new Error('simulated session lookup failure');
    return this.inner.getSession(id);
  }

  setTokenHash(id: string, role: Role, hash: string): Promise<boolean> {
    return this.inner.setTokenHash(id, role, hash);
  }

  sessionBytes(sessionId: string): Promise<number> {
    return this.inner.sessionBytes(sessionId);
  }

  countSessions(): Promise<number> {
    return this.inner.countSessions();
  }

  totalBytes(): Promise<number> {
    return this.inner.totalBytes();
  }

  /** Readiness probe (`/readyz`); `failPings` makes the store look unreachable. */
  async ping(): Promise<void> {
    if (this.failPings) throw new Error('simulated storage outage');
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private announce(kind: Call, room: string): void {
    this.calls[kind].push(room);
    for (const waiter of this.waiters.filter((w) => w.kind === kind)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
