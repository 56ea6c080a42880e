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
  renameTable,
  renameTopic,
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
  updatePhase,
  updateRunStep,
  type Language,
} from '@wcb/shared';
import { importSeed003 } from '@wcb/shared/harvest';
import { checkControlUpdate } from '../../sync-server/src/doc-state/control-guard';
import { InvalidRecord } from '../../sync-server/src/doc-state/update-rules';
import { readSeed003 } from '../support/harvest';
import { HOSTILE_RECORDS, recordOf, updateOf } from '../support/hostile-records';

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
    updatePhase(client, phase, { kind: 'matrix', corner: 'Вигоди для громади' });
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

  it.each<[string, (d: Y.Doc) => unknown]>([
    ['a topic of 5,000 characters', (d) => renameTopic(d, addTopic(d, 'x'.repeat(5_000)), 'y'.repeat(5_000))],
    ['a table of 5,000 characters', (d) => renameTable(d, addTable(d, 'x'.repeat(5_000)), 'y'.repeat(5_000))],
    ['a phase with a 5,000-character title and question', (d) => updatePhase(d, addPhase(d, { title: 'x'.repeat(5_000), question: 'y'.repeat(5_000) }), { title: 'z'.repeat(5_000) })],
    ['a matrix label above the rows of 5,000 characters', (d) => updatePhase(d, 'ideal', { corner: 'x'.repeat(5_000) })],
    ['a timer of thirty thousand years, then extended', (d) => (startTimer(d, 1e15, T0), extendTimer(d, 1e15, T0))],
    ['a timer of a fraction of a millisecond more', (d) => startTimer(d, 1_000.5, T0)],
    ['a negative timer', (d) => startTimer(d, -5, T0)],
    ['99 rounds of thirty thousand years', (d) => setRoundSettings(d, { count: 99, lengthMs: 1e15 })],
    ['round 99 of 3', (d) => startRound(d, 99, T0)],
    ['a million dots, or two and a half', (d) => (openVoting(d, { phaseId: 'ideal', budget: 1e6, per: 'table', hideCounts: true }), openVoting(d, { phaseId: 'ideal', budget: 2.5, per: 'table', hideCounts: true }))],
    ['a spotlight at NaN with zoom 0', (d) => setSpotlight(d, 'ideal', { cx: Number.NaN, cy: 0, zoom: 0 })],
    ['a criterion of 5,000 characters with 100 notes', (d) => {
      const id = addCriterion(d, { phaseId: 'ideal', topicId: 'government', text: 'x'.repeat(5_000), noteIds: Array.from({ length: 100 }, (_, i) => `n${i}`) });
      rewordCriterion(d, 'ideal', id, 'y'.repeat(5_000));
      setCriterionNotes(d, 'ideal', id, Array.from({ length: 100 }, (_, i) => `m${i}`));
    }],
    ['a break of 100,000 minutes', (d) => addRunStep(d, { kind: 'break', minutes: 100_000 } as never)],
  ])('out-of-range input to a facilitation action (%s) is clamped, or refused before anything is written', (_name, act) => {
    const client = cafe();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const refused: string[] = [];
    client.on('update', (update: Uint8Array) => {
      try {
        checkControlUpdate(server, update);
        Y.applyUpdate(server, update);
      } catch (error) {
        refused.push((error as Error).message);
      }
    });
    try {
      act(client);
    } catch {
      // Refused by the action itself (no round 99, no negative timer): fine, if nothing was sent.
    }
    expect(refused).toEqual([]);
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
  it.each(HOSTILE_RECORDS)('%s', (_name, edit) => {
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
      controlMaps(d).state.set('timer', { status: 'running', durationMs: -1, endsAt: T0, remainingMs: 0, round: 0 });
    });
    expect(() => checkControlUpdate(server, update)).toThrow(/state\/timer: durationMs/);
  });

  it('deleting a record or a state value is always well formed', () => {
    const server = cafe();
    expect(() => checkControlUpdate(server, updateOf(server, (d) => runSheetMap(d).delete('s1')))).not.toThrow();
    expect(() => checkControlUpdate(server, updateOf(server, (d) => controlMaps(d).state.delete('currentPhase')))).not.toThrow();
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
