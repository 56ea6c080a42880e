import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { phaseRoom } from '@wcb/shared';
import { connectClient, nextEvent, type TestClient } from './helpers/clients';
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
