/**
 * The control room's record gate: checkControlValue (shared, one check per record type) and
 * checkControlUpdate (sync-server/src/doc-state/control-guard.ts), which tries an update on a
 * scratch copy and checks each record it changed. Everything the product writes passes (templates,
 * imports, every facilitation action, the legacy-selection migration); each malformed record is
 * refused without the doc changing; a record stored malformed by an older version stays editable.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  TEMPLATES,
  addCriterion,
  addPhase,
  addRunStep,
  addTable,
  addTopic,
  buildSessionDocs,
  checkControlValue,
  closeVoting,
  controlMaps,
  criteriaMap,
  extendTimer,
  openVoting,
  pauseTimer,
  readRunCursor,
  removeCriterion,
  removeRunStep,
  resetRun,
  resumeTimer,
  rewordCriterion,
  runBack,
  runNext,
  runSheetMap,
  setCriterionNotes,
  setPhaseLocked,
  setRoundSettings,
  setSelection,
  setSpotlight,
  startRound,
  startTimer,
  updateRunStep,
  type Language,
} from '@wcb/shared';
import { importSeed003 } from '@wcb/shared/harvest';
import { checkControlUpdate } from '../../sync-server/src/doc-state/control-guard';
import { InvalidRecord } from '../../sync-server/src/doc-state/update-rules';
import { readSeed003 } from '../support/harvest';

const T0 = 1_700_000_000_000;
const cafe = (language: Language = 'en') => buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language }).control;

/** A server copy of `client` that checks every update the client emits before applying it. */
function checkedMirror(client: Y.Doc): Y.Doc {
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
  client.on('update', (update: Uint8Array) => {
    checkControlUpdate(server, update);
    Y.applyUpdate(server, update);
  });
  return server;
}

/** The update a facilitator device sends after `edit`, from a copy of `doc` (which stays as it was). */
function updateOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const recordOf = (fields: Record<string, unknown>): Y.Map<unknown> => new Y.Map(Object.entries(fields));
const state = (doc: Y.Doc) => controlMaps(doc).state;
const timer = { status: 'running', durationMs: 60_000, endsAt: T0 + 60_000, remainingMs: 0, round: 0 };

/** Hostile writes a facilitator link could send, each a valid Yjs encoding. */
const HOSTILE: readonly [string, (doc: Y.Doc) => void][] = [
  ['a phase step with a negative round count', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'phase', phaseId: 'ideal', rounds: -2, roundMinutes: 20, rotate: true, order: 9 }))],
  ['a run step of an unknown kind', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'party', minutes: 5, order: 9 }))],
  ['a break step of 100,000 minutes', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'break', minutes: 100_000, order: 9 }))],
  ['a run step edited to a negative round count', (d) => runSheetMap(d).get('s1')!.set('rounds', -1)],
  ['a run step whose kind is deleted', (d) => runSheetMap(d).get('s1')!.delete('kind')],
  ['a run step that is not a record', (d) => runSheetMap(d).set('bad', 'break 5' as never)],
  ['a run step with a 100 KB title in place of its phase', (d) => runSheetMap(d).set('bad', recordOf({ kind: 'lock', phaseId: 'x'.repeat(100_000), order: 9 }))],
  ['a criterion whose wording is not a string', (d) => criteriaMap(d).set('bad', recordOf({ phaseId: 'ideal', topicId: 'government', text: { evil: 1 }, noteIds: [], order: 1 }))],
  ['a criterion of 5,000 characters', (d) => criteriaMap(d).set('bad', recordOf({ phaseId: 'ideal', topicId: 'government', text: 'x'.repeat(5_000), noteIds: [], order: 1 }))],
  ['a criterion with 500 notes', (d) => criteriaMap(d).set('bad', recordOf({ phaseId: 'ideal', topicId: 'government', text: '', noteIds: Array.from({ length: 500 }, (_, i) => `n${i}`), order: 1 }))],
  ['a criterion under a key that is no record id', (d) => criteriaMap(d).set('../../etc', recordOf({ phaseId: 'ideal', topicId: 'government', text: 'x', noteIds: [], order: 1 }))],
  ['a run cursor beyond the sheet', (d) => state(d).set('run', { stepId: 's1', index: 10_000, round: 0, done: false, seq: 1, history: [] })],
  ['a run cursor with a negative seq', (d) => state(d).set('run', { stepId: 's1', index: 0, round: 0, done: false, seq: -5, history: [] })],
  ['a timer that runs for a million years', (d) => state(d).set('timer', { ...timer, durationMs: 3.2e16, endsAt: 3.2e16 })],
  ['a timer with a negative duration', (d) => state(d).set('timer', { ...timer, durationMs: -60_000 })],
  ['a timer of an unknown status', (d) => state(d).set('timer', { ...timer, status: 'exploded' })],
  ['a voting budget of a million dots', (d) => state(d).set('voting', { phaseId: 'ideal', budget: 1_000_000, per: 'participant', hideCounts: false, open: true })],
  ['a spotlight with a zero zoom', (d) => state(d).set('follow', { phaseId: 'ideal', viewport: { cx: 0, cy: 0, zoom: 0 }, seq: 3 })],
  ['rounds with a current round past their count', (d) => state(d).set('rounds', { count: 3, lengthMs: 60_000, current: 99 })],
  ['a current phase that is not a phase id', (d) => state(d).set('currentPhase', 42)],
  ['a phase whose title is 100 KB', (d) => (controlMaps(d).phases.get('ideal') as Y.Map<unknown>).set('title', 'x'.repeat(100_000))],
  ['a phase locked with a string', (d) => (controlMaps(d).phases.get('ideal') as Y.Map<unknown>).set('locked', 'yes')],
  ['a topic with a numeric label', (d) => controlMaps(d).topics.set('t9', recordOf({ label: 7, order: 9 }))],
  ['a table named with 10,000 characters', (d) => controlMaps(d).tables.set('t9', recordOf({ name: 'x'.repeat(10_000), order: 9 }))],
];

