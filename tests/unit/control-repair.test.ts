/**
 * repairControlDoc (shared/src/control-repair.ts): what an import (or an older version's data)
 * holds that the server's control-record checks refuse is cut to its limits or left out, every
 * change reported, and what remains passes the same gate a registration's seed meets.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildSessionDocs, checkControlValue, controlMaps, criteriaMap, readSession, repairControlDoc, runSheetMap } from '@wcb/shared';
import { exportSessionJson, importFile } from '@wcb/shared/harvest';
import { checkControlUpdate } from '../../sync-server/src/doc-state/control-guard';
import { HOSTILE_RECORDS } from '../support/hostile-records';

const cafe = () => buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'en' }).control;

/** Every checked value of `doc` as the server would judge a seed of it: null when all pass. */
function refusal(doc: Y.Doc): string | null {
  try {
    checkControlUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('repairing control records the server would refuse', () => {
  it.each(HOSTILE_RECORDS)('%s: repaired or left out, reported, and the seed then passes', (_name, edit) => {
    const doc = cafe();
    edit(doc);
    expect(refusal(doc)).not.toBeNull();
    const repairs = repairControlDoc(doc);
    expect(repairs.length).toBeGreaterThan(0);
    for (const r of repairs) expect(r.problem).toMatch(/\S/);
    expect(refusal(doc)).toBeNull();
  });

  it('cuts over-long wording to its limit and keeps the record', () => {
    const doc = cafe();
    const ideal = controlMaps(doc).phases.get('ideal') as Y.Map<unknown>;
    ideal.set('title', 'x'.repeat(10_000));
    ideal.set('locked', 'yes');
    ideal.set('corner', 'z'.repeat(1_000));
    criteriaMap(doc).set('c1', new Y.Map(Object.entries({ phaseId: 'ideal', topicId: 'government', text: 'y'.repeat(5_000), noteIds: ['n1', 7, 'n2'], order: 1 })));
    expect(repairControlDoc(doc).map(({ path, action }) => [path, action])).toEqual([
      ['criteria/c1', 'repaired'],
      ['phases/ideal', 'repaired'],
    ]);
    expect(ideal.get('title')).toBe('x'.repeat(200));
    expect(ideal.has('locked')).toBe(false);
    expect(criteriaMap(doc).get('c1')?.toJSON()).toMatchObject({ text: 'y'.repeat(300), noteIds: ['n1', 'n2'] });
    expect(readSession(doc).phases.find((p) => p.id === 'ideal')).toMatchObject({ title: 'x'.repeat(200), corner: 'z'.repeat(200) });
  });

  it('leaves out what cannot be mended: a record that is no record, a state value, a key that is no record id', () => {
    const doc = cafe();
    controlMaps(doc).phases.set('broken', 'not a record' as never);
    controlMaps(doc).state.set('timer', { status: 'exploded' });
    runSheetMap(doc).set('../x', new Y.Map(Object.entries({ kind: 'break', minutes: 5, order: 1 })));
    expect(repairControlDoc(doc).map(({ path, action }) => [path, action])).toEqual([
      ['runSheet/../x', 'dropped'],
      ['phases/broken', 'dropped'],
      ['state/timer', 'dropped'],
    ]);
    expect(controlMaps(doc).phases.has('broken')).toBe(false);
    expect(controlMaps(doc).state.has('timer')).toBe(false);
  });

  it('writes nothing to a well-formed document', () => {
    const doc = cafe();
    let updates = 0;
    doc.on('update', () => updates++);
    expect(repairControlDoc(doc)).toEqual([]);
    expect(updates).toBe(0);
    for (const [root, value] of doc.share) {
      if (value instanceof Y.Map) value.forEach((entry, key) => expect(checkControlValue(root, key, entry instanceof Y.Map ? entry.toJSON() : entry)).toBeNull());
    }
  });

  it('an import of an export holding malformed records reports them and builds a control room the server accepts', () => {
    const docs = buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'en' });
    controlMaps(docs.control).state.set('run', { stepId: 's1', index: 10_000, round: 0, done: false, seq: 1, history: [] });
    controlMaps(docs.control).topics.set('t9', new Y.Map(Object.entries({ label: 'z'.repeat(1_000), order: 9 })));
    const json = exportSessionJson({ sessionId: 'session-0001', control: docs.control, phaseDocs: new Map(docs.phases.map((p) => [p.phaseId, p.doc])), voteDocs: new Map() });
    const imported = importFile(JSON.stringify(json), { sessionId: 'session-0002' });
    expect(imported.repairs.map(({ path, action }) => [path, action])).toEqual([
      ['topics/t9', 'repaired'],
      ['state/run', 'dropped'],
    ]);
    expect(refusal(imported.control)).toBeNull();
  });
});
