/**
 * Hostile control-room records (PROTOCOL.md, "Control records"): valid Yjs encodings a facilitator
 * link could send, each holding one malformed record. Each edit runs on a copy of a template
 * café's control doc (world-cafe-ngo: phase 'ideal', topic 'government', run step 's1').
 */
import * as Y from 'yjs';
import { controlMaps, criteriaMap, runSheetMap } from '@wcb/shared';

const T0 = 1_700_000_000_000;

/** The update a facilitator device sends after `edit`, from a copy of `doc` (which stays as it was). */
export function updateOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

export const recordOf = (fields: Record<string, unknown>): Y.Map<unknown> => new Y.Map(Object.entries(fields));
const state = (doc: Y.Doc) => controlMaps(doc).state;
const phase = (doc: Y.Doc, id: string) => controlMaps(doc).phases.get(id) as Y.Map<unknown>;
const timer = { status: 'running', durationMs: 60_000, endsAt: T0 + 60_000, remainingMs: 0, round: 0 };
const criterion = { phaseId: 'ideal', topicId: 'government', text: '', noteIds: [], order: 1 };

export const HOSTILE_RECORDS: readonly [string, (doc: Y.Doc) => void][] = [
  ['a phase step with a negative round count', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'phase', phaseId: 'ideal', rounds: -2, roundMinutes: 20, rotate: true, order: 9 }))],
  ['a run step of an unknown kind', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'party', minutes: 5, order: 9 }))],
  ['a break step of 100,000 minutes', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'break', minutes: 100_000, order: 9 }))],
  ['a run step edited to a negative round count', (d) => runSheetMap(d).get('s1')!.set('rounds', -1)],
  ['a run step whose kind is deleted', (d) => runSheetMap(d).get('s1')!.delete('kind')],
  ['a run step that is not a record', (d) => runSheetMap(d).set('bad', 'break 5' as never)],
  ['a run step with a 100 KB title in place of its phase', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'lock', phaseId: 'x'.repeat(100_000), order: 9 }))],
  ['a criterion whose wording is not a string', (d) => criteriaMap(d).set('bad', recordOf({ ...criterion, text: { evil: 1 } }))],
  ['a criterion of 5,000 characters', (d) => criteriaMap(d).set('bad', recordOf({ ...criterion, text: 'x'.repeat(5_000) }))],
  ['a criterion with 500 notes', (d) => criteriaMap(d).set('bad', recordOf({ ...criterion, noteIds: Array.from({ length: 500 }, (_, i) => `n${i}`) }))],
  ['a criterion under a key that is no record id', (d) => criteriaMap(d).set('../../etc', recordOf({ ...criterion, text: 'x' }))],
  ['a run cursor beyond the sheet', (d) => state(d).set('run', { stepId: 's1', index: 10_000, round: 0, done: false, seq: 1, history: [] })],
  ['a run cursor with a negative seq', (d) => state(d).set('run', { stepId: 's1', index: 0, round: 0, done: false, seq: -5, history: [] })],
  ['a timer that runs for a million years', (d) => state(d).set('timer', { ...timer, durationMs: 3.2e16, endsAt: 3.2e16 })],
  ['a timer with a negative duration', (d) => state(d).set('timer', { ...timer, durationMs: -60_000 })],
  ['a timer of an unknown status', (d) => state(d).set('timer', { ...timer, status: 'exploded' })],
  ['a voting budget of a million dots', (d) => state(d).set('voting', { phaseId: 'ideal', budget: 1_000_000, per: 'participant', hideCounts: false, open: true })],
  ['a spotlight with a zero zoom', (d) => state(d).set('follow', { phaseId: 'ideal', viewport: { cx: 0, cy: 0, zoom: 0 }, seq: 3 })],
  ['rounds with a current round past their count', (d) => state(d).set('rounds', { count: 3, lengthMs: 60_000, current: 99 })],
  ['a current phase that is not a phase id', (d) => state(d).set('currentPhase', 42)],
  ['a phase whose title is 100 KB', (d) => phase(d, 'ideal').set('title', 'x'.repeat(100_000))],
  ['a phase locked with a string', (d) => phase(d, 'ideal').set('locked', 'yes')],
  ['a matrix label above the rows of 100 KB', (d) => phase(d, 'ideal').set('corner', 'x'.repeat(100_000))],
  ['a matrix label above the rows that is a map', (d) => phase(d, 'ideal').set('corner', new Y.Map())],
  ['a phase that is not a record', (d) => controlMaps(d).phases.set('broken', 'not a record' as never)],
  ['a topic with a numeric label', (d) => controlMaps(d).topics.set('t9', recordOf({ label: 7, order: 9 }))],
  ['a table named with 10,000 characters', (d) => controlMaps(d).tables.set('t9', recordOf({ name: 'x'.repeat(10_000), order: 9 }))],
];
