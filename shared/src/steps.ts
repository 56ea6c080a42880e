import * as Y from 'yjs';
import { recordId } from './ids';
import { phaseMaps, readNoteById, readNotes } from './notes';
import { LocalOrigin } from './origins';
import { byOrder, orderBetween, type RecordMap } from './records/common';
import { makeNoteRecord, type NewNote, type Note } from './records/note';

/**
 * Numbered action lists for phases of kind 'steps'. A step is an ordinary note of the topic; its
 * place in the list is its fractional `order`. A move rewrites that one field, so two people
 * dragging at once can never duplicate or lose a step: the last write of each step's order wins
 * and every peer sorts the same (order, id) pairs the same way.
 */

const local = (action: string) => new LocalOrigin(action);

/** The steps of one topic, first to last. */
export const readSteps = (doc: Y.Doc, topic: string): Note[] =>
  readNotes(doc)
    .filter((n) => n.topic === topic)
    .sort(byOrder);

export type NewStep = Omit<NewNote, 'topic' | 'text' | 'order'>;

/** Appends a step after the topic's last one and returns its id. */
export function addStep(doc: Y.Doc, topic: string, text: string, extra: NewStep = {}, now = Date.now(), id = recordId()): string {
  doc.transact(() => {
    const last = readSteps(doc, topic).at(-1);
    const order = last ? last.order + 1 : 1;
    phaseMaps(doc).notes.set(id, makeNoteRecord({ ...extra, topic, text, order }, now));
  }, local('step.add'));
  return id;
}

function stepRecord(doc: Y.Doc, id: string): RecordMap {
  const record = phaseMaps(doc).notes.get(id);
  if (!(record instanceof Y.Map)) throw new Error(`No step "${id}"`);
  return record;
}

const topicOf = (doc: Y.Doc, id: string): string => {
  const note = readNoteById(doc, id);
  if (!note) throw new Error(`No step "${id}"`);
  return note.topic;
};

/**
 * Moves a step right before `beforeId` (last when null), within its own topic. Writes nothing when
 * the step already sits there, so a drag that ends where it began leaves no undo step.
 */
export function moveStep(doc: Y.Doc, id: string, beforeId: string | null): void {
  const record = stepRecord(doc, id);
  // Dropping a step onto itself is a drag that went nowhere.
  if (beforeId === id) return;
  const steps = readSteps(doc, topicOf(doc, id));
  const from = steps.findIndex((s) => s.id === id);
  const rest = steps.filter((s) => s.id !== id);
  const to = beforeId === null ? rest.length : rest.findIndex((s) => s.id === beforeId);
  if (to < 0) throw new Error(`No step "${beforeId}" next to "${id}"`);
  if (to === from) return;
  const prev = rest[to - 1]?.order;
  const next = rest[to]?.order;
  doc.transact(() => {
    const order = orderBetween(prev, next);
    if (prev !== undefined && next !== undefined && !(prev < order && order < next)) {
      // Halving a gap again and again runs out of float precision (after ~50 moves into one
      // spot): renumber the whole list once. Rare, and a concurrent renumber still converges.
      rest.splice(to, 0, steps[from]!);
      rest.forEach((s, i) => stepRecord(doc, s.id).set('order', i + 1));
      return;
    }
    record.set('order', order);
  }, local('step.move'));
}

/** Keyboard reorder: one place up (-1) or down (1). Returns false at either end of the list. */
export function moveStepBy(doc: Y.Doc, id: string, delta: -1 | 1): boolean {
  const steps = readSteps(doc, topicOf(doc, id));
  const i = steps.findIndex((s) => s.id === id);
  const target = i + delta;
  if (target < 0 || target >= steps.length) return false;
  // Moving down by one means landing before the step that follows the next one.
  moveStep(doc, id, delta < 0 ? steps[target]!.id : (steps[target + 1]?.id ?? null));
  return true;
}
