/**
 * The update gate (sync-server/src/doc-state/update-guard.ts) over both room states: every
 * hostile family is refused before anything is held, whatever the model writes passes, and a
 * refused update leaves the state exactly as it was (it still merges, encodes and diffs).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { TEMPLATES, addNote, buildSessionDocs, setNoteText } from '@wcb/shared';
import { importSeed003 } from '@wcb/shared/harvest';
import { EncodedDoc } from '../../sync-server/src/doc-state/encoded-doc';
import { LiveDoc } from '../../sync-server/src/doc-state/live-doc';
import type { DocState } from '../../sync-server/src/doc-state/types';
import { InvalidUpdate } from '../../sync-server/src/doc-state/update-rules';
import { UpdateGuard } from '../../sync-server/src/doc-state/update-guard';
import { fuzzSeeds } from '../support/fuzz';
import { readSeed003 } from '../support/harvest';
import { anyContent, deepAnyValue, encodeUpdate, hostileUpdates, manyStructs, mapContent, nestedMaps, plainAny, randomHostileUpdate, typeContent } from '../support/hostile-updates';
import { countStructs } from '../../sync-server/src/doc-state/struct-scan';

const KINDS = [
  ['a Y.Doc', () => new LiveDoc()],
  ['an encoded state', () => new EncodedDoc()],
] as const satisfies readonly (readonly [string, () => DocState])[];

/** A room state holding one ordinary note, as a peer would have written it. */
function withNote(makeDoc: () => DocState): DocState {
  const state = makeDoc();
  const peer = new Y.Doc();
  addNote(peer, { text: 'an honest note', topic: 't1' });
  state.apply(Y.encodeStateAsUpdate(peer), 'peer');
  return state;
}

describe.each(KINDS)('the update gate over %s', (_kind, makeDoc) => {
  it.each(hostileUpdates().map((h) => [h.name, h.update] as const))('refuses %s and holds nothing of it', (_name, update) => {
    const state = withNote(makeDoc);
    const before = state.diff();
    expect(() => state.apply(update, 'attacker')).toThrow(InvalidUpdate);
    // Nothing of it is held, and everything still merges, diffs and encodes.
    expect(state.diff()).toEqual(before);
    expect(Y.mergeUpdates([state.diff(), state.snapshot()]).byteLength).toBeGreaterThan(0);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, state.diff(new Uint8Array([0])));
    expect(reader.getMap('notes').size).toBe(1);
  });

  it('refuses a nesting of shared types built one level per update, at the ninth level', () => {
    const state = makeDoc();
    const client = 4242;
    state.apply(nestedMaps(client, 1), 'peer');
    for (let level = 1; level < 8; level++) {
      state.apply(nestedMaps(client, 1, level, Y.createID(client, level - 1)), 'peer');
    }
    expect(() => state.apply(nestedMaps(client, 1, 8, Y.createID(client, 7)), 'peer')).toThrow(/nested deeper than 8/);
  });

  it('places a map through its left neighbour, as Yjs does, and bounds that nesting too', () => {
    const state = makeDoc();
    const client = 77;
    state.apply(nestedMaps(client, 8), 'peer'); // maps at depths 1 to 8
    const value = encodeUpdate([{ client, clock: 8, items: [{ content: plainAny('v'), parent: Y.createID(client, 7), parentSub: 'v' }] }]);
    state.apply(value, 'peer');
    // No parent written: Yjs takes the left neighbour's, the eighth map, so this map is the ninth level.
    const beside = encodeUpdate([{ client, clock: 9, items: [{ content: mapContent(), origin: Y.createID(client, 8) }] }]);
    expect(() => state.apply(beside, 'peer')).toThrow(/nested deeper than 8/);
    const sibling = encodeUpdate([{ client, clock: 9, items: [{ content: mapContent(), origin: Y.createID(client, 7) }] }]);
    state.apply(sibling, 'peer'); // beside the eighth map: the eighth level, allowed
  });

  it('takes every template, the seed-003 import and ordinary note edits', () => {
    for (const template of TEMPLATES) {
      const docs = buildSessionDocs({ sessionId: 'guard-check', templateId: template.id, language: 'uk' });
      const control = makeDoc();
      control.apply(Y.encodeStateAsUpdate(docs.control), 'template');
      for (const { doc } of docs.phases) makeDoc().apply(Y.encodeStateAsUpdate(doc), 'template');
    }
    const seed = importSeed003(readSeed003(), { sessionId: 'guard-seed', now: 1_000 });
    makeDoc().apply(Y.encodeStateAsUpdate(seed.control), 'import');
    for (const { doc } of seed.phases) makeDoc().apply(Y.encodeStateAsUpdate(doc), 'import');

    const peer = new Y.Doc();
    const state = makeDoc();
    peer.on('update', (update: Uint8Array) => state.apply(update, 'peer'));
    const id = addNote(peer, { text: 'draft', topic: 't1' });
    for (let i = 0; i < 50; i++) setNoteText(peer, id, `draft ${i}`);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, state.diff());
    expect((reader.getMap('notes').get(id) as Y.Map<unknown>).get('text')?.toString()).toBe('draft 49');
  });
});

