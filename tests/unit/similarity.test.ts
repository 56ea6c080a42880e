import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, initPhaseDoc, matchKey, readNotes, stackNote, suggestClusters } from '@wcb/shared';

const fixturePath = fileURLToPath(new URL('../../../shared/fixtures/seed-003-results.json', import.meta.url));
type Columns = Record<string, string[]>;
type Fixture = { phases: { id: string; material?: Columns; continued?: Columns }[] };

/** A phase board holding every note the tables wrote in that phase of seed 003, in table order. */
function seedBoard(phaseId: string): Y.Doc {
  const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as Fixture;
  const phase = fixture.phases.find((p) => p.id === phaseId)!;
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', phaseId);
  let n = 0;
  for (const columns of [phase.material ?? {}, phase.continued ?? {}]) {
    for (const [topic, texts] of Object.entries(columns)) {
      for (const text of texts) addNote(doc, { topic, text }, ++n, `${topic}-${n}`);
    }
  }
  return doc;
}

const summary = (doc: Y.Doc) =>
  suggestClusters(readNotes(doc)).map((s) => ({
    topic: s.topic,
    texts: [...new Set(s.noteIds.map((id) => readNotes(doc).find((n) => n.id === id)!.text))],
    count: s.noteIds.length,
  }));

describe('similar-note keys', () => {
  it('case, punctuation, quotes, spacing and Latin look-alike letters do not matter', () => {
    const key = matchKey('Довіра');
    for (const variant of ['довіра.', 'Дoвiра', '  «ДОВІРА»!  ', 'Довіра — ', 'Дов\u0301іра']) {
      expect(matchKey(variant), variant).toBe(key);
    }
    // Seed 003 has "Компромiс" typed with a Latin i.
    expect(matchKey('Компромiс')).toBe(matchKey('компроміс'));
    // And the other way round: Cyrillic letters inside an English word.
    expect(matchKey('Тrust')).toBe(matchKey('trust'));
  });

  it('word order and common Ukrainian, Russian and English endings do not matter', () => {
    expect(matchKey('Довіра, репутація')).toBe(matchKey('репутація — довіра'));
    expect(matchKey('Прозорість')).toBe(matchKey('прозорості'));
    expect(matchKey('Конкуренція')).toBe(matchKey('конкуренції'));
    expect(matchKey('Конкуренция')).toBe(matchKey('конкуренции'));
    expect(matchKey('Обмін досвідом')).toBe(matchKey('обмін досвіду'));
    expect(matchKey("Зворотній зв'язок")).toBe(matchKey('Зворотній звʼязок'));
    expect(matchKey('Meetings')).toBe(matchKey('meeting'));
    expect(matchKey('notes')).toBe(matchKey('note'));
  });

  it('different words keep different keys', () => {
    expect(matchKey('Довіра')).not.toBe(matchKey('Недовіра'));
    expect(matchKey('Конкуренція')).not.toBe(matchKey('Конкуренція за гроші'));
    expect(matchKey('Конкуренція')).not.toBe(matchKey('Нездорова конкуренція'));
    expect(matchKey('Спільні інтереси')).not.toBe(matchKey('Спільні інтереси, проблеми'));
    expect(matchKey('process')).not.toBe(matchKey('proces'));
    expect(matchKey('👍 !!!')).toBe('');
  });
});

describe('cluster suggestions', () => {
  it('in seed 003 they find the repeated "Конкуренція" notes per column and nothing else', () => {
    expect(summary(seedBoard('reality'))).toEqual([
      { topic: 'government', texts: ['Конкуренція'], count: 2 },
      { topic: 'ngos', texts: ['Конкуренція'], count: 3 },
      { topic: 'ngos', texts: ['Конкуренція за гроші'], count: 2 },
    ]);
  });

  it('in seed 003 they propose nothing for a phase where every note differs', () => {
    expect(summary(seedBoard('ideal'))).toEqual([]);
  });

  it('notes in different columns are never suggested together', () => {
    const doc = new Y.Doc();
    addNote(doc, { topic: 'government', text: 'Недовіра' }, 1, 'a');
    addNote(doc, { topic: 'community', text: 'недовіра' }, 2, 'b');
    expect(suggestClusters(readNotes(doc))).toEqual([]);
  });

  it('a group already in one stack is no longer suggested; a partly stacked one still is', () => {
    const doc = new Y.Doc();
    for (const [id, text] of [['a', 'Довіра'], ['b', 'довіра.'], ['c', 'Дoвiра'], ['d', 'Експертність']]) {
      addNote(doc, { topic: 'ngos', text: text! }, 1, id);
    }
    expect(suggestClusters(readNotes(doc))).toEqual([{ key: matchKey('Довіра'), topic: 'ngos', noteIds: ['a', 'b', 'c'] }]);
    stackNote(doc, 'b', 'a');
    expect(suggestClusters(readNotes(doc)).map((s) => s.noteIds)).toEqual([['a', 'b', 'c']]);
    stackNote(doc, 'c', 'b');
    expect(suggestClusters(readNotes(doc))).toEqual([]);
    // Suggesting never merged anything by itself.
    expect(readNotes(doc)).toHaveLength(4);
  });
});
