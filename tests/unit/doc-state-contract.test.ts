import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EncodedDoc } from '../../sync-server/src/doc-state/encoded-doc';
import { LiveDoc } from '../../sync-server/src/doc-state/live-doc';
import type { DocState } from '../../sync-server/src/doc-state/types';
import { IdRanges } from '../../sync-server/src/doc-state/id-ranges';

/**
 * One contract for both ways a room keeps its document (sync-server/src/doc-state): whatever a
 * peer can observe through the protocol (state vector, diffs, what gets relayed) must be the
 * same, so a phase room on an EncodedDoc is indistinguishable from one on a Y.Doc.
 */
const KINDS = [
  ['LiveDoc', () => new LiveDoc()],
  ['EncodedDoc', () => new EncodedDoc()],
] as const satisfies readonly (readonly [string, () => DocState])[];

function read(state: DocState): { map: Record<string, unknown>; text: string } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state.diff());
  return { map: doc.getMap('m').toJSON(), text: doc.getText('t').toString() };
}

function readDoc(doc: Y.Doc): { map: Record<string, unknown>; text: string } {
  return { map: doc.getMap('m').toJSON(), text: doc.getText('t').toString() };
}

/** A peer whose every transaction is recorded as an update. */
function peer(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

function recorder(state: DocState): unknown[][] {
  const heard: unknown[][] = [];
  state.onUpdate((update, origin) => heard.push([update, origin]));
  return heard;
}

describe.each(KINDS)('%s (the room document contract)', (_name, make) => {
  it('starts empty: an empty state vector and an empty diff', () => {
    const state = make();
    expect(Y.decodeStateVector(state.stateVector()).size).toBe(0);
    expect(read(state)).toEqual({ map: {}, text: '' });
  });

  it('tells its listeners of new content with its origin, and answers a diff with only what a peer lacks', () => {
    const state = make();
    const heard = recorder(state);
    const a = peer();
    a.doc.getMap('m').set('first', 1);
    const known = Y.encodeStateVector(a.doc);
    a.doc.getMap('m').set('second', 2);
    state.apply(Y.encodeStateAsUpdate(a.doc), 'alice');

    expect(heard.map(([, origin]) => origin)).toEqual(['alice']);
    expect(state.stateVector()).toEqual(Y.encodeStateVector(a.doc));
    const lacking = new Y.Doc();
    Y.applyUpdate(lacking, state.diff(known));
    expect(lacking.getMap('m').toJSON()).toEqual({});
    expect(Y.decodeUpdate(state.diff(known)).structs).toHaveLength(1); // just 'second'
  });

  it('tells nobody about content it already holds, insertions or deletions', () => {
    const state = make();
    const a = peer();
    a.doc.getMap('m').set('k', 'v');
    a.doc.getMap('m').delete('k');
    for (const u of a.updates) state.apply(u, 'alice');
    const heard = recorder(state);

    for (const u of a.updates) state.apply(u, 'bob');
    state.apply(Y.encodeStateAsUpdate(a.doc), 'bob');

    expect(heard).toEqual([]);
  });

  it('relays only the new part of an update that repeats some known content', () => {
    const state = make();
    const a = peer();
    a.doc.getText('t').insert(0, 'hello');
    state.apply(Y.encodeStateAsUpdate(a.doc), 'alice');
    const heard = recorder(state);
    a.doc.getText('t').insert(5, ' world');

    state.apply(Y.encodeStateAsUpdate(a.doc), 'alice'); // the whole doc again, as a reconnect sends

    expect(heard).toHaveLength(1);
    const relayed = Y.decodeUpdate(heard[0]![0] as Uint8Array).structs;
    expect(relayed.reduce((n, s) => n + s.length, 0)).toBe(' world'.length);
  });

  it('throws on an update that does not decode and keeps its state and silence', () => {
    const state = make();
    const a = peer();
    a.doc.getMap('m').set('k', 'kept');
    state.apply(Y.encodeStateAsUpdate(a.doc), 'alice');
    const heard = recorder(state);
    a.doc.getMap('m').set('k2', 'x'.repeat(40));
    const truncated = Y.encodeStateAsUpdate(a.doc).slice(0, 12);

    expect(() => state.apply(truncated, 'mallory')).toThrow();

    expect(heard).toEqual([]);
    expect(read(state).map).toEqual({ k: 'kept' });
  });

  it('integrates updates in any order: the state vector waits for the missing dependency', () => {
    const state = make();
    const a = peer();
    a.doc.getMap('m').set('one', 1);
    a.doc.getMap('m').set('two', 2);
    const [first, second] = a.updates;

    state.apply(second!, 'alice');
    expect(Y.decodeStateVector(state.stateVector()).get(a.doc.clientID)).toBeUndefined();
    state.apply(first!, 'alice');

    expect(state.stateVector()).toEqual(Y.encodeStateVector(a.doc));
    expect(read(state).map).toEqual({ one: 1, two: 2 });
    expect(state.hasUnstoredPending()).toBe(false);
  });

  it('loads stored updates as one change its later listeners never hear', () => {
    const state = make();
    const early = recorder(state);
    const a = peer();
    a.doc.getMap('m').set('k', 'stored');
    a.doc.getText('t').insert(0, 'stored text');
    state.load(a.updates);
    const late = recorder(state);

    expect(read(state)).toEqual(readDoc(a.doc));
    expect(early).toHaveLength(1);
    expect(late).toEqual([]);
    state.apply(a.updates[0]!, 'alice');
    expect(late).toEqual([]); // loaded content is known content
  });

  it('snapshots the whole state with overwritten values collected, and its size is exact', () => {
    const state = make();
    const a = peer();
    for (let i = 0; i < 2000; i++) a.doc.getMap('m').set('moved', { x: i, y: i, label: `position ${i}` });
    for (const u of a.updates) state.apply(u, 'alice');

    const snapshot = state.snapshot();

    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, snapshot);
    expect(fresh.getMap('m').get('moved')).toEqual({ x: 1999, y: 1999, label: 'position 1999' });
    expect(snapshot.byteLength).toBeLessThan(1000);
    expect(state.byteLength()).toBe(state.diff().byteLength);
  });
});

describe('IdRanges', () => {
  it('merges touching and overlapping ranges and answers coverage and intersection', () => {
    const ranges = new IdRanges();
    ranges.add(1, 10, 5); // [10, 15)
    ranges.add(1, 0, 3); // [0, 3)
    ranges.add(1, 15, 2); // touches: [10, 17)
    ranges.add(1, 2, 9); // bridges: [0, 17)
    expect(ranges.covers(1, 0, 17)).toBe(true);
    expect(ranges.covers(1, 16, 2)).toBe(false);
    expect(ranges.intersects(1, 16, 2)).toBe(true);
    expect(ranges.intersects(1, 17, 4)).toBe(false);
    expect(ranges.stateVector()).toEqual(new Map([[1, 17]]));
    ranges.add(2, 5, 1); // past a gap: pending, as in a Y.Doc
    expect(ranges.stateVector().has(2)).toBe(false);
    expect(ranges.covers(2, 5, 1)).toBe(true);
  });
});