describe('control records: what the product writes passes', () => {
  it('every template in every language, and the seed-003 import, is well formed record by record', () => {
    const docs = [
      ...TEMPLATES.flatMap((t) => (['uk', 'ru', 'en'] as const).map((language) => buildSessionDocs({ sessionId: 'session-0001', templateId: t.id, language }).control)),
      importSeed003(readSeed003(), { sessionId: 'check-seed', now: 1_000 }).control,
    ];
    for (const doc of docs) {
      // Through the gate as a whole (a session created offline arrives as one step 2)...
      expect(() => checkControlUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))).not.toThrow();
      // ...and each value on its own.
      for (const [root, value] of doc.share) {
        if (!(value instanceof Y.Map)) continue;
        value.forEach((entry, key) => expect(checkControlValue(root, key, entry instanceof Y.Map ? entry.toJSON() : entry), `${root}/${key}`).toBeNull());
      }
    }
  });

  it('every facilitation action passes the gate on its way to the server', () => {
    const client = cafe();
    checkedMirror(client);
    addTopic(client, 'A new topic');
    addTable(client, 'Table by the window');
    const phase = addPhase(client, { title: 'Extra', question: 'What else?' });
    setPhaseLocked(client, phase, true);
    startTimer(client, 20 * 60_000, T0);
    pauseTimer(client, T0 + 1_000);
    resumeTimer(client, T0 + 2_000);
    extendTimer(client, 5 * 60_000, T0 + 3_000);
    setRoundSettings(client, { count: 4, lengthMs: 25 * 60_000 });
    startRound(client, 2, T0);
    openVoting(client, { phaseId: 'ideal', budget: 5, per: 'table', hideCounts: true });
    closeVoting(client);
    setSpotlight(client, 'ideal', { cx: 120.5, cy: -40, zoom: 1.25 });
    const id = addCriterion(client, { phaseId: 'ideal', topicId: 'government', text: 'Спільне напрацювання рішень', noteIds: ['n1', 'n2'] });
    rewordCriterion(client, 'ideal', id, 'Спільне напрацювання та прийняття рішень');
    setCriterionNotes(client, 'ideal', id, ['n3']);
    removeCriterion(client, 'ideal', id);
    const step = addRunStep(client, { kind: 'break', minutes: 10 });
    updateRunStep(client, step, { minutes: 15 } as never);
    for (let i = 0; i < 40 && runNext(client, readRunCursor(client).seq, T0 + i * 60_000); i++);
    for (let i = 0; i < 10; i++) runBack(client, readRunCursor(client).seq);
    resetRun(client);
    removeRunStep(client, step);
  });

  it("migration 'criteria/001-from-selections' passes: an old selection's criterion converts on its first edit", () => {
    const client = cafe();
    setSelection(client, 'ideal', 'government', ['n1', 'n2']);
    checkedMirror(client);
    rewordCriterion(client, 'ideal', 'sel-ideal-government-n1', 'Reworded');
    removeCriterion(client, 'ideal', 'sel-ideal-government-n2');
    expect(criteriaMap(client).get('sel-ideal-government-n2')?.get('removed')).toBe(true);
  });
});

describe('control records: a malformed record is refused and nothing changes', () => {
  it.each(HOSTILE)('%s', (_name, edit) => {
    const server = cafe();
    const before = Y.encodeStateAsUpdate(server);
    const update = updateOf(server, edit);
    expect(() => checkControlUpdate(server, update)).toThrow(InvalidRecord);
    expect(Y.encodeStateAsUpdate(server)).toEqual(before);
  });

  it('checks every record an update touches: one bad record among good ones refuses the whole update', () => {
    const server = cafe();
    const update = updateOf(server, (d) => {
      addTopic(d, 'Fine');
      state(d).set('timer', { ...timer, durationMs: -1 });
    });
    expect(() => checkControlUpdate(server, update)).toThrow(/state\/timer: durationMs/);
  });

  it('deleting a record or a state value is always well formed', () => {
    const server = cafe();
    expect(() => checkControlUpdate(server, updateOf(server, (d) => runSheetMap(d).delete('s1')))).not.toThrow();
    expect(() => checkControlUpdate(server, updateOf(server, (d) => state(d).delete('currentPhase')))).not.toThrow();
  });

  it('a record an older version stored malformed still loads and stays editable; a new one like it is refused', () => {
    const server = cafe();
    // Stored before the gate existed: readers skip it.
    Y.applyUpdate(server, updateOf(server, (d) => runSheetMap(d).set('old', recordOf({ kind: 'break', minutes: 0, order: 9 }))));
    expect(() => checkControlUpdate(server, updateOf(server, (d) => runSheetMap(d).get('old')!.set('order', 10)))).not.toThrow();
    expect(() => checkControlUpdate(server, updateOf(server, (d) => runSheetMap(d).set('new', recordOf({ kind: 'break', minutes: 0, order: 9 }))))).toThrow(InvalidRecord);
  });

  it('unchecked maps (meta, prompts) are left to the structural update rules', () => {
    expect(checkControlValue('meta', 'title', 12)).toBeNull();
    expect(checkControlValue('state', 'somethingNew', { any: 'thing' })).toBeNull();
    expect(checkControlValue('state', 'timer', undefined)).toBeNull();
    expect(checkControlValue('criteria', 'c1', 'text')).toMatch(/criteria\/c1: a record must be a map/);
  });
});
