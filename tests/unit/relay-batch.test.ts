import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { publishable, relayBatch, type StoredUpdate } from '../../sync-server/src/relay-batch';

/** One update per writer: each sets its own key in a shared map. */
function updatesFrom(writers: string[]): StoredUpdate[] {
  return writers.map((w, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    let update!: Uint8Array;
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.getMap('m').set(`${w}${i}`, i);
    return { update, origin: w };
  });
}

/** The keys a relayed sync-update message carries, applied to a fresh doc. */
function keysIn(message: Uint8Array): string[] {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(0);
  expect(decoding.readVarUint(decoder)).toBe(2);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  return [...doc.getMap('m').keys()].sort();
}

describe('relaying a stored batch', () => {
  it('sends each member everyone else’s updates, never its own: merged into one message for members who wrote none', () => {
    const batch = updatesFrom(['a', 'b', 'a', 'c']);
    const out = new Map([...relayBatch(batch, ['a', 'b', 'c', 'd', 'e'])]);
    expect(out.get('d')).toHaveLength(1);
    expect(keysIn(out.get('d')![0]!)).toEqual(['a0', 'a2', 'b1', 'c3']);
    expect(out.get('e')).toBe(out.get('d')); // the same messages: framed once for both
    expect(out.get('a')!.flatMap(keysIn)).toEqual(['b1', 'c3']);
    expect(out.get('b')!.flatMap(keysIn)).toEqual(['a0', 'a2', 'c3']);
  });

  it('encodes each update once for all the writers of a batch instead of merging a batch for each', () => {
    const writers = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const batch = updatesFrom(writers);
    const out = new Map([...relayBatch(batch, [...writers, 'reader'])]);
    const w3 = out.get('w3')!;
    expect(w3.map(keysIn)).toEqual(writers.filter((w) => w !== 'w3').map((w) => [`${w}${w.slice(1)}`]));
    // w0's update reaches w3 and w5 as the very same bytes: one encoding, no merge per writer.
    expect(w3[0]).toBe(out.get('w5')![0]);
    expect(keysIn(out.get('reader')![0]!)).toHaveLength(20);
  });

  it('sends nothing to a member whose own updates are the whole batch', () => {
    const batch = updatesFrom(['a', 'a']);
    const out = new Map([...relayBatch(batch, ['a', 'b'])]);
    expect(out.has('a')).toBe(false);
    expect(keysIn(out.get('b')![0]!)).toEqual(['a0', 'a1']);
  });

  it('publishes to the other instances only what was not stored elsewhere', () => {
    const batch = updatesFrom(['a', 'reconcile']);
    expect(keysIn(publishable(batch, (o) => o === 'reconcile')!)).toEqual(['a0']);
    expect(publishable(batch.slice(1), (o) => o === 'reconcile')).toBeNull();
  });
});
