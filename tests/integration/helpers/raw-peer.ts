/**
 * A hand-driven y-protocols peer: a bare `ws` socket, lib0 encoding and y-protocols/sync, no
 * provider. It sends exactly the bytes a test asks for, so it can try what a stock client
 * never would, and it records every message the server sends back.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { MessageType, SyncStep, encodeSyncStep1, encodeSyncUpdate } from '@wcb/shared/wire';
import { nextEvent, waitUntil } from './clients';

export type ServerMessage =
  | { type: 'sync'; step: 0 | 1 | 2; payload: Uint8Array }
  | { type: 'awareness'; payload: Uint8Array }
  | { type: 'auth'; denied: boolean; reason: string }
  | { type: 'other'; code: number };

function decode(bytes: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Sync) {
    const step = decoding.readVarUint(decoder) as 0 | 1 | 2;
    return { type: 'sync', step, payload: decoding.readVarUint8Array(decoder) };
  }
  if (type === MessageType.Awareness) return { type: 'awareness', payload: decoding.readVarUint8Array(decoder) };
  if (type === MessageType.Auth) {
    const denied = decoding.readVarUint(decoder) === 0;
    return { type: 'auth', denied, reason: decoding.readVarString(decoder) };
  }
  return { type: 'other', code: type };
}

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export class RawPeer {
  readonly received: ServerMessage[] = [];
  /** When each message of `received` arrived (performance.now()): frames of one socket write arrive together. */
  readonly receivedAt: number[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.received.push(decode(new Uint8Array(data)));
      this.receivedAt.push(performance.now());
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Opens `/ws/<room>` with `?token=` when a token is given; resolves once the socket is open. */
  static async connect(wsUrl: string, room: string, token?: string): Promise<RawPeer> {
    const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
    const peer = new RawPeer(new WebSocket(`${wsUrl}/${room}${query}`));
    await Promise.race([nextEvent(peer.ws, 'open'), peer.closed]);
    return peer;
  }

  /** Connects and waits for the server's sync step 1, i.e. the room is loaded and we are in. */
  static async join(wsUrl: string, room: string, token: string): Promise<RawPeer> {
    const peer = await RawPeer.connect(wsUrl, room, token);
    await peer.waitFor('the server step 1', () => peer.count((m) => m.type === 'sync' && m.step === 0) > 0);
    return peer;
  }

  count(match: (m: ServerMessage) => boolean): number {
    return this.received.filter(match).length;
  }

  get denials(): number {
    return this.count((m) => m.type === 'auth' && m.denied && m.reason === 'read-only');
  }

  /** Relayed updates (sync step 'update') received so far. */
  get relayedUpdates(): Uint8Array[] {
    return this.received.flatMap((m) => (m.type === 'sync' && m.step === 2 ? [m.payload] : []));
  }

  waitFor(what: string, check: () => boolean): Promise<void> {
    return waitUntil(what, check, [[this.ws, 'message']]);
  }

  send(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  /** Sync 'update' (type 0, step 2) carrying `update`. */
  sendUpdate(update: Uint8Array): void {
    this.send(encodeSyncUpdate(update));
  }

  /** Sync step 2 (type 0, step 1) carrying `update`, as a client's answer to the server's step 1. */
  sendStep2(update: Uint8Array): void {
    this.send(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Sync);
        encoding.writeVarUint(e, SyncStep.Step2);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  /**
   * Sends a sync step 1 for an empty doc and resolves with the server's step 2: its whole state.
   * The reply leaves through the room's ordered outbox, so when it arrives every update the
   * room relayed to us before has arrived too, and every message we sent before was handled.
   */
  async roundTrip(): Promise<Y.Doc> {
    const isStep2 = (m: ServerMessage): boolean => m.type === 'sync' && m.step === 1;
    const before = this.count(isStep2);
    this.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await this.waitFor('the server step 2', () => this.count(isStep2) > before);
    const reply = this.received.filter(isStep2).at(-1);
    const doc = new Y.Doc();
    if (reply?.type === 'sync') Y.applyUpdate(doc, reply.payload);
    return doc;
  }

  close(): void {
    this.ws.terminate();
  }
}
