import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { addNote, phaseRoom } from '@wcb/shared';
import { connectClient, nextEvent, waitUntil, type TestClient } from './helpers/clients';
import { ControlledStorage, createGate } from './helpers/controlled-storage';
import { createSessionViaApi } from './helpers/sessions';
import { startTestServer } from './helpers/test-server';

describe('graceful shutdown', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('while flushing, answers /readyz, upgrades and API writes with 503 and closes clients with 1012 so they reconnect', async () => {
    const storage = new ControlledStorage();
    const server = await startTestServer({ storage });
    cleanups.push(() => server.stop());
    const session = await createSessionViaApi(server.url, { template: 'world-cafe-ngo', language: 'en' });
    const writer: TestClient = connectClient(server.wsUrl, phaseRoom(session.id, 'ideal'), {
      token: session.tokens.participant,
    });
    cleanups.push(() => writer.destroy());
    await writer.synced();
    const closeCodes: (number | undefined)[] = [];
    writer.provider.on('connection-close', (event) => closeCodes.push(event?.code));

    // Hold one append: the shutdown must wait for it, which keeps the server in its draining state.
    const gate = (storage.appendGate = createGate());
    const appending = storage.next('append');
    addNote(writer.doc, { topic: 'government', text: 'written just before the restart' });
    await appending;
    const order: string[] = [];
    const stopped = server.stop().then(() => order.push('stopped'));

    await waitUntil('the client is closed with 1012', () => closeCodes.includes(1012), [
      [writer.provider, 'connection-close'],
    ]);
    // 1012 is "service restart": the stock client keeps trying, to this or another instance.
    expect(writer.provider.shouldConnect).toBe(true);

    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, reason: 'shutting down' });

    const late = new WebSocket(`${server.wsUrl}/${phaseRoom(session.id, 'ideal')}?token=${session.tokens.viewer}`);
    const [error] = await nextEvent<[Error]>(late, 'error');
    expect(error.message).toMatch(/Unexpected server response: 503/);

    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(created.status).toBe(503);

    order.push('append released');
    gate.open();
    await stopped;
    // Shutdown (and closing storage) waited for the write it was flushing.
    expect(order).toEqual(['append released', 'stopped']);
  });
});
