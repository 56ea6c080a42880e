import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { writePermissionDenied } from 'y-protocols/auth';
import { writeSyncStep2 } from 'y-protocols/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeRoom, type Room } from '../../client/src/sync/room';
import { blocksWrites, refusalOf } from '../../client/src/sync/refusal';

/** A socket the test plays the server on: it opens, delivers messages and closes when told to. */
class ServerSide {
  static all: ServerSide[] = [];
  readyState = 0;
  readonly OPEN = 1;
  binaryType = 'arraybuffer';
  bufferedAmount = 0;
  onopen: (() => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  constructor() {
    ServerSide.all.push(this);
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  deliver(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    write(encoder);
    this.onmessage?.({ data: encoding.toUint8Array(encoder).slice().buffer });
  }
  serverClose(code: number, reason: string): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
}

const globals = globalThis as { WebSocket?: unknown };
const saved = globals.WebSocket;
beforeAll(() => {
  globals.WebSocket = ServerSide;
});
afterAll(() => {
  globals.WebSocket = saved;
});

const rooms: Room[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.dispose();
  ServerSide.all = [];
});

/** A phase room connected to the fake server; resolves with the room and its open socket. */
async function connectedRoom(): Promise<{ room: Room; socket: ServerSide }> {
  const room = makeRoom(`Session_ABCDEFGH12/phase/p${rooms.length}`, { url: 'ws://server.test/ws', token: 'tok_0123456789abcdefXYZ' });
  rooms.push(room);
  const socket = await vi.waitFor(() => {
    const s = ServerSide.all.at(-1);
    if (!s) throw new Error('no socket yet');
    return s;
  });
  socket.open();
  return { room, socket };
}

// y-websocket message types.
const SYNC = 0;
const AUTH = 2;
const denied = (reason: string) => (encoder: encoding.Encoder) => {
  encoding.writeVarUint(encoder, AUTH);
  writePermissionDenied(encoder, reason);
};

describe('a refused write', () => {
  it('carries the server’s reason into the room state; the edit stays in this device’s document', async () => {
    const { room, socket } = await connectedRoom();
    room.doc.getMap('notes').set('n1', 'written here');
    expect(room.state().denied).toBeNull();
    socket.deliver(denied('room-full'));
    expect(room.state().denied).toBe('room-full');
    expect(refusalOf(room.state())).toBe('room-full');
    // Deleting notes frees room: a full room does not turn the board read-only.
    expect(blocksWrites(room.state().denied)).toBe(false);
    expect(room.doc.getMap('notes').get('n1')).toBe('written here');
    room.clearDenied();
    expect(room.state().denied).toBeNull();
  });

  it.each([
    ['read-only', 'read-only', true],
    ['session-full', 'session-full', false],
    ['server-full', 'server-full', false],
    ['', 'read-only', true],
    ['something-new', 'other', true],
  ] as const)('reason "%s" reads as %s (blocks writes: %s)', async (reason, refusal, blocks) => {
    const { room, socket } = await connectedRoom();
    socket.deliver(denied(reason));
    expect(refusalOf(room.state())).toBe(refusal);
    expect(blocksWrites(room.state().denied)).toBe(blocks);
  });

  it('an old server’s close 4413 (document too large) reads as a full room', async () => {
    const { room, socket } = await connectedRoom();
    socket.serverClose(4413, 'document too large');
    expect(room.state().closed).toEqual({ code: 4413, reason: 'document too large' });
    expect(refusalOf(room.state())).toBe('room-full');
  });

  it('close 1007 invalid-record (a control record the server refuses) is final: no reconnect resends it, and it reads as a refusal', async () => {
    const { room, socket } = await connectedRoom();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      socket.serverClose(1007, 'invalid-record');
      // Past the provider's longest backoff: a retry would have opened a socket by now.
      vi.advanceTimersByTime(10_000);
    } finally {
      vi.useRealTimers();
    }
    expect(ServerSide.all).toEqual([socket]);
    expect(room.state().closed).toEqual({ code: 1007, reason: 'invalid-record' });
    expect(refusalOf(room.state())).toBe('invalid-record');
  });

  it('any other 1007 (a frame a proxy mangled) is transient: the room reconnects and shows no refusal', async () => {
    const { room, socket } = await connectedRoom();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      socket.serverClose(1007, 'malformed-message');
      vi.advanceTimersByTime(10_000);
    } finally {
      vi.useRealTimers();
    }
    expect(ServerSide.all.length).toBe(2);
    expect(room.state().closed).toBeNull();
    expect(refusalOf(room.state())).toBeNull();
  });

  it('close 4533 (unknown phase) is no refusal: the room waits, retries and stops waiting once synced', async () => {
    const { room, socket } = await connectedRoom();
    socket.serverClose(4533, 'unknown phase');
    expect(room.state()).toMatchObject({ waiting: true, closed: null, unreachable: false, denied: null });
    expect(refusalOf(room.state())).toBeNull();
    // The stock provider comes back on its own (backoff), and the server now knows the phase.
    const retry = await vi.waitFor(() => {
      const s = ServerSide.all.at(-1);
      if (!s || s === socket) throw new Error('no retry yet');
      return s;
    });
    retry.open();
    expect(room.state().waiting).toBe(true);
    retry.deliver((encoder) => {
      encoding.writeVarUint(encoder, SYNC);
      writeSyncStep2(encoder, new Y.Doc());
    });
    expect(room.state().waiting).toBe(false);
  });
});
