import * as Y from 'yjs';
import { recordId } from './ids';
import { LocalOrigin } from './origins';
import { byOrder, latestVersion, type RecordMap } from './records/common';
import {
  cleanCriterionText,
  cleanNoteIds,
  criterionMigrations,
  readCriterion,
  type Criterion,
} from './records/criterion';
import { RECORD_ID_RE } from './rooms';

/**
 * The selected criteria of every phase and topic, in the control document: map 'criteria', one
 * record per criterion (records/criterion.ts), flat so that two facilitators confirming different
 * topics at once both keep theirs. Before criteria had their own wording, a topic's selection was a
 * list of note ids (map 'selections', "<phaseId>/<topicId>" -> string[]); such a list still reads
 * as criteria worded as their notes, and the first edit of such a criterion converts it (migration
 * 'criteria/001-from-selections', below).
 */

const local = (action: string) => new LocalOrigin(action);

// A topic keeps a few selected criteria; seed 003 has three or four per column.
export const MAX_CRITERIA_PER_TOPIC = 20;

export const criteriaMap = (control: Y.Doc) => control.getMap<RecordMap>('criteria');
const selectionsOf = (control: Y.Doc) => control.getMap<unknown>('selections');
const selectionKey = (phaseId: string, topicId: string): string => `${phaseId}/${topicId}`;

/** The id an old selection's note reads under: derived, so every peer converting it writes the same record. */
const legacyId = (phaseId: string, topicId: string, noteId: string): string => {
  const id = `sel-${phaseId}-${topicId}-${noteId}`;
  // Long ids do not fit a record id; a short stable hash keeps the conversion deterministic.
  if (RECORD_ID_RE.test(id)) return id;
  let h = 0x811c9dc5;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `sel-${h.toString(36)}-${noteId.slice(0, 40)}`;
};

function legacyCriteria(control: Y.Doc, phaseId: string, topicId: string): Criterion[] {
  const ids = selectionsOf(control).get(selectionKey(phaseId, topicId));
  return cleanNoteIds(ids).map((noteId, i) => ({ id: legacyId(phaseId, topicId, noteId), phaseId, topicId, text: '', noteIds: [noteId], order: i + 1 }));
}

/**
 * Per topic, the criteria of `phaseId` in their order: the records, and each note of an old
 * selection that has no record under its derived id yet (one not converted by an edit).
 */
