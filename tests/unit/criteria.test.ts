import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addCriterion,
  buildSessionDocs,
  criteriaMap,
  criterionWording,
  MAX_CRITERIA_PER_TOPIC,
  MAX_CRITERION_TEXT,
  readCriteria,
  removeCriterion,
  rewordCriterion,
  setCriterionNotes,
  setSelection,
} from '@wcb/shared';

const control = () => buildSessionDocs({ sessionId: 's', templateId: 'world-cafe-ngo', language: 'uk', now: 1 }).control;
const view = (doc: Y.Doc, phaseId = 'ideal') =>
  Object.fromEntries([...readCriteria(doc, phaseId)].map(([topic, list]) => [topic, list.map((c) => [c.text, c.noteIds])]));
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('selected criteria with their own wording', () => {
  it('a criterion keeps the facilitator’s wording and the notes it was distilled from, in the order added', () => {
    const doc = control();
    addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: 'Спільне напрацювання та прийняття рішень', noteIds: ['n1', 'n2', 'n1'] });
    addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: '', noteIds: ['n3'] });
    addCriterion(doc, { phaseId: 'ideal', topicId: 'ngos', text: 'Експертність', noteIds: [] });
    expect(view(doc)).toEqual({
      government: [
        ['Спільне напрацювання та прийняття рішень', ['n1', 'n2']],
        ['', ['n3']],
      ],
      ngos: [['Експертність', []]],
    });
    expect(view(doc, 'reality')).toEqual({});
  });

  it('rewording, changing its notes and removing it; an empty wording prints its first note', () => {
    const doc = control();
    const id = addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: '', noteIds: ['n1', 'n2'] });
    const texts = new Map([['n1', '  '], ['n2', 'Довіра']]);
    expect(criterionWording(readCriteria(doc, 'ideal').get('government')![0]!, (n) => texts.get(n))).toBe('Довіра');
    rewordCriterion(doc, 'ideal', id, '  Взаємна довіра\u0007 ');
    setCriterionNotes(doc, 'ideal', id, ['n2']);
    expect(view(doc)).toEqual({ government: [['Взаємна довіра', ['n2']]] });
    removeCriterion(doc, 'ideal', id);
    expect(view(doc)).toEqual({});
  });

  it('wording is bounded and inert; a criterion needs wording or a note; a topic keeps a bounded number', () => {
    const doc = control();
    const id = addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: `${'я'.repeat(MAX_CRITERION_TEXT + 50)}\u0000`, noteIds: ['bad id!', 'ok'] });
    const [c] = readCriteria(doc, 'ideal').get('government')!;
    expect(c!.text).toHaveLength(MAX_CRITERION_TEXT);
    expect(c!.noteIds).toEqual(['ok']);
    expect(() => addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: ' \u0001 ', noteIds: [] })).toThrow(/wording or a note/);
    expect(() => addCriterion(doc, { phaseId: '../x', topicId: 'government', text: 'x', noteIds: [] })).toThrow();
    setCriterionNotes(doc, 'ideal', id, []);
    expect(() => rewordCriterion(doc, 'ideal', id, '')).toThrow(/needs wording/);
    for (let i = 1; i < MAX_CRITERIA_PER_TOPIC; i++) addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: `c${i}`, noteIds: [] });
    expect(() => addCriterion(doc, { phaseId: 'ideal', topicId: 'government', text: 'one more', noteIds: [] })).toThrow(/at most/);
    // A peer's hostile record: text of the wrong kind, ids that are not ids.
    const hostile = new Y.Map<unknown>();
    criteriaMap(doc).set('evil', hostile);
    hostile.set('phaseId', 'ideal');
    hostile.set('topicId', 'ngos');
    hostile.set('text', { html: '<script>' });
    hostile.set('noteIds', ['<img>', 'fine']);
    expect(view(doc).ngos).toEqual([['', ['fine']]]);
  });

  it('an old selection (note ids) reads as criteria worded as their notes', () => {
    const doc = control();
    setSelection(doc, 'ideal', 'government', ['money', 'trust']);
    expect(view(doc)).toEqual({ government: [['', ['money']], ['', ['trust']]] });
  });

  it('migration criteria/001-from-selections: the first edit of a topic converts its old selection, identically on two peers', () => {
    const a = control();
    setSelection(a, 'ideal', 'government', ['money', 'trust']);
    setSelection(a, 'ideal', 'ngos', ['expertise']);
    const b = new Y.Doc();
    sync(a, b);
    const [money] = readCriteria(a, 'ideal').get('government')!;
    // Offline, each facilitator edits the same old topic.
    rewordCriterion(a, 'ideal', money!.id, 'Фінансування');
    addCriterion(b, { phaseId: 'ideal', topicId: 'government', text: 'Довіра і звітність', noteIds: ['trust'] }, 'fromB');
    sync(a, b);
    expect(view(a)).toEqual(view(b));
    expect(view(a).government).toEqual([
      ['Фінансування', ['money']],
      ['', ['trust']],
      ['Довіра і звітність', ['trust']],
    ]);
    expect(criteriaMap(a).has(money!.id)).toBe(true);
    // An untouched topic still reads from its old selection.
    expect(view(a).ngos).toEqual([['', ['expertise']]]);
    // Removing a converted criterion does not bring the old list's entry back.
    removeCriterion(b, 'ideal', readCriteria(b, 'ideal').get('ngos')![0]!.id);
    sync(a, b);
    expect(view(a).ngos).toBeUndefined();
  });

  it('two facilitators adding criteria to different topics at once both keep theirs', () => {
    const a = control();
    const b = new Y.Doc();
    sync(a, b);
    addCriterion(a, { phaseId: 'ideal', topicId: 'government', text: 'A', noteIds: [] });
    addCriterion(b, { phaseId: 'ideal', topicId: 'community', text: 'B', noteIds: [] });
    sync(a, b);
    expect(view(a)).toEqual({ community: [['B', []]], government: [['A', []]] });
    expect(view(b)).toEqual(view(a));
  });
});
