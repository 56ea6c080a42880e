import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  answerMaps,
  buildSessionDocs,
  checklistProgress,
  formOf,
  initPhaseDoc,
  readCells,
  readChecks,
  readResponses,
  readSession,
  setAnswer,
  setCellText,
  setCellTicked,
  setChecked,
  setFollowUp,
  summariseMatrix,
  summariseQuestion,
  type Prompt,
  type SurveyResponse,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';

function phaseDoc(phaseId: string): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', phaseId);
  return doc;
}

/** The stamped form of a seminar template (Russian), as the views read it. */
function formFor(templateId: string) {
  const { control } = buildSessionDocs({ sessionId: 'session-0001', templateId, language: 'ru', now: 1 });
  const s = readSession(control);
  return formOf(s.prompts, s.phases[0]!.id);
}
const questions = formFor('seminar-evaluation').sections.flatMap((s) => s.children);
const q = (localId: string): Prompt => questions.find((x) => x.id === `evaluation.${localId}`)!;

describe('matrix cells', () => {
  it('two peers typing in the same cell at once keep both edits and converge', () => {
    const a = phaseDoc('benefits');
    setCellText(a, 'benefits.finance', 'benefits.schools', 'Призы школам');
    const b = replica(a);
    setCellText(a, 'benefits.finance', 'benefits.schools', 'Призы школам и ученикам');
    setCellText(b, 'benefits.finance', 'benefits.schools', 'Новые призы школам');
    setCellTicked(b, 'benefits.finance', 'benefits.schools', true, 'Стол 2');
    syncAll([a, b]);
    const cell = readCells(a)['benefits.finance|benefits.schools']!;
    expect(readCells(b)).toEqual(readCells(a));
    expect(cell.text).toBe('Новые призы школам и ученикам');
    expect(cell).toMatchObject({ ticked: true, by: 'Стол 2' });
  });

  it('two peers writing a cell nobody has touched yet keep both writes: the tick of one and the texts of both', () => {
    const a = phaseDoc('benefits');
    const b = replica(a);
    setCellTicked(a, 'r', 'c', true, 'A');
    setCellText(a, 'r', 'c', 'from A');
    setCellText(b, 'r', 'c', 'from B');
    syncAll([a, b]);
    expect(readCells(a)).toEqual(readCells(b));
    const cell = readCells(a)['r|c']!;
    expect(cell).toMatchObject({ ticked: true, by: 'A' });
    // Both first writes survive, merged in one order that every peer agrees on.
    expect(['from Afrom B', 'from Bfrom A']).toContain(cell.text);
  });

  it('concurrent ticks and unticks of one cell, and concurrent checks of one item, converge on every peer', () => {
    const a = phaseDoc('benefits');
    setCellTicked(a, 'r', 'c', false);
    setChecked(a, 'cycle.start-1', false, '', 1);
    const b = replica(a);
    setCellTicked(a, 'r', 'c', true, 'A');
    setCellTicked(b, 'r', 'c', false, 'B');
    setChecked(a, 'cycle.start-1', true, 'A', 2);
    setChecked(b, 'cycle.start-1', false, 'B', 3);
    syncAll([a, b]);
    expect(readCells(a)).toEqual(readCells(b));
    expect(readChecks(a)).toEqual(readChecks(b));
    // Each record is one peer's write, whole: no tick from A with B's name.
    const cell = readCells(a)['r|c']!;
    expect([cell.ticked, cell.by]).toEqual(cell.by === 'A' ? [true, 'A'] : [false, 'B']);
  });

  it('summariseMatrix counts ticks per row and per column and ignores cells of removed rows', () => {
    const form = formFor('benefits-matrix');
    const doc = phaseDoc('benefits');
    const [finance, authorities] = form.rows;
    const [company, , , schools] = form.columns;
    setCellTicked(doc, finance!.id, company!.id, true);
    setCellTicked(doc, finance!.id, schools!.id, true);
    setCellTicked(doc, authorities!.id, schools!.id, true);
    setCellTicked(doc, authorities!.id, company!.id, false);
    setCellTicked(doc, 'benefits.removed-row', schools!.id, true);
    const m = summariseMatrix(form.rows, form.columns, readCells(doc));
    expect(m.rows.slice(0, 3).map((r) => r.ticks)).toEqual([2, 1, 0]);
    expect(m.columns.map((c) => c.ticks)).toEqual([1, 0, 0, 2]);
  });

  it('cell text is cleaned of NUL and lone surrogates and kept within its limit', () => {
    const doc = phaseDoc('benefits');
    setCellText(doc, 'r', 'c', `a\u0000b\uDC00${'x'.repeat(900)}`);
    const cell = readCells(doc)['r|c']!;
    expect(cell.text.startsWith('ab\uFFFDx')).toBe(true);
    expect(cell.text.length).toBe(500);
  });
});

