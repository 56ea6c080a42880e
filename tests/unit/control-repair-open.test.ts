/**
 * repairOpenedControl (shared/src/control-repair-open.ts): a device's own control document, as
 * IndexedDB held it, is repaired when the session opens, before it syncs. What it then sends the
 * server passes the server's record gate; a valid (or newer) document is never written to; two
 * devices that repaired the same record offline converge on one well-formed record.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildSessionDocs, controlMaps, criteriaMap, LocalOrigin, readSession, repairOpenedControl, SCHEMA_VERSION } from '@wcb/shared';
import { checkControlUpdate } from '../../sync-server/src/doc-state/control-guard';
import { HOSTILE_RECORDS, recordOf } from '../support/hostile-records';

const ORIGIN = new LocalOrigin('control.repair');
const cafe = () => buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'en' }).control;

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** What the server's gate says about `device`'s first sync into a room holding `server`: null when accepted. */
function gate(server: Y.Doc, device: Y.Doc): string | null {
  try {
    checkControlUpdate(server, Y.encodeStateAsUpdate(device, Y.encodeStateVector(server)));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const countUpdates = (doc: Y.Doc): (() => number) => {
  let n = 0;
  doc.on('update', () => n++);
  return () => n;
};

describe('repairing a device’s control document when the session opens', () => {
  it.each(HOSTILE_RECORDS)('%s: repaired in one transaction, and the server then accepts the first sync', (_name, edit) => {
    const server = cafe();
    const device = copyOf(server);
    edit(device);
    expect(gate(server, device)).not.toBeNull();
    const transactions: unknown[] = [];
    device.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));
    const repairs = repairOpenedControl(device, ORIGIN);
    expect(repairs.length).toBeGreaterThan(0);
    expect(transactions).toEqual([ORIGIN]);
    expect(gate(server, device)).toBeNull();
    expect(gate(new Y.Doc(), device)).toBeNull();
  });

  it('writes nothing to a well-formed document, however often it opens', () => {
    const doc = cafe();
    const updates = countUpdates(doc);
    expect(repairOpenedControl(doc, ORIGIN)).toEqual([]);
    expect(repairOpenedControl(doc, ORIGIN)).toEqual([]);
    expect(updates()).toBe(0);
  });

  it('is idempotent: a repaired document opens again without a write', () => {
    const doc = cafe();
    for (const [, edit] of HOSTILE_RECORDS) edit(doc);
    expect(repairOpenedControl(doc, ORIGIN).length).toBeGreaterThan(0);
    const updates = countUpdates(doc);
    expect(repairOpenedControl(doc, ORIGIN)).toEqual([]);
    expect(updates()).toBe(0);
  });

  it('leaves a document a newer version wrote alone (its records may be ones this version does not know)', () => {
    const doc = cafe();
    controlMaps(doc).meta.set('schemaVersion', SCHEMA_VERSION + 1);
    controlMaps(doc).topics.set('t9', recordOf({ label: 7, order: 9 }));
    const updates = countUpdates(doc);
    expect(repairOpenedControl(doc, ORIGIN)).toEqual([]);
    expect(updates()).toBe(0);
  });

  it.each(HOSTILE_RECORDS)('%s: two devices that both repair it offline converge on a well-formed record, keeping other edits', (_name, edit) => {
    const server = cafe();
    const stored = copyOf(server);
    edit(stored);
    const laptop = copyOf(stored);
    const phone = copyOf(stored);
    repairOpenedControl(laptop, ORIGIN);
    repairOpenedControl(phone, ORIGIN);
    // The phone also renames a topic and words a criterion offline: neither may be lost.
    (controlMaps(phone).topics.get('government') as Y.Map<unknown>).set('label', 'Public bodies');
    criteriaMap(phone).set('c7', recordOf({ phaseId: 'ideal', topicId: 'government', text: 'Open data', noteIds: ['n1', 'n2'], order: 7 }));
    exchange(laptop, phone);
    expect(laptop.getMap('phases').toJSON()).toEqual(phone.getMap('phases').toJSON());
    for (const root of ['runSheet', 'criteria', 'topics', 'tables', 'state']) expect(laptop.getMap(root).toJSON()).toEqual(phone.getMap(root).toJSON());
    expect(gate(server, laptop)).toBeNull();
    expect(gate(new Y.Doc(), laptop)).toBeNull();
    expect(readSession(laptop).topics.find((t) => t.id === 'government')?.label).toBe('Public bodies');
    expect(criteriaMap(laptop).get('c7')?.toJSON()).toMatchObject({ text: 'Open data', noteIds: ['n1', 'n2'] });
    // Merged, it is repaired already: opening it again writes nothing.
    const updates = countUpdates(laptop);
    expect(repairOpenedControl(laptop, ORIGIN)).toEqual([]);
    expect(updates()).toBe(0);
  });

  it('two devices that each stored a different over-long title converge on one of them, cut to its limit', () => {
    const server = cafe();
    const laptop = copyOf(server);
    const phone = copyOf(server);
    (controlMaps(laptop).phases.get('ideal') as Y.Map<unknown>).set('title', 'x'.repeat(10_000));
    (controlMaps(phone).phases.get('ideal') as Y.Map<unknown>).set('title', 'y'.repeat(10_000));
    repairOpenedControl(laptop, ORIGIN);
    repairOpenedControl(phone, ORIGIN);
    exchange(laptop, phone);
    const title = (controlMaps(laptop).phases.get('ideal') as Y.Map<unknown>).get('title');
    expect(title).toBe((controlMaps(phone).phases.get('ideal') as Y.Map<unknown>).get('title'));
    expect([`${'x'.repeat(200)}`, `${'y'.repeat(200)}`]).toContain(title);
    expect(gate(server, laptop)).toBeNull();
    expect(repairOpenedControl(laptop, ORIGIN)).toEqual([]);
  });
});
