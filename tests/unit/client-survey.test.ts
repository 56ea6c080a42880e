import { describe, expect, it } from 'vitest';
import { buildSessionDocs, formOf, readResponses, readSession, setAnswer, setFollowUp } from '@wcb/shared';
import { nextRespondent, respondentId, respondentIndex } from '../../client/src/lib/respondent';
import type { KeyValueStore } from '../../client/src/lib/storage';
import { barShares, formatNumber, histogram, responsesText, sectionNumbers, shareOf, summariseSurvey } from '../../client/src/views/forms/survey-summary';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const SESSION = 'session-survey-01';

/** The seminar evaluation as a session builds it: its form and its (empty) phase doc. */
function seminar() {
  const docs = buildSessionDocs({ sessionId: SESSION, templateId: 'seminar-evaluation', language: 'en' });
  const session = readSession(docs.control);
  const phase = session.phases.find((p) => p.kind === 'survey');
  if (!phase) throw new Error('the seminar evaluation has no survey phase');
  const doc = docs.phases.find((p) => p.phaseId === phase.id)!.doc;
  const form = formOf(session.prompts, phase.id);
  const questions = form.sections.flatMap((s) => s.children);
  const first = (kind: string) => questions.find((q) => q.answer === kind)!;
  return { doc, form, questions, percent: first('percent'), yesno: first('yesno'), choice: first('choice'), text: first('text') };
}

describe('respondents on a shared device', () => {
  it('the first person answers as the participant; each "next person" gets a new id, kept per session', () => {
    const store = memoryStore();
    expect(respondentIndex(store, SESSION)).toBe(0);
    expect(respondentId('device-abc', 0)).toBe('device-abc');

    expect(nextRespondent(store, SESSION)).toBe(1);
    expect(nextRespondent(store, SESSION)).toBe(2);
    // A reload continues with the current person rather than the first one.
    expect(respondentIndex(store, SESSION)).toBe(2);
    expect(respondentId('device-abc', 2)).toBe('device-abc~2');

    // Another session on the same device starts again from its first person.
    expect(respondentIndex(store, 'other-session')).toBe(0);
    expect(nextRespondent(store, 'other-session')).toBe(1);
    expect(respondentIndex(store, SESSION)).toBe(2);
  });

  it('ignores a damaged or hostile stored counter and keeps the counter map bounded', () => {
    const store = memoryStore();
    store.setItem('wcb.respondents', JSON.stringify({ [SESSION]: -3, b: 'x', c: 1.5 }));
    expect(respondentIndex(store, SESSION)).toBe(0);
    expect(respondentIndex(store, 'b')).toBe(0);
    expect(respondentIndex(store, 'c')).toBe(0);
    store.setItem('wcb.respondents', '[1,2]');
    expect(respondentIndex(store, SESSION)).toBe(0);
    store.setItem('wcb.respondents', '{not json');
    expect(nextRespondent(store, SESSION)).toBe(1);

    for (let i = 0; i < 150; i++) nextRespondent(store, `s${i}`);
    const kept = JSON.parse(store.data.get('wcb.respondents')!) as Record<string, number>;
    expect(Object.keys(kept).length).toBeLessThanOrEqual(100);
    // The newest sessions are the ones kept.
    expect(kept.s149).toBe(1);
  });
});

describe('survey summary', () => {
  it('counts responses with an answer and summarises each kind of question', () => {
    const { doc, form, percent, yesno, choice, text } = seminar();
    setAnswer(doc, 'p1', percent.id, 70, 1);
    setAnswer(doc, 'p1', yesno.id, 'yes', 2);
    setFollowUp(doc, 'p1', yesno.id, 'More open to NGOs', 3);
    setAnswer(doc, 'p1', choice.id, 1, 4);
    setAnswer(doc, 'p1', text.id, '<img src=x onerror=alert(1)>', 5);
    setAnswer(doc, 'p2', percent.id, 85, 6);
    setAnswer(doc, 'p2', yesno.id, 'no', 7);
    setAnswer(doc, 'p2', choice.id, 1, 8);
    setAnswer(doc, 'p2~1', percent.id, 100, 9);
    // Someone who only opened the form and cleared their answer is not a response.
    setAnswer(doc, 'p3', percent.id, 10, 10);
    setAnswer(doc, 'p3', percent.id, null, 11);

    const summary = summariseSurvey(form, readResponses(doc));
    expect(summary.responses).toBe(3);
    const all = summary.sections.flatMap((s) => s.questions);
    const of = (id: string) => all.find((q) => q.question.id === id)!;

    expect(of(percent.id).summary).toMatchObject({ kind: 'percent', count: 3, mean: 85, median: 85, min: 70, max: 100 });
    expect(of(percent.id).histogram).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(of(yesno.id).summary).toMatchObject({ kind: 'yesno', count: 2, yes: 1, no: 1, followUps: ['More open to NGOs'] });
    expect(of(choice.id).summary).toMatchObject({ kind: 'choice', count: 2, counts: [0, 2, 0] });
    // Hostile text is kept as written: the view draws it as text.
    expect(of(text.id).summary).toMatchObject({ kind: 'text', count: 1, answers: ['<img src=x onerror=alert(1)>'] });
    expect(of(yesno.id).histogram).toEqual([]);
  });

  it('numbers titled sections from 1 and leaves loose questions unnumbered', () => {
    const { form } = seminar();
    expect(sectionNumbers(form)).toEqual(form.sections.map((_, i) => i + 1));
    const loose = { ...form, sections: [{ section: null, children: [] }, ...form.sections] };
    expect(sectionNumbers(loose).slice(0, 3)).toEqual([0, 1, 2]);
    const summary = summariseSurvey(form, []);
    expect(summary.responses).toBe(0);
    expect(summary.sections[0]?.number).toBe(1);
    expect(summary.sections[0]?.title).toBe(form.sections[0]?.section?.label);
  });

  it('puts 0–100 into ten buckets, 100 in the last', () => {
    expect(histogram([0, 9, 10, 55, 99, 100])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(histogram([])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('formats numbers with at most one decimal and a dash for none; bars are shares of the largest', () => {
    expect(formatNumber(77.5)).toBe('77.5');
    expect(formatNumber(80)).toBe('80');
    expect(formatNumber(66.66)).toBe('66.7');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(barShares([1, 4, 2])).toEqual([25, 100, 50]);
    expect(barShares([0, 0])).toEqual([0, 0]);
    expect(shareOf(1, 3)).toBe(33);
    expect(shareOf(0, 0)).toBe(0);
    expect([0, 1, 2].map(responsesText)).toEqual(['No responses yet', '1 response', '2 responses']);
  });
});
