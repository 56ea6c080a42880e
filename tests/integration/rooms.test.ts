import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { controlMaps, controlRoom, phaseRoom, randomId } from '@wcb/shared';
import { connectClient, nextEvent, waitForDoc, type TestClient } from './helpers/clients';
import { ControlledStorage } from './helpers/controlled-storage';
import { registerSession } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('room names', () => {
  let server: TestServer;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it.each([
    ['a session id that is too short', 'short/control'],
    ['an unknown room kind', `${randomId()}/notes`],
    ['a phase room without a phase id', `${randomId()}/phase`],
    ['extra path segments', `${randomId()}/phase/ideas/extra`],
  ])('rejects %s with close code 4400, and the stock provider stops reconnecting', async (_label, room) => {
    const client = connectClient(server.wsUrl, room);
    clients.push(client);
    const [event] = await nextEvent<[{ code: number; reason: string }]>(client.provider, 'closed');
    expect(event).toEqual({ code: 4400, reason: 'invalid room' });
    expect(client.provider.shouldConnect).toBe(false);
    expect(client.provider.synced).toBe(false);
  });
});

describe('control room lease', () => {
  const clients: TestClient[] = [];
  let server: TestServer;
  let storage: ControlledStorage;

  beforeEach(async () => {
    storage = new ControlledStorage();
    server = await startTestServer({ storage });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });
  const join = (room: string, token: string): TestClient => {
    const client = connectClient(server.wsUrl, room, { token });
    clients.push(client);
    return client;
  };

  it("loads a phase room's control room first and keeps it in memory while the phase room is open", async () => {
    const { id, tokens } = await registerSession(storage);
    const client = join(phaseRoom(id, 'ideas'), tokens.participant);
    await client.synced();
    expect(storage.calls.load).toEqual([controlRoom(id), phaseRoom(id, 'ideas')]);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, rooms: 2, connections: 1 });
  });

  it('closes with 4500 when the session lookup fails; the stock client retries and gets in', async () => {
    const { id, tokens } = await registerSession(storage);
    storage.failSessionLookups = true;
    const client = join(controlRoom(id), tokens.viewer);
    const [event] = await nextEvent<[{ code: number; reason: string } | null]>(client.provider, 'connection-close');
    expect(event?.code).toBe(4500);
    storage.failSessionLookups = false;
    await client.synced();
  });

  it('closes the phase rooms of a session whose control room failed, and they recover together', async () => {
    const { id, tokens } = await registerSession(storage);
    const facilitator = join(controlRoom(id), tokens.facilitator);
    const participant = join(phaseRoom(id, 'ideas'), tokens.participant);
    await Promise.all([facilitator.synced(), participant.synced()]);

    storage.failAppends = true;
    const closed = nextEvent<[{ code: number } | null]>(participant.provider, 'connection-close');
    controlMaps(facilitator.doc).meta.set('title', 'written during a disk hiccup');
    const [event] = await closed;
    expect(event?.code).toBe(4501);

    storage.failAppends = false;
    participant.doc.getMap('notes').set('n1', 'after the recovery');
    const observer = join(phaseRoom(id, 'ideas'), tokens.viewer);
    await waitForDoc('the phase room works again', observer.doc, (d) => d.getMap('notes').has('n1'));
    const reader = join(controlRoom(id), tokens.viewer);
    await waitForDoc('the control edit arrived after the reconnect', reader.doc, (d) =>
      controlMaps(d).meta.get('title') === 'written during a disk hiccup',
    );
  });
});
