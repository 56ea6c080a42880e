import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@wcb/shared/wire';
import { controlRoom, randomId } from '@wcb/shared';
import { silentLogger } from '@wcb/sync-server';
import { RoomRegistry } from '../../sync-server/src/room-registry';
import { ControlledStorage, createGate } from '../integration/helpers/controlled-storage';
import { RoomPeer } from '../support/room-pair';

/** A room with peers over in-memory connections: every interleaving is the test's choice. */
function setup(afterUpdates = 500) {
  const storage = new ControlledStorage();
  const registry = new RoomRegistry({
    storage,
    logger: silentLogger,
    compaction: { afterUpdates, afterBytes: 1 << 20 },
    pacing: { members: 50, intervalMs: 20 },
  });
  const room = controlRoom(randomId());
  const peer = async (): Promise<RoomPeer> => {
    const p = await new RoomPeer(registry, room, 'facilitator').join();
    await p.flushToRoom();
    p.flushFromRoom();
    await p.flushToRoom(); // the step 2 answering the room's step 1
    return p;
  };
  return { storage, registry, room, peer, newcomer: (role: 'viewer' | 'facilitator') => new RoomPeer(registry, room, role).join() };
}

describe('a room over in-memory connections', () => {
  it('relays a write only once storage holds it', async () => {
    const { storage, peer } = setup();
    const [a, b] = [await peer(), await peer()];
    b.flushFromRoom();

    storage.appendGate = createGate();
    a.doc.getMap('notes').set('n1', 'Довіра');
    const stored = a.flushToRoom();
    await storage.next('append');
    expect(b.flushFromRoom()).toEqual([]);

    storage.appendGate.open();
    await stored;
    expect(b.flushFromRoom()).toEqual(['update']);
    expect(b.doc.getMap('notes').get('n1')).toBe('Довіра');
    expect(a.flushFromRoom()).toEqual([]); // no echo of its own write
  });

  it('hands a second write to storage while the first is still being stored, and relays both only after, in order', async () => {
    const { storage, peer } = setup();
    const [a, b] = [await peer(), await peer()];
    b.flushFromRoom();
    const before = storage.calls.append.length;

    storage.appendGate = createGate();
    a.doc.getMap('notes').set('n1', 'first');
    const first = a.flushToRoom();
    await storage.next('append');
    a.doc.getMap('notes').set('n1', 'second');
    const second = a.flushToRoom();
    // The second append does not wait for the first to be stored (its fsync overlaps).
    await storage.next('append');
    expect(storage.calls.append.length - before).toBe(2);
    expect(b.flushFromRoom()).toEqual([]);

    storage.appendGate.open();
    await Promise.all([first, second]);
    expect(b.flushFromRoom()).toEqual(['update', 'update']);
    expect(b.doc.getMap('notes').get('n1')).toBe('second');
  });

  it('answers a newcomer’s step 1 only after the writes its step 2 may contain are stored', async () => {
    const { storage, peer, newcomer } = setup();
    const a = await peer();
    storage.appendGate = createGate();
    a.doc.getMap('notes').set('n1', 'first');
    const stored = a.flushToRoom();
    await storage.next('append');

    const late = await newcomer('viewer');
    const answered = late.flushToRoom();
    expect(late.flushFromRoom()).not.toContain('step 2');

    storage.appendGate.open();
    await Promise.all([stored, answered]);
    expect(late.flushFromRoom()).toContain('step 2');
    expect(late.doc.getMap('notes').get('n1')).toBe('first');
  });

  it('stores the writes that arrived during a slow commit in the next one, and relays them as one update', async () => {
    const { storage, peer } = setup();
    const [a, b] = [await peer(), await peer()];
    b.flushFromRoom();
    const appends = () => storage.calls.append.length;
    const before = appends();

    // A slow commit (an fsync stall): a plenary's drags keep arriving meanwhile.
    storage.appendGate = createGate();
    a.doc.getMap('moves').set('note', -1);
    const first = a.flushToRoom();
    await storage.next('append');
    for (let i = 0; i < 200; i++) a.doc.getMap('moves').set('note', i);
    const rest = a.flushToRoom();
    storage.appendGate.open();
    await Promise.all([first, rest]);

    // One commit for the stalled write, one for all 200 that waited behind it.
    expect(appends() - before).toBe(2);
    expect(b.flushFromRoom()).toEqual(['update', 'update']);
    expect(b.doc.getMap('moves').get('note')).toBe(199);
  });

  it('relays later writes while a compaction is still being stored, and keeps every write', async () => {
    // Compacts after every 2 stored updates: the handshake's step 2s stored none.
    const { storage, room, peer } = setup(2);
    const [a, b] = [await peer(), await peer()];
    b.flushFromRoom();

    storage.compactGate = createGate();
    const compacting = storage.next('compact');
    a.doc.getMap('notes').set('first', 'first');
    await a.flushToRoom();
    a.doc.getMap('notes').set('second', 'second');
    const second = a.flushToRoom(); // settles only once the compaction it starts is stored
    await compacting;
    expect(b.flushFromRoom()).toEqual(['update', 'update']);

    // The compaction (a commit and its fsync) holds nothing that was written after it began.
    a.doc.getMap('notes').set('third', 'third');
    const appended = storage.next('append');
    const third = a.flushToRoom();
    await appended;
    await expect.poll(() => b.flushFromRoom()).toEqual(['update']);
    expect(b.doc.getMap('notes').get('third')).toBe('third');

    storage.compactGate.open();
    await Promise.all([second, third]);
    expect(storage.calls.compact).toHaveLength(1);
    const stored = new Y.Doc();
    for (const update of await storage.inner.load(room)) Y.applyUpdate(stored, update);
    expect(stored.getMap('notes').toJSON()).toEqual({ first: 'first', second: 'second', third: 'third' });
  });
  it('starts the next compaction by itself when what was stored during one is past the policy', async () => {
    const { storage, room, peer } = setup(2);
    const [a, b] = [await peer(), await peer()];
    b.flushFromRoom();

    storage.compactGate = createGate();
    const compacting = storage.next('compact');
    a.doc.getMap('notes').set('n0', 0);
    await a.flushToRoom();
    a.doc.getMap('notes').set('n1', 1);
    const flushes = [a.flushToRoom()]; // each settles only once the compactions are done
    await compacting;
    // Two more stored while the first compaction is held: past the policy, and nobody writes after.
    for (const i of [2, 3]) {
      const appended = storage.next('append');
      a.doc.getMap('notes').set(`n${i}`, i);
      flushes.push(a.flushToRoom());
      await appended;
    }
    await expect.poll(() => b.flushFromRoom().length).toBeGreaterThan(0);

    const next = storage.next('compact');
    storage.compactGate.open();
    await next;
    await Promise.all(flushes);
    expect(storage.calls.compact).toHaveLength(2);
    expect(await storage.inner.load(room)).toHaveLength(1); // the snapshot alone
  });
});