export function readCriteria(control: Y.Doc, phaseId: string): Map<string, Criterion[]> {
  const out = new Map<string, Criterion[]>();
  const add = (c: Criterion) => out.set(c.topicId, [...(out.get(c.topicId) ?? []), c]);
  const records = criteriaMap(control);
  records.forEach((record, id) => {
    if (!(record instanceof Y.Map) || !RECORD_ID_RE.test(id)) return;
    const c = readCriterion(id, record);
    if (c.phaseId === phaseId && RECORD_ID_RE.test(c.topicId) && record.get('removed') !== true) add(c);
  });
  const prefix = `${phaseId}/`;
  selectionsOf(control).forEach((_, key) => {
    const topicId = key.slice(prefix.length);
    if (!key.startsWith(prefix) || !RECORD_ID_RE.test(topicId)) return;
    for (const c of legacyCriteria(control, phaseId, topicId)) if (!records.has(c.id)) add(c);
  });
  for (const list of out.values()) list.sort(byOrder).splice(MAX_CRITERIA_PER_TOPIC);
  return new Map([...out].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** Every note id that is a source of some criterion of `phaseId`. */
export const criteriaNoteIds = (control: Y.Doc, phaseId: string): Set<string> =>
  new Set([...readCriteria(control, phaseId).values()].flat().flatMap((c) => c.noteIds));

export const CRITERIA_MIGRATION_ID = 'criteria/001-from-selections';

/**
 * Migration 'criteria/001-from-selections', one criterion at a time: the first edit of a criterion
 * read from an old selection writes it as a record under its derived id (wording empty, i.e. its
 * note's) and edits that. Converting only what is edited keeps two facilitators' edits of
 * different criteria from overwriting each other; the old list stays as it was, shadowed.
 */
function convertLegacy(control: Y.Doc, phaseId: string, id: string): void {
  if (criteriaMap(control).has(id)) return;
  const legacy = [...readCriteria(control, phaseId).values()].flat().find((c) => c.id === id);
  if (legacy) criteriaMap(control).set(id, makeCriterionRecord(legacy));
}

/** A new criterion record with the given fields (imports build these directly, under their own origin). */
export function makeCriterionRecord(c: Omit<Criterion, 'id'>): RecordMap {
  const record: RecordMap = new Y.Map();
  record.set('v', latestVersion(criterionMigrations));
  record.set('phaseId', c.phaseId);
  record.set('topicId', c.topicId);
  record.set('text', c.text);
  record.set('noteIds', c.noteIds);
  record.set('order', c.order);
  return record;
}

export type NewCriterion = { phaseId: string; topicId: string; text: string; noteIds: readonly string[] };

/**
 * Adds one criterion at the end of its topic: the wording ('' = as its first note says) and the
 * notes it was distilled from (none for a criterion typed from scratch). Returns its id.
 */
export function addCriterion(control: Y.Doc, input: NewCriterion, id = recordId()): string {
  if (!RECORD_ID_RE.test(input.phaseId) || !RECORD_ID_RE.test(input.topicId)) throw new Error('A criterion needs a phase and a topic');
  const text = cleanCriterionText(input.text);
  const noteIds = cleanNoteIds(input.noteIds);
  if (!text && !noteIds.length) throw new Error('A criterion needs wording or a note');
  control.transact(() => {
    const topic = readCriteria(control, input.phaseId).get(input.topicId) ?? [];
    if (topic.length >= MAX_CRITERIA_PER_TOPIC) throw new Error(`A topic keeps at most ${MAX_CRITERIA_PER_TOPIC} criteria`);
    const order = topic.reduce((max, c) => Math.max(max, c.order), 0) + 1;
    criteriaMap(control).set(id, makeCriterionRecord({ phaseId: input.phaseId, topicId: input.topicId, text, noteIds, order }));
  }, local('criterion.add'));
  return id;
}

/** The record of criterion `id`, converting it from an old selection first when it is one. */
function recordOf(control: Y.Doc, id: string, phaseId: string): RecordMap {
  convertLegacy(control, phaseId, id);
  const record = criteriaMap(control).get(id);
  if (!(record instanceof Y.Map) || record.get('removed') === true) throw new Error(`No criterion "${id}"`);
  return record;
}

/** Rewords a criterion; '' goes back to its first note's wording. */
export function rewordCriterion(control: Y.Doc, phaseId: string, id: string, text: string): void {
  control.transact(() => {
    const record = recordOf(control, id, phaseId);
    const wording = cleanCriterionText(text);
    if (!wording && !cleanNoteIds(record.get('noteIds')).length) throw new Error('A criterion without notes needs wording');
    record.set('text', wording);
  }, local('criterion.reword'));
}

/** Replaces the notes a criterion was distilled from. */
export function setCriterionNotes(control: Y.Doc, phaseId: string, id: string, noteIds: readonly string[]): void {
  control.transact(() => {
    const record = recordOf(control, id, phaseId);
    const ids = cleanNoteIds(noteIds);
    if (!ids.length && !cleanCriterionText(record.get('text'))) throw new Error('A criterion without wording needs a note');
    record.set('noteIds', ids);
  }, local('criterion.notes'));
}

/**
 * Takes a criterion out; its notes stay where they are, in the material. One from an old selection
 * stays as a record marked removed: deleting it would let the old list show it again.
 */
export function removeCriterion(control: Y.Doc, phaseId: string, id: string): void {
  control.transact(() => {
    const record = recordOf(control, id, phaseId);
    const fromOldList = [...selectionsOf(control).keys()].some((key) => {
      const [phase, topicId] = key.split('/');
      return phase === phaseId && !!topicId && legacyCriteria(control, phaseId, topicId).some((c) => c.id === id);
    });
    if (fromOldList) record.set('removed', true);
    else criteriaMap(control).delete(id);
  }, local('criterion.remove'));
}

/** The wording a criterion prints with: its own, else its first note's (notes by id), else ''. */
export function criterionWording(c: Criterion, noteText: (id: string) => string | undefined): string {
  if (c.text) return c.text;
  for (const id of c.noteIds) {
    const text = noteText(id)?.trim();
    if (text) return text;
  }
  return '';
}
