import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, initPhaseDoc, readNotes, stackNote, suggestClusters, type Note } from '@wcb/shared';
import { loadIgnored, saveIgnored, suggestionId, visibleSuggestions } from '../../client/src/board-logic/suggestions';

const memoryStore = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

function phase(texts: [string, string][]) {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 's1', 'p1');
  let n = 0;
  for (const [topic, text] of texts) addNote(doc, { topic, text }, ++n, `n${n}`);
  return doc;
}
const notesMap = (doc: Y.Doc) => new Map(readNotes(doc).map((n: Note) => [n.id, n]));

describe('similar-note suggestions', () => {
  it('labels a group with its first text and count', () => {
    const doc = phase([
      ['t1', 'Конкуренція'],
      ['t1', 'конкуренція.'],
      ['t1', 'Інше'],
      ['t2', 'Конкуренція'],
    ]);
    const rows = visibleSuggestions(suggestClusters(readNotes(doc)), notesMap(doc), new Set());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: 't1', label: 'Конкуренція', count: 2, texts: ['Конкуренція', 'конкуренція.'] });
  });

  it('hides an ignored group until another similar note joins it', () => {
    const doc = phase([
      ['t1', 'Конкуренція'],
      ['t1', 'конкуренція'],
    ]);
    const first = suggestClusters(readNotes(doc));
    const ignored = new Set([suggestionId(first[0]!)]);
    expect(visibleSuggestions(first, notesMap(doc), ignored)).toEqual([]);
    addNote(doc, { topic: 't1', text: 'КОНКУРЕНЦІЯ!' }, 9, 'n9');
    const rows = visibleSuggestions(suggestClusters(readNotes(doc)), notesMap(doc), ignored);
    expect(rows.map((r) => r.count)).toEqual([3]);
  });

  it('the id does not depend on the order of the notes', () => {
    expect(suggestionId({ key: 'k', topic: 't', noteIds: ['b', 'a'] })).toBe(suggestionId({ key: 'k', topic: 't', noteIds: ['a', 'b'] }));
  });

  it('an accepted group (all stacked) is no longer suggested', () => {
    const doc = phase([
      ['t1', 'Конкуренція'],
      ['t1', 'конкуренція.'],
    ]);
    stackNote(doc, 'n2', 'n1');
    expect(suggestClusters(readNotes(doc))).toEqual([]);
  });

  it('keeps ignored groups per session and phase, surviving bad storage', () => {
    const store = memoryStore();
    saveIgnored(store, 's1', 'p1', new Set(['a', 'b']));
    expect([...loadIgnored(store, 's1', 'p1')]).toEqual(['a', 'b']);
    expect(loadIgnored(store, 's1', 'p2').size).toBe(0);
    store.setItem('wcb:ignored-suggestions:s1:p3', '{not json');
    expect(loadIgnored(store, 's1', 'p3').size).toBe(0);
  });
});
