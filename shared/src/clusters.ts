import * as Y from 'yjs';
import { phaseMaps, readNotes } from './notes';
import { LocalOrigin } from './origins';
import { byOrder, type RecordMap } from './records/common';
import type { Note } from './records/note';

/**
 * Stacks ("clusters") of similar notes. Each note's `stack` field points at the note it lies on;
 * writes always point straight at a head, but concurrent edits can still leave chains, cycles
 * (A onto B here, B onto A there) or pointers at deleted notes. resolveHeads turns whatever the
 * merge produced into one answer that every peer computes alike. Clustering never deletes a note.
 */

export type Stack = { head: Note; members: Note[]; count: number };
/** What deciding a note's stack reads of it. */
export type StackFields = Pick<Note, 'id' | 'stack' | 'topic' | 'phase'>;

const local = (action: string) => new LocalOrigin(action);

/**
 * The head of every note's stack (a note that is not stacked is its own head). A pointer at a
 * missing note or at a note in another cell counts as not stacked; on a cycle the smallest id in
 * the cycle is the head, so no peer's view depends on which write it saw last.
 */
export function resolveHeads(notes: readonly StackFields[]): Map<string, string> {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const heads = new Map<string, string>();
  const target = (n: StackFields): StackFields | undefined => {
    const t = n.stack ? byId.get(n.stack) : undefined;
    return t && t.topic === n.topic && t.phase === n.phase ? t : undefined;
  };
  for (const note of notes) {
    const path: string[] = [];
    let cur: StackFields = note;
    let head: string | undefined;
    for (;;) {
      const known = heads.get(cur.id);
      if (known !== undefined) {
        head = known;
        break;
      }
      path.push(cur.id);
      const next = target(cur);
      if (!next) {
        head = cur.id;
        break;
      }
      const seen = path.indexOf(next.id);
      if (seen >= 0) {
        head = path.slice(seen).reduce((min, id) => (id < min ? id : min));
        break;
      }
      cur = next;
    }
    for (const id of path) heads.set(id, head);
  }
  return heads;
}

/** Every note in exactly one stack; an unstacked note is a stack of one. Ordered by head. */
export function readStacks(notes: readonly Note[]): Stack[] {
  const heads = resolveHeads(notes);
  const groups = new Map<string, Note[]>();
  for (const note of [...notes].sort(byOrder)) {
    const head = heads.get(note.id) ?? note.id;
    const group = groups.get(head);
    if (group) group.push(note);
    else groups.set(head, [note]);
  }
  const stacks: Stack[] = [];
  for (const [headId, group] of groups) {
    const head = group.find((n) => n.id === headId)!;
    const members = [head, ...group.filter((n) => n !== head)];
    stacks.push({ head, members, count: members.length });
  }
  return stacks.sort((a, b) => byOrder(a.head, b.head));
}

function noteRecord(doc: Y.Doc, id: string): RecordMap {
  const record = phaseMaps(doc).notes.get(id);
  if (!(record instanceof Y.Map)) throw new Error(`No note "${id}"`);
  return record;
}

const setIfChanged = (record: RecordMap, key: string, value: unknown): void => {
  if (record.get(key) !== value) record.set(key, value);
};

/** Re-points a leftover chain link at `head`; in a merged cycle that link may be the head itself. */
const pointAt = (doc: Y.Doc, id: string, head: string): void =>
  setIfChanged(noteRecord(doc, id), 'stack', id === head ? '' : head);

/**
 * Drops note `id` onto note `ontoId`. Landing on a stacked note joins that note's head; a head
 * brings its whole stack along. The moved notes take the head's topic, since a stack lives in one
 * cell. Returns false (and writes nothing) when `id` is already in that stack.
 */
export function stackNote(doc: Y.Doc, id: string, ontoId: string): boolean {
  const notes = readNotes(doc);
  const heads = resolveHeads(notes);
  const ownHead = heads.get(id);
  const newHead = heads.get(ontoId);
  if (ownHead === undefined) throw new Error(`No note "${id}"`);
  if (newHead === undefined) throw new Error(`No note "${ontoId}"`);
  if (ownHead === newHead) return false;
  const topic = notes.find((n) => n.id === newHead)!.topic;
  const moving = ownHead === id ? notes.filter((n) => heads.get(n.id) === id) : notes.filter((n) => n.id === id);
  doc.transact(() => {
    for (const n of moving) {
      const record = noteRecord(doc, n.id);
      setIfChanged(record, 'stack', newHead);
      setIfChanged(record, 'topic', topic);
    }
    // Leftover chain links through a member that leaves go straight to its old head instead.
    if (ownHead !== id) {
      for (const n of notes) if (n.stack === id) pointAt(doc, n.id, ownHead);
    }
  }, local('note.stack'));
  return true;
}

/**
 * Takes one note off its stack. Taking the head off leaves the rest stacked under the next member
 * in reading order. Returns false when the note was not in a stack of two or more.
 */
export function unstackNote(doc: Y.Doc, id: string): boolean {
  const stack = readStacks(readNotes(doc)).find((s) => s.members.some((m) => m.id === id));
  if (!stack) throw new Error(`No note "${id}"`);
  if (stack.count < 2) return false;
  doc.transact(() => {
    setIfChanged(noteRecord(doc, id), 'stack', '');
    if (stack.head.id !== id) {
      for (const m of stack.members) if (m.stack === id) pointAt(doc, m.id, stack.head.id);
      return;
    }
    const [next, ...rest] = stack.members.filter((m) => m.id !== id);
    setIfChanged(noteRecord(doc, next!.id), 'stack', '');
    for (const m of rest) setIfChanged(noteRecord(doc, m.id), 'stack', next!.id);
  }, local('note.unstack'));
  return true;
}

/** Spreads a stack out again: every member, head included, becomes a note of its own. */
export function ungroupStack(doc: Y.Doc, headId: string): number {
  const notes = readNotes(doc);
  const heads = resolveHeads(notes);
  const head = heads.get(headId);
  if (head === undefined) throw new Error(`No note "${headId}"`);
  const members = notes.filter((n) => heads.get(n.id) === head);
  if (members.length < 2) return 0;
  doc.transact(() => {
    for (const m of members) setIfChanged(noteRecord(doc, m.id), 'stack', '');
  }, local('note.ungroup'));
  return members.length;
}
