import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LiveDoc } from '../../sync-server/src/doc-state/live-doc';

/** An update a client would send: a phase record in the shape of a control doc. */
function edit(make: (doc: Y.Doc) => void, base?: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  make(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

const content = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getMap('phases').toJSON();
};

const stored = edit((d) => d.getMap('phases').set('p1', new Y.Map([['title', 'Ideal vision']])));

describe('a control doc kept encoded while nobody writes it', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds no Y.Doc after its load, and answers syncs from the encoding', () => {
    const live = new LiveDoc(undefined, null, { quietMs: 1000, beforeFreeze: () => {} });
    live.load([stored]);
    expect(live.isFrozen).toBe(true);
    expect(content(live.diff())).toEqual({ p1: { title: 'Ideal vision' } });
    const reader = new Y.Doc();
    expect(content(live.diff(Y.encodeStateVector(reader)))).toEqual({ p1: { title: 'Ideal vision' } });
    expect(live.diff(live.stateVector()).byteLength).toBeLessThan(4); // nothing the reader lacks
    expect(live.isFrozen).toBe(true); // reading never rebuilt it
  });

  it('is rebuilt by the next write, which its listeners hear, and read again before it is frozen', () => {
    const seen: Y.Doc[] = [];
    const live = new LiveDoc(undefined, null, { quietMs: 1000, beforeFreeze: (doc) => seen.push(doc) });
    live.load([stored]);
    expect(seen).toHaveLength(1);
    const heard: Uint8Array[] = [];
    live.onUpdate((u) => heard.push(u)); // attached while frozen, as a room attaches after its load

    live.apply(edit((d) => d.getMap('phases').set('p2', new Y.Map([['title', 'Next steps']])), stored), 'peer');
    expect(live.isFrozen).toBe(false);
    expect(heard).toHaveLength(1);
    expect(live.doc.getMap('phases').toJSON()).toEqual({ p1: { title: 'Ideal vision' }, p2: { title: 'Next steps' } });
  });

  it('is frozen again once quiet, and a removed listener hears nothing after the rebuild', () => {
    vi.useFakeTimers();
    const live = new LiveDoc(undefined, null, { quietMs: 1000, beforeFreeze: () => {} });
    live.load([stored]);
    const heard: Uint8Array[] = [];
    const listener = (u: Uint8Array) => heard.push(u);
    live.onUpdate(listener);
    live.apply(edit((d) => d.getMap('phases').set('p2', new Y.Map()), stored), 'peer');
    vi.advanceTimersByTime(999);
    expect(live.isFrozen).toBe(false);
    live.apply(edit((d) => d.getMap('phases').set('p3', new Y.Map()), stored), 'peer');
    vi.advanceTimersByTime(999); // each write restarts the quiet time
    expect(live.isFrozen).toBe(false);
    vi.advanceTimersByTime(1);
    expect(live.isFrozen).toBe(true);

    live.offUpdate(listener);
    live.apply(edit((d) => d.getMap('phases').set('p4', new Y.Map()), stored), 'peer');
    expect(heard).toHaveLength(2);
    expect(Object.keys(content(live.snapshot())).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    live.destroy();
  });

  it('is not frozen while it holds updates waiting for a missing dependency', () => {
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    writer.getMap('phases').set('p1', new Y.Map());
    writer.getMap('phases').set('p2', new Y.Map());
    const [first, second] = updates as [Uint8Array, Uint8Array];
    const live = new LiveDoc(undefined, null, { quietMs: 1000, beforeFreeze: () => {} });
    live.load([]);
    live.apply(second, 'peer'); // a later clock of the same client: pending in the Y.Doc
    expect(live.hasUnstoredPending()).toBe(true);
    expect(live.freeze()).toBe(false);
    live.apply(first, 'peer');
    expect(live.freeze()).toBe(true);
    expect(Object.keys(content(live.snapshot())).sort()).toEqual(['p1', 'p2']);
  });

  it('lets the frozen Y.Doc be collected: nothing it left behind still holds it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let dropped: WeakRef<Y.Doc> | null = null;
    const live = new LiveDoc(undefined, null, { quietMs: 1000, beforeFreeze: (doc) => (dropped = new WeakRef(doc)) });
    live.onUpdate(() => {});
    live.load([stored]);
    expect(live.isFrozen).toBe(true);
    await nextTurn(); // a WeakRef's target is kept until the job that made it has ended
    gc();
    expect(dropped!.deref()).toBeUndefined();
    expect(content(live.snapshot())).toEqual({ p1: { title: 'Ideal vision' } });
  });

  it('without a freeze policy keeps its Y.Doc', () => {
    const live = new LiveDoc();
    live.load([stored]);
    expect(live.isFrozen).toBe(false);
  });
});
