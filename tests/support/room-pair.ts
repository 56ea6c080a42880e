import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Role } from '@wcb/shared';
import type { Connection } from '../../sync-server/src/connection';
import { MessageType } from '@wcb/shared/wire';
import type { Room } from '../../sync-server/src/room';
import type { RoomRegistry } from '../../sync-server/src/room-registry';

/** A connection that keeps what the room sends until the test flushes it to the peer. */
export class TestConnection implements Connection {
  readonly outbox: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(
    readonly id: string,
    readonly role: Role,
  ) {}

  send(message: Uint8Array): void {
    if (!this.closed) this.outbox.push(message);
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }
}

/**
 * One peer of a room over an in-memory connection, in the spirit of tldraw's TestSocketPair: no
 * socket and no timer between them. What the peer sends waits until `flushToRoom()`, what the
 * room sends until `flushFromRoom()`, and `room.settled()` says the room has handled what it got;
 * so a test states the interleaving it means and ordering guarantees are checked exactly.
 */
export class RoomPeer {
  readonly doc = new Y.Doc();
  readonly conn: TestConnection;
  private readonly toRoom: Uint8Array[] = [];
  private joined: Room | null = null;

  constructor(
    private readonly registry: RoomRegistry,
    readonly roomName: string,
    role: Role,
  ) {
    this.conn = new TestConnection(`peer-${this.doc.clientID}`, role);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.toRoom.push(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    });
  }

  get room(): Room {
    if (!this.joined) throw new Error('not joined');
    return this.joined;
  }

  /** Joins, with the step 1 a provider sends on open waiting to be flushed. */
  async join(): Promise<this> {
    this.joined = await this.registry.join(this.roomName, this.conn);
    this.toRoom.unshift(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    return this;
  }

  /**
   * Hands the room everything this peer sent; settles when the room has handled it (a test may
   * hold that while storage is held, to look at what left meanwhile).
   */
  flushToRoom(): Promise<void> {
    for (const message of this.toRoom.splice(0)) this.room.receive(this.conn, message);
    return this.room.settled();
  }

  /** Applies what the room sent (answering a step 1 on the next flushToRoom); returns each message's kind. */
  flushFromRoom(): string[] {
    return this.conn.outbox.splice(0).map((message) => this.receive(message));
  }

  private receive(message: Uint8Array): string {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type !== MessageType.Sync) return `type ${type}`;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MessageType.Sync);
    const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
    if (encoding.length(reply) > 1) this.toRoom.push(encoding.toUint8Array(reply));
    return ['step 1', 'step 2', 'update'][step] ?? `step ${step}`;
  }
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
