import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { phaseRoom } from '@wcb/shared';
import { connectClient, nextEvent, waitUntil, type TestClient } from './helpers/clients';
import { registerSession } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

type Change = { added: number[]; updated: number[]; removed: number[] };

describe('awareness (presence)', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  let token: string;
  let room: string;
  const join = (name: string): TestClient => {
    const client = connectClient(server.wsUrl, name, { token });
    clients.push(client);
    return client;
  };
  const nameOf = (observer: TestClient, clientId: number): unknown =>
    observer.provider.awareness.getStates().get(clientId)?.['name'];

  beforeEach(async () => {
    server = await startTestServer();
    // Presence needs no write access: viewers show up too.
    const session = await registerSession(server.storage);
    token = session.tokens.viewer;
    room = phaseRoom(session.id, 'ideas');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it("shows A's presence to B, and removes it when A disconnects", async () => {
    const alice = join(room);
    const bob = join(room);
    await Promise.all([alice.synced(), bob.synced()]);

    const seen = nextEvent(bob.provider.awareness, 'change', () => nameOf(bob, alice.doc.clientID) === 'Alice');
    alice.provider.awareness.setLocalStateField('name', 'Alice');
    await seen;

    const gone = nextEvent<[Change]>(bob.provider.awareness, 'change', ({ removed }) =>
      removed.includes(alice.doc.clientID),
    );
    alice.provider.disconnect();
    await gone;
    expect(bob.provider.awareness.getStates().has(alice.doc.clientID)).toBe(false);
  });

  it('removes the presence of a peer whose connection dropped without a goodbye', async () => {
    const bob = join(room);
    await bob.synced();

    // A raw peer: announces itself, then its socket dies without sending a null state.
    const ghostDoc = new Y.Doc();
    const ghost = new Awareness(ghostDoc);
    ghost.setLocalState({ name: 'Ghost' });
    const raw = new WebSocket(`${server.wsUrl}/${room}?token=${token}`);
    await nextEvent(raw, 'open');
    const seen = nextEvent(bob.provider.awareness, 'change', () => nameOf(bob, ghostDoc.clientID) === 'Ghost');
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 1);
    encoding.writeVarUint8Array(message, encodeAwarenessUpdate(ghost, [ghostDoc.clientID]));
    raw.send(encoding.toUint8Array(message));
    await seen;

    const gone = nextEvent<[Change]>(bob.provider.awareness, 'change', ({ removed }) =>
      removed.includes(ghostDoc.clientID),
    );
    raw.terminate();
    await gone;
    ghostDoc.destroy();
  });

  it("echoes a client's own awareness back, which keeps a lone stock client's watchdog fed", async () => {
    const alone = join(room);
    await alone.synced();
    // The stock client drops a connection after 30 s without any incoming message; alone in a
    // room, the echo of its own 15 s awareness renewal is all it receives.
    const socket = alone.provider.ws as unknown as WebSocket;
    // The provider sets binaryType 'arraybuffer'.
    const echoed = nextEvent<[ArrayBuffer]>(socket, 'message', (data) => new Uint8Array(data)[0] === 1);
    alone.provider.awareness.setLocalStateField('name', 'Solo');
    await echoed;
  });
});

describe('awareness in a crowded room', () => {
  let server: TestServer;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const ws of sockets.splice(0)) ws.terminate();
    await server.stop();
  });

  it('relays a burst of cursor moves from many people as one message per tick, not one per mover', async () => {
    server = await startTestServer();
    const session = await registerSession(server.storage);
    const url = `${server.wsUrl}/${phaseRoom(session.id, 'ideas')}?token=${session.tokens.viewer}`;
    const open = async () => {
      const ws = new WebSocket(url);
      sockets.push(ws);
      await nextEvent(ws, 'open');
      return ws;
    };
    // The observer counts awareness messages and applies them to see who is there.
    const observer = await open();
    const seen = new Awareness(new Y.Doc());
    let messages = 0;
    observer.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data);
      if (bytes[0] !== 1) return;
      messages += 1;
      const decoder = decoding.createDecoder(bytes);
      decoding.readVarUint(decoder);
      applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'server');
    });
    const movers = await Promise.all(Array.from({ length: 8 }, () => open()));
    messages = 0;
    // Eight people move their cursors at the same moment.
    for (const [i, ws] of movers.entries()) {
      const own = new Awareness(new Y.Doc());
      own.setLocalState({ cursor: { x: i, y: i } });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(own, [own.clientID]));
      ws.send(encoding.toUint8Array(e));
    }
    await waitUntil('the observer sees all eight cursors', () => [...seen.getStates().values()].filter((s) => s.cursor).length === 8, [[observer, 'message']]);
    // Relayed one by one this would be eight messages; a tick bundles them (two if the burst straddles one).
    expect(messages).toBeLessThanOrEqual(2);
  });
});
