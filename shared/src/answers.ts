import * as Y from 'yjs';
import { LocalOrigin } from './origins';
import { cleanText, num, str, type RecordMap } from './records/common';
import type { Prompt } from './records/prompt';
import { replaceText } from './text';

/**
 * Answers to a structured phase's form, in its phase room (participants write here):
 * - cells:     `<rowId>|<columnId>` -> { ticked, by, text: Y.Text }   (matrix)
 * - checks:    itemId -> { done, by, at }                              (checklist)
 * - responses: respondentId -> { `a:<questionId>`: value, `f:<questionId>`: follow-up text, at } (survey)
 * A survey response is one person's: each respondent writes only their own record, so plain
 * last-writer-wins fields lose nothing. Cell text is a Y.Text because a whole table types into it.
 */
export const answerMaps = (doc: Y.Doc) => ({
  cells: doc.getMap<RecordMap>('cells'),
  checks: doc.getMap<RecordMap>('checks'),
  responses: doc.getMap<RecordMap>('responses'),
});

export const MAX_CELL_TEXT = 500;
export const MAX_ANSWER_TEXT = 2000;

const local = (action: string) => new LocalOrigin(action);
export const cellKey = (rowId: string, columnId: string): string => `${rowId}|${columnId}`;

/** Returns the record under `key`, creating it first (inside the caller's transaction). */
function ensure(map: Y.Map<RecordMap>, key: string): RecordMap {
  const existing = map.get(key);
  if (existing instanceof Y.Map) return existing;
  const record: RecordMap = new Y.Map();
  map.set(key, record);
  return record;
}

export type Cell = { ticked: boolean; by: string; text: string };

export function setCellTicked(doc: Y.Doc, rowId: string, columnId: string, ticked: boolean, by = ''): void {
  doc.transact(() => {
    const record = ensure(answerMaps(doc).cells, cellKey(rowId, columnId));
    record.set('ticked', ticked);
    record.set('by', cleanText(by, 80));
  }, local('cell.tick'));
}

export function setCellText(doc: Y.Doc, rowId: string, columnId: string, next: string): void {
  const target = cleanText(next, MAX_CELL_TEXT);
  doc.transact(() => {
    const record = ensure(answerMaps(doc).cells, cellKey(rowId, columnId));
    const text = record.get('text');
    if (text instanceof Y.Text) replaceText(text, target);
    else record.set('text', new Y.Text(target));
  }, local('cell.text'));
}

export function readCells(doc: Y.Doc): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  answerMaps(doc).cells.forEach((record, key) => {
    if (!(record instanceof Y.Map)) return;
    const text = record.get('text');
    out[key] = {
      ticked: record.get('ticked') === true,
      by: cleanText(str(record.get('by')), 80),
      text: cleanText(text instanceof Y.Text ? text.toString() : '', MAX_CELL_TEXT),
    };
  });
  return out;
}

export type Check = { done: boolean; by: string; at: number };

export function setChecked(doc: Y.Doc, itemId: string, done: boolean, by = '', now = Date.now()): void {
  doc.transact(() => {
    const record = ensure(answerMaps(doc).checks, itemId);
    record.set('done', done);
    record.set('by', cleanText(by, 80));
    record.set('at', now);
  }, local('check.set'));
}

export function readChecks(doc: Y.Doc): Record<string, Check> {
  const out: Record<string, Check> = {};
  answerMaps(doc).checks.forEach((record, id) => {
    if (record instanceof Y.Map) {
      out[id] = { done: record.get('done') === true, by: cleanText(str(record.get('by')), 80), at: num(record.get('at')) };
    }
  });
  return out;
}

/** A raw answer as stored; readers validate it against the question it answers. */
export type AnswerValue = number | string;
export type SurveyResponse = { id: string; answers: Record<string, AnswerValue>; followUps: Record<string, string>; at: number };

/** Sets (or with null clears) one answer of one respondent's response. */
export function setAnswer(doc: Y.Doc, respondent: string, questionId: string, value: AnswerValue | null, now = Date.now()): void {
  const clean = typeof value === 'string' ? cleanText(value, MAX_ANSWER_TEXT) : value;
  doc.transact(() => {
    const record = ensure(answerMaps(doc).responses, respondent);
    if (clean === null || (typeof clean === 'number' && !Number.isFinite(clean))) record.delete(`a:${questionId}`);
    else record.set(`a:${questionId}`, clean);
    record.set('at', now);
  }, local('answer.set'));
}

