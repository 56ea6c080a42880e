import { RECORD_ID_RE } from '../rooms';
import { cleanText, num, str, type Migration, type RecordMap } from './common';

/**
 * A selected criterion of one topic in one phase: the facilitator's (or the group's) own wording,
 * distilled from the notes it came from. Seed 003: «Спільне напрацювання та прийняття рішень» from
 * «Спільне прийняття рішень» and «Спільне напрацювання рішень». An empty `text` means "as the note
 * says": a criterion confirmed without rewording, or one read from an old selection, prints its
 * first note's text.
 */
export type Criterion = { id: string; phaseId: string; topicId: string; text: string; noteIds: string[]; order: number };

// A criterion is a phrase or a sentence, like a column header of the results table.
export const MAX_CRITERION_TEXT = 300;
// A criterion distils a handful of notes; the bound only stops a hostile peer from listing thousands.
export const MAX_CRITERION_NOTES = 20;

export const criterionMigrations: readonly Migration[] = [
  {
    id: 'criterion/001-baseline-fields',
    version: 1,
    up(record) {
      for (const k of ['phaseId', 'topicId', 'text'] as const) if (typeof record.get(k) !== 'string') record.set(k, '');
      if (!Array.isArray(record.get('noteIds'))) record.set('noteIds', []);
      if (typeof record.get('order') !== 'number') record.set('order', 0);
    },
  },
];

/** Note ids as stored: valid ids only, each once, at most MAX_CRITERION_NOTES. */
export const cleanNoteIds = (ids: unknown): string[] =>
  Array.isArray(ids)
    ? [...new Set(ids.filter((id): id is string => typeof id === 'string' && RECORD_ID_RE.test(id)))].slice(0, MAX_CRITERION_NOTES)
    : [];

/** Inert wording: no control characters but line breaks, no lone surrogates, trimmed, bounded. */
export const cleanCriterionText = (text: unknown): string => cleanText(str(text).trim(), MAX_CRITERION_TEXT).trim();

export function readCriterion(id: string, record: RecordMap): Criterion {
  return {
    id,
    phaseId: str(record.get('phaseId')),
    topicId: str(record.get('topicId')),
    text: cleanCriterionText(record.get('text')),
    noteIds: cleanNoteIds(record.get('noteIds')),
    order: num(record.get('order')),
  };
}
