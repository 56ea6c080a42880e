import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { controlRoom, phaseRoom } from '@wcb/shared';
import { connectClient, nextEvent, waitForDoc, type TestClient } from './helpers/clients';
import { registerSession } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('live sync through the server', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const join = (room: string, token: string): TestClient => {
    const client = connectClient(server.wsUrl, room, { token });
    clients.push(client);
    return client;
  };
  /** A registered session's room and its facilitator token (who may write every room). */
  const sessionRoom = async (room: (id: string) => string): Promise<[string, string]> => {
    const { id, tokens } = await registerSession(server.storage);
    return [room(id), tokens.facilitator];
  };

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('relays text and map edits between two clients as they happen', async () => {
    const [room, token] = await sessionRoom((id) => phaseRoom(id, 'ideas'));
    const alice = join(room, token);
    const bob = join(room, token);
    await Promise.all([alice.synced(), bob.synced()]);

    alice.doc.getText('note').insert(0, 'hello');
    await waitForDoc('bob sees the text', bob.doc, (d) => d.getText('note').toString() === 'hello');

    bob.doc.getMap('meta').set('title', 'Café');
    await waitForDoc('alice sees the map entry', alice.doc, (d) => d.getMap('meta').get('title') === 'Café');
  });

  it('merges offline edits from both sides when a client reconnects', async () => {
    const [room, token] = await sessionRoom(controlRoom);
    const alice = join(room, token);
    const bob = join(room, token);
    await Promise.all([alice.synced(), bob.synced()]);

    alice.provider.disconnect();
    // Topics are records (the server checks control records: PROTOCOL.md, "Control records").
    alice.doc.getMap('topics').set('a', new Y.Map([['label', 'written offline']]));
    alice.doc.getText('t').insert(0, 'A');
    bob.doc.getMap('topics').set('b', new Y.Map([['label', 'written online']]));
    bob.doc.getText('t').insert(0, 'B');
    alice.provider.connect();

    const hasAll = (d: Y.Doc): boolean => d.getMap('topics').has('a') && d.getMap('topics').has('b');
    await Promise.all([
      waitForDoc('alice has both topics', alice.doc, hasAll),
      waitForDoc('bob has both topics', bob.doc, hasAll),
    ]);
    await waitForDoc('texts converge', bob.doc, (d) => d.getText('t').length === 2);
    expect(alice.doc.getText('t').toString()).toBe(bob.doc.getText('t').toString());
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc));
  });

  it('closes only the connection that sent a malformed message; the room keeps syncing', async () => {
    const [room, token] = await sessionRoom((id) => phaseRoom(id, 'ideas'));
    const alice = join(room, token);
    const bob = join(room, token);
    await Promise.all([alice.synced(), bob.synced()]);

    const raw = new WebSocket(`${server.wsUrl}/${room}?token=${token}`);
    await nextEvent(raw, 'open');
    const closed = nextEvent<[number, Buffer]>(raw, 'close');
    // Sync (0) / update (2) whose length prefix promises 50 bytes but carries 3.
    const bad = encoding.createEncoder();
    encoding.writeVarUint(bad, 0);
    encoding.writeVarUint(bad, 2);
    encoding.writeVarUint(bad, 50);
    encoding.writeUint8Array(bad, Uint8Array.of(1, 2, 3));
    raw.send(encoding.toUint8Array(bad));
    const [code] = await closed;
    expect(code).toBe(1007);

    alice.doc.getText('note').insert(0, 'still here');
    await waitForDoc('bob still receives edits', bob.doc, (d) => d.getText('note').toString() === 'still here');
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
  });

  it('closes clients with 1012 on shutdown, and the stock provider keeps trying to reconnect', async () => {
    const client = join(...(await sessionRoom(controlRoom)));
    await client.synced();
    const closed = nextEvent<[{ code: number } | null]>(client.provider, 'connection-close');
    await server.stop();
    const [event] = await closed;
    expect(event?.code).toBe(1012);
    expect(client.provider.shouldConnect).toBe(true);
  });

  it('closes a connection whose message exceeds maxPayloadBytes with 1009', async () => {
    const small = await startTestServer({ config: { maxPayloadBytes: 64 * 1024 } });
    try {
      const { id, tokens } = await registerSession(small.storage);
      const raw = new WebSocket(`${small.wsUrl}/${controlRoom(id)}?token=${tokens.facilitator}`);
      await nextEvent(raw, 'open');
      const closed = nextEvent<[number, Buffer]>(raw, 'close');
      raw.send(new Uint8Array(64 * 1024 + 1));
      const [code] = await closed;
      expect(code).toBe(1009);
    } finally {
      await small.stop();
    }
  });

  it('closes a connection that sends a text frame with 1003', async () => {
    const [room, token] = await sessionRoom(controlRoom);
    const raw = new WebSocket(`${server.wsUrl}/${room}?token=${token}`);
    await nextEvent(raw, 'open');
    const closed = nextEvent<[number, Buffer]>(raw, 'close');
    raw.send('hello');
    const [code] = await closed;
    expect(code).toBe(1003);
  });
});
