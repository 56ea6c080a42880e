import { describe, expect, it } from 'vitest';
import { controlRoom, randomId } from '@wcb/shared';
import { silentLogger } from '@wcb/sync-server';
import { RoomRegistry } from '../../sync-server/src/room-registry';
import { ControlledStorage, createGate } from '../integration/helpers/controlled-storage';
import { RoomPeer } from '../support/room-pair';

/** A room with peers over in-memory connections: every interleaving is the test's choice. */
function setup() {
  const storage = new ControlledStorage();
  const registry = new RoomRegistry({
    storage,
    logger: silentLogger,
    compaction: { afterUpdates: 500, afterBytes: 1 << 20 },
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
  return { storage, peer, newcomer: (role: 'viewer' | 'facilitator') => new RoomPeer(registry, room, role).join() };
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
});
