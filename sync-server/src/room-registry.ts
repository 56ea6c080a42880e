import { controlRoom, parseRoomName, type RoomRef } from '@wcb/shared';
import type { Connection } from './connection';
import type { Logger } from './logger';
import { Room, type CompactionPolicy } from './room';
import type { DocStorage } from './storage/types';

export interface RoomRegistryOptions {
  readonly storage: DocStorage;
  readonly logger: Logger;
  readonly compaction: CompactionPolicy;
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

  constructor(private readonly options: RoomRegistryOptions) {}

  get roomCount(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    let count = 0;
    for (const room of this.rooms.values()) count += room.connectionCount;
    return count;
  }

  /** Adds `conn` to the room `name` (a valid room name), loading it (and its control room) if needed. */
  join(name: string, conn: Connection): Room {
    const ref = parseRoomName(name);
    if (!ref) throw new Error('invalid room name');
    const room = this.open(name, ref);
    room.join(conn);
    return room;
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
      room = new Room({
        ...this.options,
        name,
        ref,
        control,
        after: this.retiring.get(name) ?? Promise.resolve(),
        onRetire: (retired, done) => this.onRetire(retired, done),
      });
      this.rooms.set(name, room);
    }
    return room;
  }

  /** Closes every connection with `code` and resolves once every room has flushed. */
  async closeAll(code: number, reason: string): Promise<void> {
    for (const room of [...this.rooms.values()]) room.evict(code, reason);
    await Promise.all(this.retiring.values());
  }

  private onRetire(room: Room, done: Promise<void>): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
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
