/**
 * A facilitator link sending malformed control records (tests/support/hostile-records.ts: valid
 * Yjs, hostile content) against a real server (PROTOCOL.md, "Control records"): each closes its
 * own connection with 1007 `invalid-record`, nothing of it is stored or relayed, a fresh client
 * reads the room as it was, and another session's facilitator keeps writing. Honest facilitation
 * (a template café's run sheet pressed through) keeps passing the same gate.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlRoom, readRunCursor, readTimer, runNext, startTimer } from '@wcb/shared';
import { CloseCode } from '@wcb/shared/wire';
import { HOSTILE_RECORDS, updateOf } from '../support/hostile-records';
import { connectClient, waitForDoc, type TestClient } from './helpers/clients';
import { RawPeer } from './helpers/raw-peer';
import { createSessionViaApi, type Tokens } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

const T0 = 1_700_000_000_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function cafe(server: TestServer): Promise<{ room: string; tokens: Tokens }> {
  const created = await createSessionViaApi(server.url, { template: 'world-cafe-ngo', language: 'en' });
  return { room: controlRoom(created.id), tokens: created.tokens };
}

function client(server: TestServer, room: string, token: string): TestClient {
  const c = connectClient(server.wsUrl, room, { token });
  cleanups.push(() => c.destroy());
  return c;
}

/** Everything a control doc holds, as plain data. */
const contentOf = (doc: Y.Doc): Record<string, unknown> =>
  Object.fromEntries(['meta', 'topics', 'phases', 'tables', 'state', 'criteria', 'runSheet', 'prompts'].map((name) => [name, doc.getMap(name).toJSON()]));

/** What storage holds for `room`, as a state vector. */
async function storedVector(server: TestServer, room: string): Promise<Map<number, number>> {
  const doc = new Y.Doc();
  for (const update of await server.storage.load(room)) Y.applyUpdate(doc, update);
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

describe('malformed control records from a facilitator link', () => {
  let server: TestServer;
  let attacked: { room: string; tokens: Tokens };
  let watcher: TestClient;
  let writer: TestClient;
  let otherReader: TestClient;
  let before: Record<string, unknown>;
  let stored: Map<number, number>;
  beforeAll(async () => {
    server = await startTestServer();
    attacked = await cafe(server);
    const other = await cafe(server);
    // A participant watching the attacked room, and a facilitator working in another session.
    watcher = connectClient(server.wsUrl, attacked.room, { token: attacked.tokens.participant });
    writer = connectClient(server.wsUrl, other.room, { token: other.tokens.facilitator });
    otherReader = connectClient(server.wsUrl, other.room, { token: other.tokens.viewer });
    await Promise.all([watcher.synced(), writer.synced(), otherReader.synced()]);
    before = contentOf(watcher.doc);
    stored = await storedVector(server, attacked.room);
  });
  afterAll(async () => {
    for (const c of [watcher, writer, otherReader]) c.destroy();
    await server.stop();
  });

  it.each(HOSTILE_RECORDS.map(([name, edit], i) => ({ name, edit, i })))('$name: closed with 1007 invalid-record, nothing stored', async ({ edit, i }) => {
    const attacker = await RawPeer.join(server.wsUrl, attacked.room, attacked.tokens.facilitator);
    cleanups.push(() => attacker.close());
    const update = updateOf(await attacker.roundTrip(), edit);
    // Half as an update, half as the step 2 answering the server's step 1.
    if (i % 2 === 0) attacker.sendUpdate(update);
    else attacker.sendStep2(update);
    // The room handles a connection's messages in order: a round trip answered means it was kept.
    const outcome = await Promise.race([attacker.closed, attacker.roundTrip().then(() => 'kept open')]);
    expect(outcome).toEqual({ code: CloseCode.MalformedMessage, reason: 'invalid-record' });

    expect(await storedVector(server, attacked.room)).toEqual(stored);
    expect(contentOf(watcher.doc)).toEqual(before);
    const fresh = client(server, attacked.room, attacked.tokens.viewer);
    await fresh.synced();
    expect(contentOf(fresh.doc)).toEqual(before);
    // Another session's facilitator is not disturbed.
    writer.doc.getMap('meta').set('title', `still writing ${i}`);
    await waitForDoc(`the other room's write ${i}`, otherReader.doc, (d) => d.getMap('meta').get('title') === `still writing ${i}`);
  });
});

describe('honest facilitation', () => {
  it('honest facilitation still passes: a timer and the run sheet pressed through reach every reader', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const { room, tokens } = await cafe(server);
    const facilitator = client(server, room, tokens.facilitator);
    const reader = client(server, room, tokens.viewer);
    await Promise.all([facilitator.synced(), reader.synced()]);
    startTimer(facilitator.doc, 20 * 60_000, T0);
    let presses = 0;
    while (runNext(facilitator.doc, readRunCursor(facilitator.doc).seq, T0 + presses * 60_000)) presses++;
    expect(presses).toBeGreaterThan(5);
    const done = readRunCursor(facilitator.doc).seq;
    await waitForDoc('every press reached the reader', reader.doc, (d) => readRunCursor(d).seq === done && readRunCursor(d).done);
    expect(readTimer(reader.doc)).toEqual(readTimer(facilitator.doc));
    expect(facilitator.provider.wsconnected).toBe(true);
  });
});
