import * as Y from 'yjs';
import { LocalOrigin } from './origins';
import { cleanText, num, str } from './records/common';
import type { Prompt } from './records/prompt';
import { replaceText } from './text';

/**
 * Answers to a structured phase's form, in its phase room (participants write here). Nothing is a
 * nested Y.Map created on first write: two peers creating the same nested record before syncing
 * would each make their own, and one of them (with its first answer) would be dropped. So:
 * - cells:     `<rowId>|<columnId>` -> { ticked, by }       (matrix ticks; plain values, last write wins)
 * - `cell:<rowId>|<columnId>` root Y.Text                   (matrix fill: a root type is the same
 *   object on every peer, so two people typing into one cell merge per character)
 * - checks:    itemId -> { done, by, at }                    (checklist)
 * - responses: `<respondentId>|a:<questionId>` -> value, `<respondentId>|f:<questionId>` -> follow-up
 *   text, `<respondentId>|at` -> last change                 (survey; one respondent per person)
 */
export const answerMaps = (doc: Y.Doc) => ({
  cells: doc.getMap<unknown>('cells'),
  checks: doc.getMap<unknown>('checks'),
  responses: doc.getMap<unknown>('responses'),
});

export const MAX_CELL_TEXT = 500;
export const MAX_ANSWER_TEXT = 2000;
export const CELL_TEXT_PREFIX = 'cell:';
// Respondent ids are device ids (plus "~n" on a shared laptop); '|' separates them from fields.
const RESPONDENT_RE = /^[A-Za-z0-9_~-]{1,80}$/;

const local = (action: string) => new LocalOrigin(action);
export const cellKey = (rowId: string, columnId: string): string => `${rowId}|${columnId}`;
/** The collaborative text of one matrix cell (a root type: see above). */
export const cellText = (doc: Y.Doc, rowId: string, columnId: string): Y.Text => doc.getText(CELL_TEXT_PREFIX + cellKey(rowId, columnId));

const objectOf = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export type Cell = { ticked: boolean; by: string; text: string };

export function setCellTicked(doc: Y.Doc, rowId: string, columnId: string, ticked: boolean, by = ''): void {
  doc.transact(() => answerMaps(doc).cells.set(cellKey(rowId, columnId), { ticked, by: cleanText(by, 80) }), local('cell.tick'));
}

export function setCellText(doc: Y.Doc, rowId: string, columnId: string, next: string): void {
  const target = cleanText(next, MAX_CELL_TEXT);
  doc.transact(() => replaceText(cellText(doc, rowId, columnId), target), local('cell.text'));
}

/** The keys of every cell text the document holds (root types named `cell:<key>`). */
export function cellTextKeys(doc: Y.Doc): string[] {
  return [...doc.share.keys()].filter((name) => name.startsWith(CELL_TEXT_PREFIX)).map((name) => name.slice(CELL_TEXT_PREFIX.length));
}

export function readCells(doc: Y.Doc): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  answerMaps(doc).cells.forEach((value, key) => {
    const v = objectOf(value);
    out[key] = { ticked: v.ticked === true, by: cleanText(str(v.by), 80), text: '' };
  });
  for (const key of cellTextKeys(doc)) {
    const text = cleanText(doc.getText(CELL_TEXT_PREFIX + key).toString(), MAX_CELL_TEXT);
    if (!text && !out[key]) continue;
    out[key] = { ...(out[key] ?? { ticked: false, by: '' }), text };
  }
  return out;
}

export type Check = { done: boolean; by: string; at: number };

export function setChecked(doc: Y.Doc, itemId: string, done: boolean, by = '', now = Date.now()): void {
  doc.transact(() => answerMaps(doc).checks.set(itemId, { done, by: cleanText(by, 80), at: now }), local('check.set'));
}

export function readChecks(doc: Y.Doc): Record<string, Check> {
  const out: Record<string, Check> = {};
  answerMaps(doc).checks.forEach((value, id) => {
    const v = objectOf(value);
    out[id] = { done: v.done === true, by: cleanText(str(v.by), 80), at: num(v.at) };
  });
  return out;
}

/** A raw answer as stored; readers validate it against the question it answers. */
export type AnswerValue = number | string;
export type SurveyResponse = { id: string; answers: Record<string, AnswerValue>; followUps: Record<string, string>; at: number };

function checkRespondent(respondent: string): void {
  if (!RESPONDENT_RE.test(respondent)) throw new Error(`Not a respondent id: "${respondent.slice(0, 40)}"`);
}

/** Sets (or with null clears) one answer of one respondent's response. */
export function setAnswer(doc: Y.Doc, respondent: string, questionId: string, value: AnswerValue | null, now = Date.now()): void {
  checkRespondent(respondent);
  const clean = typeof value === 'string' ? cleanText(value, MAX_ANSWER_TEXT) : value;
  const { responses } = answerMaps(doc);
  doc.transact(() => {
    if (clean === null || (typeof clean === 'number' && !Number.isFinite(clean))) responses.delete(`${respondent}|a:${questionId}`);
    else responses.set(`${respondent}|a:${questionId}`, clean);
    responses.set(`${respondent}|at`, now);
  }, local('answer.set'));
}

export function setFollowUp(doc: Y.Doc, respondent: string, questionId: string, text: string, now = Date.now()): void {
  checkRespondent(respondent);
  const { responses } = answerMaps(doc);
  doc.transact(() => {
    responses.set(`${respondent}|f:${questionId}`, cleanText(text, MAX_ANSWER_TEXT));
    responses.set(`${respondent}|at`, now);
  }, local('answer.followUp'));
}

export function readResponses(doc: Y.Doc): SurveyResponse[] {
  const byId = new Map<string, SurveyResponse>();
  answerMaps(doc).responses.forEach((v, key) => {
    const bar = key.indexOf('|');
    if (bar <= 0) return;
    const id = key.slice(0, bar);
    const field = key.slice(bar + 1);
    const response = byId.get(id) ?? { id, answers: {}, followUps: {}, at: 0 };
    byId.set(id, response);
    if (field === 'at') response.at = num(v);
    else if (field.startsWith('a:') && (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
      response.answers[field.slice(2)] = typeof v === 'string' ? cleanText(v, MAX_ANSWER_TEXT) : v;
    } else if (field.startsWith('f:') && typeof v === 'string') response.followUps[field.slice(2)] = cleanText(v, MAX_ANSWER_TEXT);
  });
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** An answer as its question understands it, or null when it does not fit (wrong type, stale option). */
export function validAnswer(question: Prompt, value: AnswerValue | undefined): AnswerValue | null {
  if (value === undefined) return null;
  switch (question.answer) {
    case 'percent':
      // NaN would otherwise pass the clamp and poison the mean of every summary it joins.
      return typeof value === 'number' && Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : null;
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