describe('checklist progress', () => {
  it('counts done items per stage and overall; unticking counts again', () => {
    const form = formFor('partnership-cycle');
    const doc = phaseDoc('cycle');
    const [first, second] = form.sections;
    setChecked(doc, first!.children[0]!.id, true, 'Стол 1', 1);
    setChecked(doc, first!.children[1]!.id, true, 'Стол 1', 2);
    setChecked(doc, second!.children[0]!.id, true, 'Стол 2', 3);
    setChecked(doc, first!.children[1]!.id, false, 'Стол 1', 4);
    setChecked(doc, 'cycle.not-an-item', true, '', 5);
    const p = checklistProgress(form.sections, readChecks(doc));
    expect(p.sections.map((s) => [s.done, s.total])).toEqual([[1, 7], [1, 6], [0, 7], [0, 7], [0, 7], [0, 5], [0, 3]]);
    expect([p.done, p.total]).toEqual([2, 42]);
  });
});

describe('survey answers', () => {
  it('percent answers summarise as mean, median, min and max, clamped to 0–100', () => {
    const doc = phaseDoc('evaluation');
    [80, 90, 100, 150, -5].forEach((v, i) => setAnswer(doc, `r${i}`, q('expectations').id, v, i));
    setAnswer(doc, 'r9', q('expectations').id, 70.4, 9);
    const s = summariseQuestion(q('expectations'), readResponses(doc));
    // 150 reads as 100 and -5 as 0: [0, 70, 80, 90, 100, 100]
    expect(s).toEqual({ kind: 'percent', questionId: q('expectations').id, count: 6, mean: 73.3, median: 85, min: 0, max: 100 });
    expect(summariseQuestion(q('interest'), readResponses(doc))).toMatchObject({ count: 0, mean: null, median: null, min: null, max: null });
  });

  it('yes/no answers count yes and no and collect the follow-ups ("Как?") of those who answered', () => {
    const doc = phaseDoc('evaluation');
    const attitude = q('attitude');
    expect(attitude.followUp).toBe('Как?');
    setAnswer(doc, 'ann', attitude.id, 'yes', 1);
    setFollowUp(doc, 'ann', attitude.id, '  Стала доверять бизнесу  ', 2);
    setAnswer(doc, 'bob', attitude.id, 'no', 3);
    setAnswer(doc, 'cat', attitude.id, 'yes', 4);
    setFollowUp(doc, 'dan', attitude.id, 'Follow-up without an answer', 5);
    setAnswer(doc, 'eve', attitude.id, 'maybe', 6);
    expect(summariseQuestion(attitude, readResponses(doc))).toEqual({
      kind: 'yesno',
      questionId: attitude.id,
      count: 3,
      yes: 2,
      no: 1,
      followUps: ['Стала доверять бизнесу'],
    });
  });

  it('choice answers count per option; an index the options no longer have is ignored', () => {
    const doc = phaseDoc('evaluation');
    const exchange = q('exchange');
    [0, 1, 1, 2, 7, -1, 1.5].forEach((v, i) => setAnswer(doc, `r${i}`, exchange.id, v, i));
    setAnswer(doc, 'text', exchange.id, 'достаточно', 9);
    expect(summariseQuestion(exchange, readResponses(doc))).toEqual({ kind: 'choice', questionId: exchange.id, count: 4, counts: [1, 2, 1] });
    // The facilitator drops the last option: its answers stop counting instead of pointing elsewhere.
    const shorter = { ...exchange, options: exchange.options.slice(0, 2) };
    expect(summariseQuestion(shorter, readResponses(doc))).toMatchObject({ count: 3, counts: [1, 2] });
  });

  it('text answers list the non-empty ones, trimmed, in answering order', () => {
    const doc = phaseDoc('evaluation');
    const wishes = q('wishes-text');
    setAnswer(doc, 'b', wishes.id, '  Больше практики ', 2);
    setAnswer(doc, 'a', wishes.id, 'Спасибо!', 1);
    setAnswer(doc, 'c', wishes.id, '   ', 3);
    setAnswer(doc, 'd', wishes.id, 42, 4);
    expect(summariseQuestion(wishes, readResponses(doc))).toEqual({ kind: 'text', questionId: wishes.id, count: 2, answers: ['Спасибо!', 'Больше практики'] });
  });

  it('an answer set to null is cleared, and a non-finite number is never stored', () => {
    const doc = phaseDoc('evaluation');
    const id = q('usefulness').id;
    setAnswer(doc, 'ann', id, 60, 1);
    setAnswer(doc, 'ann', id, null, 2);
    setAnswer(doc, 'bob', id, Number.NaN, 3);
    setAnswer(doc, 'cat', id, Number.POSITIVE_INFINITY, 4);
    expect(readResponses(doc).map((r) => r.answers)).toEqual([{}, {}, {}]);
  });

  it('stored values of the wrong type, out of range or hostile are ignored or cleaned, and nothing throws', () => {
    const doc = phaseDoc('evaluation');
    const all = questions;
    doc.transact(() => {
      const { responses } = answerMaps(doc);
      const set = (field: string, value: unknown) => responses.set(`hostile|${field}`, value);
      set(`a:${q('expectations').id}`, '150%');
      set(`a:${q('interest').id}`, true);
      set(`a:${q('usefulness').id}`, { value: 50 });
      set(`a:${q('attitude').id}`, 'yes\u0000');
      set(`f:${q('attitude').id}`, 'How\u0000 \uD800');
      set(`a:${q('exchange').id}`, [1]);
      set(`a:${q('learned').id}`, `\u0000\uDBFF${'я'.repeat(5000)}`);
      set('at', 'yesterday');
      // Keys without a respondent part are not responses at all.
      responses.set('not-a-response', 'plain string');
      responses.set('|a:x', 'no respondent');
    });
    let read: SurveyResponse[] = [];
    expect(() => (read = readResponses(doc))).not.toThrow();
    expect(read.map((r) => r.id)).toEqual(['hostile']);
    const [r] = read;
    expect(r!.at).toBe(0);
    expect(r!.answers[q('attitude').id]).toBe('yes');
    expect(r!.followUps[q('attitude').id]).toBe('How \uFFFD');
    expect(r!.answers[q('learned').id]).toMatch(/^\uFFFDя+$/);
    expect(String(r!.answers[q('learned').id]).length).toBe(2000);
    for (const question of all) expect(() => summariseQuestion(question, read)).not.toThrow();
    expect(summariseQuestion(q('expectations'), read).count).toBe(0);
    expect(summariseQuestion(q('interest'), read).count).toBe(0);
    expect(summariseQuestion(q('usefulness'), read).count).toBe(0);
    expect(summariseQuestion(q('exchange'), read).count).toBe(0);
    expect(summariseQuestion(q('attitude'), read)).toMatchObject({ count: 1, yes: 1 });
    // Responses built by hand (not read from a doc) with non-finite numbers are ignored too.
    const handMade: SurveyResponse[] = [
      { id: 'x', answers: { [q('expectations').id]: Number.NaN, [q('exchange').id]: Number.NaN }, followUps: {}, at: 1 },
      { id: 'y', answers: { [q('expectations').id]: 40 }, followUps: {}, at: 2 },
    ];
    expect(summariseQuestion(q('expectations'), handMade)).toMatchObject({ count: 1, mean: 40, median: 40, min: 40, max: 40 });
    expect(summariseQuestion(q('exchange'), handMade)).toMatchObject({ count: 0, counts: [0, 0, 0] });
  });

  it('each respondent’s answers stay theirs when two people answer at the same time', () => {
    const a = phaseDoc('evaluation');
    const b = replica(a);
    setAnswer(a, 'ann', q('expectations').id, 90, 1);
    setAnswer(b, 'bob', q('expectations').id, 50, 2);
    setAnswer(b, 'bob', q('contacts').id, 'yes', 3);
    setFollowUp(b, 'bob', q('contacts').id, 'С Алтайкровлей', 4);
    syncAll([a, b]);
    expect(readResponses(a)).toEqual(readResponses(b));
    expect(summariseQuestion(q('expectations'), readResponses(a))).toMatchObject({ count: 2, mean: 70 });
    expect(summariseQuestion(q('contacts'), readResponses(a))).toMatchObject({ yes: 1, followUps: ['С Алтайкровлей'] });
  });
});
