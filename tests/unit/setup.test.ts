import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addPhase,
  addPrompt,
  addTable,
  applyTemplate,
  CROSS_CUTTING,
  formOf,
  readSession,
  removePhase,
  removeTable,
  removeTopic,
  renameTable,
  renameTopic,
  reorderPhase,
  setCurrentPhase,
  setSessionLanguage,
  updatePhase,
  updatePrompt,
  viewedPhase,
} from '@wcb/shared';
import { cellTopic } from '../../client/src/board-logic/layout';

/** Sends everything `from` has that `to` lacks, as the provider would. */
const deliver = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'connection');
const exchange = (a: Y.Doc, b: Y.Doc) => {
  deliver(a, b);
  deliver(b, a);
};

function café(templateId = 'world-cafe-ngo'): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, { sessionId: 'session-0001', templateId, language: 'en', now: 1 });
  return doc;
}

/** Two facilitator devices that start from the same session. */
function pair(): [Y.Doc, Y.Doc] {
  const a = café();
  const b = new Y.Doc();
  deliver(a, b);
  return [a, b];
}

/** Counts the updates `fn` makes on `doc`. */
function updatesDuring(doc: Y.Doc, fn: () => void): number {
  let n = 0;
  const count = () => n++;
  doc.on('update', count);
  fn();
  doc.off('update', count);
  return n;
}

const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('removing a topic', () => {
  it('drops it from the session and its notes read as cross-cutting', () => {
    const doc = café();
    removeTopic(doc, 'community');
    const topics = readSession(doc).topics;
    expect(ids(topics)).toEqual(['government', 'ngos']);
    const known = new Set(ids(topics));
    expect(cellTopic('community', known)).toBe(CROSS_CUTTING);
    expect(cellTopic('ngos', known)).toBe('ngos');
  });

  it('writes nothing for a topic that is already gone', () => {
    const doc = café();
    removeTopic(doc, 'community');
    expect(updatesDuring(doc, () => removeTopic(doc, 'community'))).toBe(0);
  });

  it('wins over a concurrent rename on another device, and both devices agree', () => {
    const [a, b] = pair();
    removeTopic(a, 'community');
    renameTopic(b, 'community', 'Neighbours');
    exchange(a, b);
    expect(readSession(a)).toEqual(readSession(b));
    expect(ids(readSession(a).topics)).toEqual(['government', 'ngos']);
  });
});

describe('removing a table', () => {
  it('keeps the other tables in order', () => {
    const doc = café();
    const before = ids(readSession(doc).tables);
    removeTable(doc, before[1]!);
    expect(ids(readSession(doc).tables)).toEqual(before.filter((id) => id !== before[1]));
  });

  it('converges when one device removes a table the other renames, and both add one', () => {
    const [a, b] = pair();
    const first = readSession(a).tables[0]!.id;
    removeTable(a, first);
    renameTable(b, first, 'By the window');
    addTable(a, 'Garden');
    addTable(b, 'Hall');
    exchange(a, b);
    const names = readSession(a).tables.map((table) => table.name);
    expect(readSession(a)).toEqual(readSession(b));
    expect(names).toContain('Garden');
    expect(names).toContain('Hall');
    expect(names).not.toContain('By the window');
  });
});

describe('removing and reordering phases', () => {
  it('moves the current phase to the first one left when the current phase goes', () => {
    const doc = café();
    setCurrentPhase(doc, 'reality');
    removePhase(doc, 'reality');
    const s = readSession(doc);
    expect(ids(s.phases)).toEqual(['ideal', 'steps']);
    expect(s.state.currentPhase).toBe('ideal');
  });

  it('keeps the current phase when another one is removed', () => {
    const doc = café();
    setCurrentPhase(doc, 'steps');
    removePhase(doc, 'ideal');
    expect(readSession(doc).state.currentPhase).toBe('steps');
  });

  it('takes the phase’s form with it', () => {
    const doc = café();
    const matrix = addPhase(doc, { title: 'Benefits', kind: 'matrix' });
    addPrompt(doc, matrix, { role: 'row', label: 'Training' });
    addPrompt(doc, matrix, { role: 'column', label: 'Council' });
    removePhase(doc, matrix);
    expect(readSession(doc).prompts.filter((p) => p.phaseId === matrix)).toEqual([]);
  });

  it('reorders a phase before another or last', () => {
    const doc = café();
    reorderPhase(doc, 'steps', 'ideal');
    expect(ids(readSession(doc).phases)).toEqual(['steps', 'ideal', 'reality']);
    reorderPhase(doc, 'steps', null);
    expect(ids(readSession(doc).phases)).toEqual(['ideal', 'reality', 'steps']);
  });

  it('sends someone looking at a removed phase back to the current phase', () => {
    const doc = café();
    removePhase(doc, 'reality');
    const s = readSession(doc);
    const phaseIds = ids(s.phases);
    expect(viewedPhase({ following: false, currentPhase: s.state.currentPhase, localPhase: 'reality', phaseIds })).toBe('ideal');
  });

  it('converges when one device removes a phase while the other edits it and adds to its form', () => {
    const [a, b] = pair();
    const matrix = addPhase(a, { title: 'Benefits', kind: 'matrix' });
    setCurrentPhase(a, matrix);
    deliver(a, b);
    removePhase(a, matrix);
    updatePhase(b, matrix, { title: 'Benefits of partnership' });
    const row = addPrompt(b, matrix, { role: 'row', label: 'Training' });
    updatePrompt(b, row, { label: 'Joint training' });
    reorderPhase(b, matrix, 'ideal');
    exchange(a, b);
    const [sa, sb] = [readSession(a), readSession(b)];
    expect(sa).toEqual(sb);
    expect(ids(sa.phases)).toEqual(['ideal', 'reality', 'steps']);
    // The current phase is still a phase on both devices.
    expect(ids(sa.phases)).toContain(sa.state.currentPhase);
    // A prompt added meanwhile may survive as an orphan; no phase shows it.
    for (const phase of sa.phases) expect(formOf(sa.prompts, phase.id).rows).toEqual([]);
  });
});

describe('session language', () => {
  it('changes the language and reaches the other device', () => {
    const [a, b] = pair();
    setSessionLanguage(a, 'uk');
    deliver(a, b);
    expect(readSession(b).meta.language).toBe('uk');
  });
});
