import { controlRoom, parseRoomName, type RoomRef } from '@wcb/shared';
import type { Connection } from './connection';
import { CloseCode } from '@wcb/shared/wire';
import { LimitRefusal } from './limits';
import type { Logger } from './logger';
import { noMetrics, type Metrics } from './metrics';
import { Room, type CompactionPolicy, type RelayPacing, type RoomRejection } from './room';
import type { DocStorage } from './storage/types';
import type { RoomBus } from './cluster/bus';
import type { StorageQuota } from './storage-quota';
import type { RejectReason } from './metrics';

const REJECTION_METRIC: Record<RoomRejection, RejectReason> = {
  'room-full': 'doc-too-large',
  'session-full': 'session-bytes',
  'server-full': 'storage-full',
  'write-denied': 'write-denied',
  malformed: 'malformed',
};

export interface RoomRegistryOptions {
  readonly storage: DocStorage;
  readonly logger: Logger;
  readonly compaction: CompactionPolicy;
  readonly pacing: RelayPacing;
  /** Defaults to noMetrics. */
  readonly metrics?: Metrics;
  /** Limits (defaults: none); a refusal throws LimitRefusal from join(). */
  readonly limits?: RoomLimits;
  /** Scale-out: the bus to the other instances (cluster/); default none. */
  readonly bus?: RoomBus;
  /** Defaults to Date.now. */
  readonly clock?: () => number;
  /** Stored bytes per session and in all (MAX_SESSION_BYTES, MAX_STORAGE_BYTES); none: unlimited. */
  readonly quota?: StorageQuota;
}

export interface RoomLimits {
  /** Rooms in memory at once, control rooms included. */
  readonly maxRooms?: number;
  /** Rooms of one session in memory at once, its control room included. */
  readonly maxRoomsPerSession?: number;
  readonly maxConnectionsPerRoom?: number;
  /** Largest stored state a room may grow to; past it a room takes only deletions (room.ts). */
  readonly maxDocBytes?: number;
}

