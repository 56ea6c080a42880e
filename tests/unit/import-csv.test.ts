import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCriterion, addNote, buildSessionDocs, castDot, closeVoting, CROSS_CUTTING, openVoting, setSelection, stackNote } from '@wcb/shared';
import { detectImportFormat, importCsv, ImportError, importFile, importSeed003, renderCsv, type Harvest, type HarvestItem } from '@wcb/shared/harvest';
import { harvestOf, readSeed003 } from '../support/harvest';



const itemView = (i: HarvestItem) => ({
  text: i.text,
  votes: i.votes,
  count: i.count,
  tableName: i.tableName,
  round: i.round,
  author: i.author,
  createdAt: i.createdAt,
  members: i.members.map((m) => [m.text, m.votes, m.tableName, m.round, m.author, m.createdAt]),
});

/** What a CSV can carry: phases and topics by name (ids are minted anew), everything written in them. */
const contentOf = (h: Harvest) =>
  h.phases
    .map((p) => ({
      title: p.title,
      topics: p.topics
        .map((t) => ({ label: t.label, selected: t.selected.map(itemView), rest: [...t.material, ...t.steps].map(itemView) }))
        .filter((t) => t.selected.length || t.rest.length),
      cross: p.crossCutting.map(itemView),
    }))
    .filter((p) => p.topics.length || p.cross.length);