export function setFollowUp(doc: Y.Doc, respondent: string, questionId: string, text: string, now = Date.now()): void {
  doc.transact(() => {
    const record = ensure(answerMaps(doc).responses, respondent);
    record.set(`f:${questionId}`, cleanText(text, MAX_ANSWER_TEXT));
    record.set('at', now);
  }, local('answer.followUp'));
}

export function readResponses(doc: Y.Doc): SurveyResponse[] {
  const out: SurveyResponse[] = [];
  answerMaps(doc).responses.forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    const answers: Record<string, AnswerValue> = {};
    const followUps: Record<string, string> = {};
    record.forEach((v, key) => {
      if (key.startsWith('a:') && (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
        answers[key.slice(2)] = typeof v === 'string' ? cleanText(v, MAX_ANSWER_TEXT) : v;
      } else if (key.startsWith('f:') && typeof v === 'string') followUps[key.slice(2)] = cleanText(v, MAX_ANSWER_TEXT);
    });
    out.push({ id, answers, followUps, at: num(record.get('at')) });
  });
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** An answer as its question understands it, or null when it does not fit (wrong type, stale option). */
export function validAnswer(question: Prompt, value: AnswerValue | undefined): AnswerValue | null {
  if (value === undefined) return null;
  switch (question.answer) {
    case 'percent':
      return typeof value === 'number' ? Math.min(100, Math.max(0, Math.round(value))) : null;
    case 'yesno':
      return value === 'yes' || value === 'no' ? value : null;
    case 'choice':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < question.options.length ? value : null;
    case 'text':
      return typeof value === 'string' && value.trim() ? value.trim() : null;
  }
}

export type QuestionSummary =
  | { kind: 'percent'; questionId: string; count: number; mean: number | null; median: number | null; min: number | null; max: number | null }
  | { kind: 'yesno'; questionId: string; count: number; yes: number; no: number; followUps: string[] }
  | { kind: 'choice'; questionId: string; count: number; counts: number[] }
  | { kind: 'text'; questionId: string; count: number; answers: string[] };

const median = (sorted: number[]): number | null => {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** What the room answered, per question: the summary the facilitator shows and the harvest prints. */
export function summariseQuestion(question: Prompt, responses: readonly SurveyResponse[]): QuestionSummary {
  const values = responses.map((r) => validAnswer(question, r.answers[question.id])).filter((v): v is AnswerValue => v !== null);
  const count = values.length;
  const questionId = question.id;
  switch (question.answer) {
    case 'percent': {
      const nums = (values as number[]).slice().sort((a, b) => a - b);
      const mean = count ? Math.round((nums.reduce((s, v) => s + v, 0) / count) * 10) / 10 : null;
      return { kind: 'percent', questionId, count, mean, median: median(nums), min: nums[0] ?? null, max: nums.at(-1) ?? null };
    }
    case 'yesno': {
      const followUps = responses
        .filter((r) => validAnswer(question, r.answers[question.id]) !== null)
        .map((r) => (r.followUps[question.id] ?? '').trim())
        .filter(Boolean);
      const yes = values.filter((v) => v === 'yes').length;
      return { kind: 'yesno', questionId, count, yes, no: count - yes, followUps };
    }
    case 'choice': {
      const counts = question.options.map((_, i) => values.filter((v) => v === i).length);
      return { kind: 'choice', questionId, count, counts };
    }
    case 'text':
      return { kind: 'text', questionId, count, answers: values as string[] };
  }
}

/** Ticks per row and per column of a matrix, with the texts written in each row. */
export function summariseMatrix(rows: readonly Prompt[], columns: readonly Prompt[], cells: Readonly<Record<string, Cell>>) {
  const at = (r: Prompt, c: Prompt) => cells[cellKey(r.id, c.id)];
  return {
    rows: rows.map((r) => ({ rowId: r.id, ticks: columns.filter((c) => at(r, c)?.ticked).length })),
    columns: columns.map((c) => ({ columnId: c.id, ticks: rows.filter((r) => at(r, c)?.ticked).length })),
  };
}

/** Done items out of all items, per section and overall. */
export function checklistProgress(sections: readonly { section: Prompt | null; children: readonly Prompt[] }[], checks: Readonly<Record<string, Check>>) {
  const per = sections.map((s) => ({
    sectionId: s.section?.id ?? '',
    done: s.children.filter((c) => checks[c.id]?.done).length,
    total: s.children.length,
  }));
  return { sections: per, done: per.reduce((n, s) => n + s.done, 0), total: per.reduce((n, s) => n + s.total, 0) };
}