/**
 * The rooms currently in memory, keyed by name. A room is created by its first connection and
 * forgotten when it retires; a new instance of the same room loads only after the previous one
 * finished flushing, so a reconnect right after the last peer left cannot read a stale log.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  /** Per room name: settles when the newest retired instance has flushed and freed its doc. */
  private readonly retiring = new Map<string, Promise<void>>();
  /** Rooms in memory per session id. */
  private readonly perSession = new Map<string, number>();

  constructor(private readonly options: RoomRegistryOptions) {}

  get roomCount(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    let count = 0;
    for (const room of this.rooms.values()) count += room.connectionCount;
    return count;
  }

  /**
   * Adds `conn` to the room `name` (a valid room name), loading it (and its control room) if
   * needed. A phase or votes room opens only for a phase its session's control doc defines, so
   * made-up names never load a room; the facilitator may open one not defined yet (a phase added
   * offline, whose control update is still on its way). Throws LimitRefusal.
   */
  async join(name: string, conn: Connection): Promise<Room> {
    const ref = parseRoomName(name);
    if (!ref) throw new Error('invalid room name');
    if (ref.kind === 'control' || this.rooms.has(name)) return this.enter(name, ref, conn);
    const controlRef: RoomRef = { kind: 'control', sessionId: ref.sessionId };
    const control = this.rooms.get(controlRoom(ref.sessionId)) ?? this.enterRoom(controlRoom(ref.sessionId), controlRef);
    const release = control.hold();
    try {
      if (!(await control.loaded) || control.isRetired) {
        throw new LimitRefusal(CloseCode.RoomLoadFailed, 'room load failed', 'load-failed');
      }
      if (conn.role !== 'facilitator' && !control.definesPhase(ref.phaseId)) {
        throw new LimitRefusal(CloseCode.UnknownPhase, 'unknown phase', 'unknown-phase');
      }
      return this.enter(name, ref, conn);
    } finally {
      release();
    }
  }

  private enter(name: string, ref: RoomRef, conn: Connection): Room {
    const room = this.enterRoom(name, ref);
    room.join(conn);
    return room;
  }

  private enterRoom(name: string, ref: RoomRef): Room {
    this.admit(name, ref);
    return this.open(name, ref);
  }

  /**
   * Throws LimitRefusal when joining `name` would pass a limit. Rooms are unloaded as soon as
   * their last connection leaves (after their flush), so there are no idle rooms to evict: at
   * the cap, a connection that would load a new room is refused until others unload.
   */
  private admit(name: string, ref: RoomRef): void {
    const { maxRooms = Infinity, maxConnectionsPerRoom = Infinity, maxRoomsPerSession = Infinity } = this.options.limits ?? {};
    const existing = this.rooms.get(name);
    if (existing) {
      if (existing.connectionCount >= maxConnectionsPerRoom) {
        throw new LimitRefusal(CloseCode.RoomFull, 'room full', 'connections-per-room');
      }
      return;
    }
    // A phase or votes room also loads its control room.
    const needed = ref.kind !== 'control' && !this.rooms.has(controlRoom(ref.sessionId)) ? 2 : 1;
    if (this.rooms.size + needed > maxRooms) throw new LimitRefusal(CloseCode.ServerFull, 'server full', 'rooms-full');
    if ((this.perSession.get(ref.sessionId) ?? 0) + needed > maxRoomsPerSession) {
      throw new LimitRefusal(CloseCode.SessionRoomsFull, 'session rooms full', 'session-rooms');
    }
  }

  /**
   * The room in memory, created if missing. A phase or votes room first opens its session's
   * control room and leases it: the control doc decides every write there, so it is loaded
   * before the dependent room answers anyone and unloads only after the last lease is gone.
   */
  private open(name: string, ref: RoomRef): Room {
    let room = this.rooms.get(name);
    if (!room) {
      const control =
        ref.kind === 'control'
          ? null
          : this.open(controlRoom(ref.sessionId), { kind: 'control', sessionId: ref.sessionId });
      const metrics = this.options.metrics ?? noMetrics;
      const { quota, ...shared } = this.options;
      room = new Room({
        ...shared,
        maxDocBytes: this.options.limits?.maxDocBytes,
        onRejected: (reason) => metrics.rejected(REJECTION_METRIC[reason]),
        ...(quota ? { quota: quota.forSession(ref.sessionId) } : {}),
        name,
        ref,
        control,
        after: this.retiring.get(name) ?? Promise.resolve(),
        onRetire: (retired, done) => this.onRetire(retired, done),
      });
      this.rooms.set(name, room);
      this.perSession.set(ref.sessionId, (this.perSession.get(ref.sessionId) ?? 0) + 1);
      (this.options.metrics ?? noMetrics).roomLoaded();
    }
    return room;
  }

  /** Closes every connection with `code` and resolves once every room has flushed. */
  async closeAll(code: number, reason: string): Promise<void> {
    for (const room of [...this.rooms.values()]) room.evict(code, reason);
    await Promise.all(this.retiring.values());
  }

  private onRetire(room: Room, done: Promise<void>): void {
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name);
      const sessionId = room.name.slice(0, room.name.indexOf('/'));
      const left = (this.perSession.get(sessionId) ?? 1) - 1;
      if (left > 0) this.perSession.set(sessionId, left);
      else {
        this.perSession.delete(sessionId);
        this.options.quota?.forget(sessionId);
      }
    }
    (this.options.metrics ?? noMetrics).roomUnloaded();
    const settled: Promise<void> = done.then(
      () => this.forget(room.name, settled),
      (error: unknown) => {
        this.options.logger.error('room shutdown failed', { room: room.name, error });
        this.forget(room.name, settled);
      },
    );
    this.retiring.set(room.name, settled);
  }

  private forget(name: string, settled: Promise<void>): void {
    if (this.retiring.get(name) === settled) this.retiring.delete(name);
  }
}
