import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { phaseRoom } from '@wcb/shared';
import { RawPeer, type ServerMessage } from './helpers/raw-peer';
import { registerSession } from './helpers/sessions';
import { startTestServer } from './helpers/test-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Past 50 members a room paces its relays (sync-server/src/relay-pacer.ts); a long interval here
// makes any message that overtook a paced relay certain to show.
const MEMBERS = 60;
const PACE_MS = 1000;
const WRITERS = 5;
const WRITES = 20;

describe('a plenary room (paced relays)', () => {
  it('delivers every write to every member, and a step 2 after a burst never overtakes a relay', async () => {
    const server = await startTestServer({ config: { relayPaceMembers: 50, relayPaceMs: PACE_MS } });
    cleanups.push(() => server.stop());
    const session = await registerSession(server.storage);
    const room = phaseRoom(session.id, 'ideas');
    const peers = await Promise.all(Array.from({ length: MEMBERS }, () => RawPeer.join(server.wsUrl, room, session.tokens.participant)));
    cleanups.push(() => peers.forEach((p) => p.close()));

    const writers = peers.slice(0, WRITERS).map((peer) => ({ peer, doc: new Y.Doc() }));
    for (let i = 0; i < WRITES; i++) {
      for (const { peer, doc } of writers) {
        const before = Y.encodeStateVector(doc);
        doc.getMap('notes').set(`${doc.clientID}-${i}`, i);
        peer.sendUpdate(Y.encodeStateAsUpdate(doc, before));
      }
    }
    const expected = new Set(writers.flatMap(({ doc }) => [...doc.getMap('notes').keys()]));
    // Each writer's round trip is answered after its own writes were handled: now the room holds all.
    await Promise.all(writers.map(({ peer }) => peer.roundTrip()));

    // A bystander's round trip leaves through the room's outbox behind every stored batch: the
    // relays it received before the reply must already hold every write.
    const bystander = peers.at(-1)!;
    const served = await bystander.roundTrip();
    expect(new Set(served.getMap('notes').keys())).toEqual(expected);
    const relayed = new Y.Doc();
    bystander.relayedUpdates.forEach((u) => Y.applyUpdate(relayed, u));
    expect(new Set(relayed.getMap('notes').keys())).toEqual(expected);

    // And every member, writers included, ends with every other writer's notes.
    await Promise.all(
      peers.map(async (peer) => {
        const doc = new Y.Doc();
        await peer.waitFor('every relay', () => {
          peer.relayedUpdates.forEach((u) => Y.applyUpdate(doc, u));
          const own = writers.find((w) => w.peer === peer);
          return [...expected].every((key) => doc.getMap('notes').has(key) || own?.doc.getMap('notes').has(key));
        });
      }),
    );
  });

  it('sends each member at most 50 presence states a tick when everyone moves at once, and every state arrives', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    const session = await registerSession(server.storage);
    const room = phaseRoom(session.id, 'ideas');
    const observer = await RawPeer.join(server.wsUrl, room, session.tokens.viewer);
    const peers = await Promise.all(Array.from({ length: MEMBERS }, () => RawPeer.join(server.wsUrl, room, session.tokens.participant)));
    cleanups.push(() => [observer, ...peers].forEach((p) => p.close()));
    const before = observer.received.length;

    const ids = peers.map((peer, i) => {
      const awareness = new Awareness(new Y.Doc());
      awareness.setLocalState({ cursor: { x: i, y: i } });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [awareness.clientID]));
      peer.send(encoding.toUint8Array(e));
      return awareness.clientID;
    });

    const entries = (m: ServerMessage): number[] => {
      if (m.type !== 'awareness') return [];
      const d = decoding.createDecoder(m.payload);
      return Array.from({ length: decoding.readVarUint(d) }, () => {
        const client = decoding.readVarUint(d);
        decoding.readVarUint(d);
        decoding.readVarString(d);
        return client;
      });
    };
    const seen = () => new Set(observer.received.slice(before).flatMap(entries));
    await observer.waitFor('every presence state', () => ids.every((id) => seen().has(id)));
    const sizes = observer.received.slice(before).map((m) => entries(m).length).filter((n) => n > 0);
    // 60 states changed at once: never more than 50 in one message, so at least two messages.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
    expect(sizes.length).toBeGreaterThan(1);
  });

  it('sends presence in the relay tick’s socket write while updates flow', async () => {
    const server = await startTestServer({ config: { relayPaceMembers: 50, relayPaceMs: 20 } });
    cleanups.push(() => server.stop());
    const session = await registerSession(server.storage);
    const room = phaseRoom(session.id, 'ideas');
    const peers = await Promise.all(Array.from({ length: MEMBERS }, () => RawPeer.join(server.wsUrl, room, session.tokens.participant)));
    cleanups.push(() => peers.forEach((p) => p.close()));
    const [writer, observer] = [peers[0]!, peers.at(-1)!];
    const before = observer.received.length;

    // A person dragging a note: a write and a cursor move every 10 ms, for 40 moves.
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    for (let i = 0; i < 40; i++) {
      const sv = Y.encodeStateVector(doc);
      doc.getMap('moves').set('note', i);
      writer.sendUpdate(Y.encodeStateAsUpdate(doc, sv));
      awareness.setLocalState({ cursor: { x: i, y: i } });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [awareness.clientID]));
      writer.send(encoding.toUint8Array(e));
      await new Promise<void>((resolve) => setTimeout(resolve, 10));
    }
    await observer.waitFor('the last move', () => {
      const relayed = new Y.Doc();
      observer.relayedUpdates.forEach((u) => Y.applyUpdate(relayed, u));
      return relayed.getMap('moves').get('note') === 39;
    });

    const kinds = observer.received.slice(before).map((m) => m.type);
    const presence = kinds.flatMap((kind, i) => (kind === 'awareness' ? [i] : []));
    expect(presence.length).toBeGreaterThan(2);
    // Presence rides in the socket write of a relay tick: the update right before it arrived in
    // the same read. Independent timers leave 0-20 ms between them (about one in ten within 2 ms);
    // its own fallback tick (writes stopped, or a stalled machine) may still send one alone.
    const at = observer.receivedAt.slice(before);
    const riding = presence.filter((i) => kinds[i - 1] === 'sync' && at[i]! - at[i - 1]! < 2);
    expect(riding.length / presence.length).toBeGreaterThanOrEqual(0.6);
    // Presence still leaves at most once per presence tick (50 ms), not with every 20 ms relay.
    expect(presence.length).toBeLessThanOrEqual(kinds.length / 2);
  });
});