describe('presence in a room of many', () => {
  // members 3: the room of four below is paced as a plenary; 50: it is a table, never paced.
  it.each([3, 50])('encodes a presence tick once for every member (plenary from %i members)', async (paceMembers) => {
    const registry = new RoomRegistry({
      storage: new ControlledStorage(),
      logger: silentLogger,
      compaction: { afterUpdates: 500, afterBytes: 1 << 20 },
      pacing: { members: paceMembers, intervalMs: 20 },
    });
    const name = controlRoom(randomId());
    const peers = await Promise.all(Array.from({ length: 4 }, () => new RoomPeer(registry, name, 'facilitator').join()));
    for (const p of peers) {
      await p.flushToRoom();
      p.flushFromRoom();
    }
    // Everyone moves a cursor; a writer keeps the relay ticks going in the plenary.
    peers.forEach((p, i) => p.room.receive(p.conn, cursorMessage(p.doc.clientID, i)));
    peers[0]!.doc.getMap('moves').set('note', 1);
    await peers[0]!.flushToRoom();

    const presenceOf = (p: RoomPeer) => p.conn.outbox.filter((m) => m[0] === MessageType.Awareness);
    await expect.poll(() => peers.every((p) => presenceOf(p).length > 0)).toBe(true);
    // One encoding, the same bytes handed to every member's connection.
    const firsts = new Set(peers.map((p) => presenceOf(p)[0]));
    expect(firsts.size).toBe(1);
  });
});

function cursorMessage(clientId: number, x: number): Uint8Array {
  const entry = encoding.createEncoder();
  encoding.writeVarUint(entry, 1);
  encoding.writeVarUint(entry, clientId);
  encoding.writeVarUint(entry, 1);
  encoding.writeVarString(entry, JSON.stringify({ cursor: { x, y: x } }));
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MessageType.Awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(entry));
  return encoding.toUint8Array(message);
}
