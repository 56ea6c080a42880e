import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomId } from '@wcb/shared';
import { connectClient, nextEvent, type TestClient } from './helpers/clients';
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