function richSession() {
  const docs = buildSessionDocs({ sessionId: 'orig', templateId: 'world-cafe-ngo', language: 'uk', now: 5 });
  const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
  const trust = addNote(ideal, { topic: 'government', text: 'Довіра', table: 't1', round: 1, author: 'Оля', x: 16, y: 16 }, 1_700_000_000_000, 'trust');
  const trust2 = addNote(ideal, { topic: 'government', text: 'Взаємна довіра', table: 't2', round: 2, x: 232, y: 16 }, 1_700_000_000_500, 'trust2');
  const money = addNote(ideal, { topic: 'government', text: 'Фінансування, "гроші"\nі звіти', x: 16, y: 200 }, 1_700_000_001_000, 'money');
  addNote(ideal, { topic: 'government', text: 'Прозорість', x: 232, y: 200 }, 1_700_000_002_000, 'open');
  addNote(ideal, { topic: CROSS_CUTTING, text: 'Скрізь: відкритість', x: 16, y: 16 }, 1_700_000_003_000, 'cross');
  const formula = ['=HYPERLINK("http://evil","x")', '+380 50', '-1', '@SUM(A1)', '\tвідступ'];
  formula.forEach((text, i) => addNote(ideal, { topic: 'community', text, x: 16, y: 16 + i * 166 }, 1_700_000_004_000 + i, `f${i}`));
  stackNote(ideal, trust2, trust);
  openVoting(docs.control, { phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
  const votes = new Y.Doc();
  castDot(votes, 'olya', money, 3);
  castDot(votes, 'olya', trust2, 3);
  castDot(votes, 'petro', trust, 3);
  castDot(votes, 'petro', trust, 3);
  castDot(votes, 'ivan', money, 3);
  closeVoting(docs.control);
  setSelection(docs.control, 'ideal', 'government', [money, trust]);
  const reality = docs.phases.find((p) => p.phaseId === 'reality')!.doc;
  addNote(reality, { topic: 'community', text: 'Волонтери', table: 't3', round: 3 }, 1_700_000_009_000, 'vol');
  return { docs, votes: [{ phaseId: 'ideal', doc: votes }], formula };
}

describe('CSV import', () => {
  it('renderCsv → importCsv gives the same phases, topics, texts, votes, selection and clusters', () => {
    const { docs, votes } = richSession();
    const before = harvestOf(docs, votes);
    const imported = importCsv(renderCsv(before), { sessionId: 'back', now: 7 });
    const after = harvestOf(imported);
    expect(contentOf(after)).toEqual(contentOf(before));
    expect(after.language).toBe('uk');
    expect(after.sessionId).toBe('back');
    const gov = after.phases[0]!.topics.find((t) => t.label === before.phases[0]!.topics.find((x) => x.topicId === 'government')!.label)!;
    expect(gov.selected.map((i) => [i.text, i.votes, i.sources?.map((n) => n.text)])).toEqual([
      ['Фінансування, "гроші"\nі звіти', 2, ['Фінансування, "гроші"\nі звіти']],
      ['Довіра', 3, ['Довіра']],
    ]);
  });

  it('a reworded criterion comes back with its wording, its notes, and its place among the criteria', () => {
    const { docs, votes } = richSession();
    const reworded = addCriterion(docs.control, { phaseId: 'ideal', topicId: 'government', text: 'Довіра та прозорість', noteIds: ['trust2', 'open'] });
    addCriterion(docs.control, { phaseId: 'ideal', topicId: 'government', text: '=Гроші без нотаток', noteIds: [] });
    expect(reworded).toBeTruthy();
    const before = harvestOf(docs, votes);
    const csv = renderCsv(before);
    expect(csv).toContain(`"Довіра та прозорість"`);
    const gov = (h: Harvest) => h.phases[0]!.topics.find((t) => t.topicId === 'government' || t.label === 'ВЛАДОЮ')!;
    const view = (h: Harvest) => gov(h).selected.map((i) => [i.text, i.votes, (i.sources ?? []).map((n) => n.text)]);
    const after = harvestOf(importCsv(csv, { sessionId: 'back', now: 7 }));
    expect(view(after)).toEqual(view(before));
    expect(view(after).slice(2)).toEqual([
      ['Довіра та прозорість', 1, ['Взаємна довіра', 'Прозорість']],
      ['=Гроші без нотаток', 0, []],
    ]);
    // Every note stays material, the ones criteria came from included.
    expect(gov(after).material.map((i) => i.text)).toEqual(gov(before).material.map((i) => i.text));
  });

  it('formula-guarded cells come back exactly as written', () => {
    const { docs, votes, formula } = richSession();
    const csv = renderCsv(harvestOf(docs, votes));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const texts = harvestOf(importCsv(csv, { sessionId: 'back' })).phases[0]!.topics.flatMap((t) => t.material.map((i) => i.text));
    for (const text of formula) expect(texts).toContain(text);
  });

  it('the seed-003 results survive JSON → CSV → import with all 162 texts in their phase and topic', () => {
    const seed = readSeed003();
    const before = harvestOf(importSeed003(seed, { sessionId: 'seed', now: 1_000 }));
    const csv = renderCsv(before);
    expect(detectImportFormat(csv)).toBe('csv');
    const after = harvestOf(importFile(csv, { sessionId: 'back', title: 'Seed 3' }));
    const texts = (h: Harvest) => h.phases.map((p) => p.topics.map((t) => [t.label, [...t.selected, ...t.material, ...t.steps].map((i) => i.text)]));
    expect(texts(after)).toEqual(texts(before));
    expect(texts(after).flat().reduce((n, [, list]) => n + list!.length, 0)).toBe(162);
    expect(after.title).toBe('Seed 3');
  });

  const header = 'phase,topic,table,round,author,text,votes,cluster,selected,created';
  const good = '"Ideal","Community","Table 1","1","Olya","Trust","2","","0","2025-05-14T10:00:00.000Z"';
  const broken: [string, string, string][] = [
    ['a missing column', 'phase,topic,table,round\r\n"Ideal","Community","T","1"', 'line 1: column "text" is missing'],
    ['a bad round', `${header}\r\n${good}\r\n"Ideal","Community","T","two","","x","0","","0",""`, 'line 3: column "round" must be a whole number, found "two"'],
    ['an unknown header', 'name,address\r\n"a","b"', 'line 1: is not a results header'],
    ['an unknown column', `${header},colour\r\n${good},"red"`, 'line 1: unknown column "colour"'],
    ['an unterminated quote', `${header}\r\n${good}\r\n\r\n"Ideal","Community","T","1","","unclosed,"0","","0",""`, 'line 4: a quoted cell is never closed'],
    ['a bad date', `${header}\r\n"Ideal","Community","","","","x","","","","yesterday"`, 'line 2: column "created" is not a date'],
    ['a short row', `${header}\r\n"Ideal","Community"`, 'line 2: has 2 cells, the header has 10'],
    ['a header only', `\uFEFF${header}\r\n`, 'file: has a header but no notes'],
  ];
  for (const [what, csv, message] of broken) {
    it(`a file with ${what} names the line and builds nothing`, () => {
      let error: unknown;
      let built: unknown;
      try {
        built = importCsv(csv, { sessionId: 'x' });
      } catch (e) {
        error = e;
      }
      expect(built).toBeUndefined();
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toContain(message);
    });
  }

  it('a row after a multi-line cell is named by the line it starts on', () => {
    const csv = `${header}\r\n"Ideal","Community","","","","two\nlines","","","",""\r\n"Ideal","Community","","x","","t","","","",""`;
    expect(() => importCsv(csv, { sessionId: 'x' })).toThrow('line 4: column "round"');
  });

  it('a Russian header is read, and its cross-cutting label lands in the cross-cutting row', () => {
    const csv = '\uFEFFэтап,тема,текст\r\n"Идеал","Сквозные заметки","Везде"\r\n"Идеал","Власть","Доверие"\r\n';
    const h = harvestOf(importCsv(csv, { sessionId: 'ru' }));
    expect(h.language).toBe('ru');
    expect(h.topics.map((t) => t.label)).toEqual(['Власть']);
    expect(h.phases[0]!.crossCutting.map((i) => i.text)).toEqual(['Везде']);
    expect(h.phases[0]!.votingBudget).toBeNull();
  });
});
