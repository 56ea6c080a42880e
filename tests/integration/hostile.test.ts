/**
 * Issue 14: a participant or viewer link in an attacker's hands, against a real server.
 * Structure-aware hostile input (valid encodings with hostile content, tests/support/
 * hostile-updates.ts) beside the random-bytes storm of malformed-storm.test.ts. Properties:
 * the process stays up, a healthy room next door keeps syncing, the attacked room still loads
 * after it unloads, and nothing refused is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { phaseRoom, votesRoom } from '@wcb/shared';
import { CloseCode } from '@wcb/shared/wire';
import { fuzzSeeds } from '../support/fuzz';
import { awarenessUpdate, hostileAwareness, hostileUpdates, manyStructs, randomHostileUpdate } from '../support/hostile-updates';
import { connectClient, waitForDoc, type TestClient } from './helpers/clients';
import { RawPeer } from './helpers/raw-peer';
import { registerSession, type TestSession } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ server: TestServer; session: TestSession }> {
  const server = await startTestServer();
  cleanups.push(() => server.stop());
  return { server, session: await registerSession(server.storage) };
}

function client(server: TestServer, room: string, token: string): TestClient {
  const c = connectClient(server.wsUrl, room, { token });
  cleanups.push(() => c.destroy());
  return c;
}

async function peer(server: TestServer, room: string, token: string, join = true): Promise<RawPeer> {
  const p = join ? await RawPeer.join(server.wsUrl, room, token) : await RawPeer.connect(server.wsUrl, room, token);
  cleanups.push(() => p.close());
  return p;
}

/** What storage holds for `room`, as a state vector (every client and clock it has). */
async function storedVector(server: TestServer, room: string): Promise<Map<number, number>> {
  const doc = new Y.Doc();
  for (const update of await server.storage.load(room)) Y.applyUpdate(doc, update);
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** A healthy room keeps syncing: a note written by one stock client reaches the other. */
async function keepsSyncing(a: TestClient, b: TestClient, key: string): Promise<void> {
  a.doc.getMap('notes').set(key, 'still here');
  await waitForDoc(`${key} in the healthy room`, b.doc, (d) => d.getMap('notes').get(key) === 'still here');
}

const message = (type: number, payload: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};

async function connectionsOf(server: TestServer): Promise<number> {
  const health = (await (await fetch(`${server.url}/healthz`)).json()) as { connections: number; rooms: number };
  return health.connections;
}

describe('hostile updates from a participant link', () => {
  it('closes each with 1007, stores nothing of it, and both rooms keep working and loading', async () => {
    const { server, session } = await setup();
    const attacked = phaseRoom(session.id, 'a');
    const healthy = phaseRoom(session.id, 'b');
    const [n1, n2] = [client(server, healthy, session.tokens.participant), client(server, healthy, session.tokens.participant)];
    await Promise.all([n1.synced(), n2.synced()]);
    const writer = client(server, attacked, session.tokens.participant);
    await writer.synced();
    writer.doc.getMap('notes').set('honest', 'before the attack');
    await keepsSyncing(n1, n2, 'warm-up');
    writer.destroy();
    const before = await storedVector(server, attacked);

    for (const [i, hostile] of hostileUpdates().entries()) {
      const attacker = await peer(server, attacked, session.tokens.participant);
      // Half as an update, half as the step 2 answering the server's step 1.
      if (i % 2 === 0) attacker.sendUpdate(hostile.update);
      else attacker.sendStep2(hostile.update);
      expect({ name: hostile.name, code: (await attacker.closed).code }).toEqual({ name: hostile.name, code: CloseCode.MalformedMessage });
      if (i % 6 === 0) await keepsSyncing(n1, n2, `during-${i}`);
    }
    expect(await storedVector(server, attacked)).toEqual(before);

    // The attacked room unloaded with its last connection; it loads again and takes honest writes.
    const reader = client(server, attacked, session.tokens.participant);
    await reader.synced();
    expect(reader.doc.getMap('notes').get('honest')).toBe('before the attack');
    reader.doc.getMap('notes').set('after', 'the attack');
    const second = client(server, attacked, session.tokens.viewer);
    await waitForDoc('the write after the attack', second.doc, (d) => d.getMap('notes').get('after') === 'the attack');
    await keepsSyncing(n2, n1, 'after');
  });

  it.each(fuzzSeeds(3))('seed %i: mixed hostile and honest writers never leave anything hostile stored', async (seed) => {
    const gen = prng.create(seed);
    const { server, session } = await setup();
    const room = phaseRoom(session.id, 'a');
    const honest = client(server, room, session.tokens.participant);
    await honest.synced();
    const attackers = new Set<number>();
    for (let i = 0; i < 12; i++) {
      if (prng.bool(gen)) {
        const id = 5_000 + i;
        attackers.add(id);
        const attacker = await peer(server, room, session.tokens.participant);
        attacker.sendUpdate(randomHostileUpdate(gen, id));
        expect((await attacker.closed).code).toBe(CloseCode.MalformedMessage);
      } else {
        honest.doc.getMap('notes').set(`n${i}`, prng.word(gen, 1, 30));
      }
    }
    const check = client(server, room, session.tokens.viewer);
    await waitForDoc('every honest note', check.doc, (d) => d.getMap('notes').size === honest.doc.getMap('notes').size);
    const stored = await storedVector(server, room);
    expect([...attackers].filter((id) => stored.has(id))).toEqual([]);
  });
});

describe('the cost of decoding', () => {
  it('closes an address that sends more structs than it may decode (4529); a healthy room syncs on', async () => {
    const { server, session } = await setup();
    const healthy = phaseRoom(session.id, 'b');
    const [n1, n2] = [client(server, healthy, session.tokens.participant), client(server, healthy, session.tokens.participant)];
    await Promise.all([n1.synced(), n2.synced()]);
    const attacker = await peer(server, phaseRoom(session.id, 'a'), session.tokens.participant);
    // Each under the per-update cap, together past the address's burst: Yjs never decodes the third.
    for (let i = 0; i < 3; i++) attacker.sendUpdate(manyStructs(9_000 + i, 150_000));
    expect((await attacker.closed).code).toBe(CloseCode.RateLimited);
    await keepsSyncing(n1, n2, 'after-the-flood');
  });
});

describe('hostile presence', () => {
  it('closes each hostile awareness message with 1007; the process and the presence ticks keep going', async () => {
    const { server, session } = await setup();
    const room = phaseRoom(session.id, 'a');
    const bystander = await peer(server, room, session.tokens.viewer);
    for (const { name, update } of hostileAwareness(31337)) {
      const attacker = await peer(server, room, session.tokens.viewer);
      attacker.send(message(1, update));
      expect({ name, code: (await attacker.closed).code }).toEqual({ name, code: CloseCode.MalformedMessage });
    }
    // A presence tick after all of them: the bystander's own state comes back to it.
    bystander.send(message(1, awarenessUpdate([[4242, 1, '{"user":{"name":"Ana"}}']])));
    await bystander.waitFor('the echo of its presence', () =>
      bystander.received.some((m) => m.type === 'awareness' && new TextDecoder().decode(m.payload).includes('Ana')),
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("never lets one connection rename or remove another's presence", async () => {
    const { server, session } = await setup();
    const room = phaseRoom(session.id, 'a');
    const victimId = 1234;
    const victim = await peer(server, room, session.tokens.participant);
    victim.send(message(1, awarenessUpdate([[victimId, 1, '{"user":{"name":"Ana"}}']])));
    const observer = await peer(server, room, session.tokens.viewer);
    const sawAna = (): boolean => observer.received.some((m) => m.type === 'awareness' && new TextDecoder().decode(m.payload).includes('Ana'));
    await observer.waitFor("Ana's presence", sawAna);

    const attacker = await peer(server, room, session.tokens.viewer);
    attacker.send(message(1, awarenessUpdate([[victimId, 9, '{"user":{"name":"Mallory"}}']])));
    attacker.send(message(1, awarenessUpdate([[victimId, 10, 'null']])));
    attacker.close();
    const open = await connectionsOf(server);
    for (let n = open; n > 2; n = await connectionsOf(server)) await attacker.closed;

    // Asked for everyone present, the server still has Ana, as she wrote it.
    const before = observer.received.length;
    observer.send(Uint8Array.of(3));
    await observer.waitFor('the answer to the query', () => observer.received.length > before);
    const answer = observer.received.slice(before).find((m) => m.type === 'awareness');
    const text = answer?.type === 'awareness' ? new TextDecoder().decode(answer.payload) : '';
    expect(text).toContain('Ana');
    expect(observer.received.some((m) => m.type === 'awareness' && new TextDecoder().decode(m.payload).includes('Mallory'))).toBe(false);
  });
});

describe('room names a link may open', () => {
  it('refuses phase and votes rooms the control document never defined (4533), loading none of them', async () => {
    const { server, session } = await setup();
    for (let i = 0; i < 40; i++) {
      const room = i % 2 === 0 ? phaseRoom(session.id, `made-up-${i}`) : votesRoom(session.id, `made-up-${i}`);
      const token = i % 3 === 0 ? session.tokens.viewer : session.tokens.participant;
      const refused = await peer(server, room, token, false);
      expect(await refused.closed).toEqual({ code: CloseCode.UnknownPhase, reason: 'unknown phase' });
    }
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number };
    expect(health.rooms).toBeLessThanOrEqual(1); // at most the session's control room, retiring
    const defined = await peer(server, phaseRoom(session.id, 'a'), session.tokens.participant);
    expect(defined.count((m) => m.type === 'sync')).toBeGreaterThan(0);
  });

  it("lets the facilitator open a phase added offline, before the control update that defines it arrives", async () => {
    const { server, session } = await setup();
    const room = phaseRoom(session.id, 'added-offline');
    const facilitator = await peer(server, room, session.tokens.facilitator);
    expect(facilitator.count((m) => m.type === 'sync' && m.step === 0)).toBe(1);
  });
});