describe('the update gate under a seeded fuzz', () => {
  it.each(fuzzSeeds(6))('refuses every hostile update of seed %i and keeps taking honest ones', (seed) => {
    const gen = prng.create(seed);
    const state = new EncodedDoc();
    const peer = new Y.Doc();
    for (let i = 0; i < 30; i++) {
      if (prng.bool(gen)) {
        expect(() => state.apply(randomHostileUpdate(gen, 1_000 + i), 'attacker')).toThrow(InvalidUpdate);
      } else {
        const before = Y.encodeStateVector(peer);
        addNote(peer, { text: prng.word(gen, 0, 40), topic: 't1' });
        state.apply(Y.encodeStateAsUpdate(peer, before), 'peer');
      }
    }
    const reader = new Y.Doc();
    Y.applyUpdate(reader, state.diff());
    expect(reader.getMap('notes').size).toBe(peer.getMap('notes').size);
  });
});

describe('state loaded from storage', () => {
  it('is indexed without refusal, so a type of unknown depth takes no nested type', () => {
    const guard = new UpdateGuard();
    guard.recordState(nestedMaps(5, 12));
    expect(() => guard.inspect(nestedMaps(5, 1, 12, Y.createID(5, 11)))).toThrow(InvalidUpdate);
  });
});

describe('a pinned fuzz seed', () => {
  it('refuses a Y.XmlText, which passes an instanceof Y.Text check (seed 20269042)', () => {
    const update = encodeUpdate([{ client: 9, clock: 0, items: [{ content: typeContent(new Y.XmlText()), parentSub: 'x' }] }]);
    expect(() => new EncodedDoc().apply(update, 'attacker')).toThrow(/never writes/);
  });
});

describe.each(KINDS)('a room an older version damaged on disk, loaded into %s', (_kind, makeDoc) => {
  it('loads without the content the gate refuses, says what it dropped, and takes honest edits after it', () => {
    const honest = new Y.Doc();
    const kept = addNote(honest, { text: 'kept', topic: 't1' });
    const damaged = hostileUpdates().find((h) => h.name === 'ContentJSON nested 10,000 deep')!.update;
    const state = makeDoc();
    const dropped = state.load([Y.encodeStateAsUpdate(honest), damaged]);
    expect(dropped).toEqual([expect.stringMatching(/^content at \d+:0 dropped/)]);
    // Everything merges, encodes and diffs again, and what was honest is all there.
    const later = new Y.Doc();
    Y.applyUpdate(later, state.diff());
    const before = Y.encodeStateVector(later);
    addNote(later, { text: 'after', topic: 't1' });
    state.apply(Y.encodeStateAsUpdate(later, before), 'peer');
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.mergeUpdates([state.snapshot(), state.diff(new Uint8Array([0]))]));
    expect(reader.getMap('notes').has(kept)).toBe(true);
    expect(reader.getMap('notes').size).toBe(2);
  });
});

describe('the struct count read before Yjs decodes anything', () => {
  it('matches what Y.decodeUpdate finds, for templates, seed 003 and edits', () => {
    const docs = [
      ...TEMPLATES.flatMap((t) => {
        const built = buildSessionDocs({ sessionId: 'scan-check', templateId: t.id, language: 'en' });
        return [built.control, ...built.phases.map((p) => p.doc)];
      }),
      ...importSeed003(readSeed003(), { sessionId: 'scan-seed', now: 1 }).phases.map((p) => p.doc),
    ];
    for (const doc of docs) {
      const update = Y.encodeStateAsUpdate(doc);
      expect(countStructs(update, Infinity, 16)).toBe(Y.decodeUpdate(update).structs.length);
    }
  });

  it('refuses past the limit and past the nesting limit without reading on', () => {
    expect(() => countStructs(manyStructs(3, 200_001), 200_000, 16)).toThrow(/more than 200000 structs/);
    expect(countStructs(manyStructs(3, 200_000), 200_000, 16)).toBe(200_000);
    const deep = encodeUpdate([{ client: 4, clock: 0, items: [{ content: anyContent(deepAnyValue(100_000)), parentSub: 'x' }] }]);
    expect(() => countStructs(deep, 200_000, 16)).toThrow(/nested deeper than 16/);
  });
});
