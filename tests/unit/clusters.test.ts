import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  deleteNote,
  initPhaseDoc,
  LocalOrigin,
  moveNote,
  phaseMaps,
  readNotes,
  readStacks,
  stackNote,
  ungroupStack,
  unstackNote,
  type Note,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';

/** A reality-phase board with notes a..e (created in that order) in the ngos column. */
function board(ids = ['a', 'b', 'c', 'd', 'e']): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', 'reality');
  ids.forEach((id, i) => addNote(doc, { topic: 'ngos', text: `Конкуренція ${id}` }, i + 1, id));
  return doc;
}

/** Stacks of two or more as "head: members", the way a person would describe the board. */
const shape = (doc: Y.Doc): string[] =>
  readStacks(readNotes(doc))
    .filter((s) => s.count > 1)
    .map((s) => `${s.head.id}: ${s.members.map((m) => m.id).join(' ')}`);

const note = (id: string, stack: string, topic = 'ngos'): Note => ({
  id,
  stack,
  topic,
  text: id,
  phase: 'reality',
  x: 0,
  y: 0,
  color: 'yellow',
  table: '',
  author: '',
  round: 0,
  createdAt: 0,
  order: 0,
});

describe('stacks', () => {
  it('dropping notes onto one another builds a stack with its head first and a count', () => {
    const doc = board();
    const actions: string[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin instanceof LocalOrigin) actions.push(tr.origin.action);
    });
    expect(stackNote(doc, 'c', 'a')).toBe(true);
    expect(stackNote(doc, 'b', 'a')).toBe(true);
    expect(shape(doc)).toEqual(['a: a b c']);
    expect(readStacks(readNotes(doc)).map((s) => s.count)).toEqual([3, 1, 1]);
    expect(actions).toEqual(['note.stack', 'note.stack']);
  });

  it('dropping onto a stacked note joins that note’s head', () => {
    const doc = board();
    stackNote(doc, 'b', 'a');
    stackNote(doc, 'c', 'b');
    expect(shape(doc)).toEqual(['a: a b c']);
    expect(readNotes(doc).find((n) => n.id === 'c')!.stack).toBe('a');
  });

  it('dropping a head carries its whole stack under the new head', () => {
    const doc = board();
    stackNote(doc, 'b', 'a');
    stackNote(doc, 'd', 'c');
    stackNote(doc, 'a', 'c');
    expect(shape(doc)).toEqual(['c: c a b d']);
  });

  it('dropping a note into the stack it is already in changes nothing', () => {
    const doc = board();
    stackNote(doc, 'b', 'a');
    let updates = 0;
    doc.on('update', () => updates++);
    expect(stackNote(doc, 'a', 'b')).toBe(false);
    expect(stackNote(doc, 'b', 'a')).toBe(false);
    expect(updates).toBe(0);
  });

  it('a stacked note moves into the head’s column', () => {
    const doc = board();
    moveNote(doc, 'e', { topic: 'government', x: 0, y: 0 });
    stackNote(doc, 'e', 'a');
    expect(readNotes(doc).find((n) => n.id === 'e')!.topic).toBe('ngos');
    expect(shape(doc)).toEqual(['a: a e']);
  });

  it('taking a member off leaves the rest stacked; taking the head off hands the stack to the next note', () => {
    const doc = board();
    for (const id of ['b', 'c', 'd']) stackNote(doc, id, 'a');
    expect(unstackNote(doc, 'c')).toBe(true);
    expect(shape(doc)).toEqual(['a: a b d']);
    expect(unstackNote(doc, 'a')).toBe(true);
    expect(shape(doc)).toEqual(['b: b d']);
    expect(unstackNote(doc, 'e')).toBe(false);
    expect(readNotes(doc)).toHaveLength(5);
  });

  it('ungrouping restores every member as a note of its own and deletes none', () => {
    const doc = board();
    for (const id of ['b', 'c', 'd']) stackNote(doc, id, 'a');
    expect(ungroupStack(doc, 'a')).toBe(4);
    expect(shape(doc)).toEqual([]);
    expect(readNotes(doc).map((n) => n.stack)).toEqual(['', '', '', '', '']);
    expect(ungroupStack(doc, 'a')).toBe(0);
  });

  it('A onto B here and B onto A there merge into one stack with the same head on every peer', () => {
    const p = board();
    const q = replica(p);
    stackNote(p, 'e', 'b');
    stackNote(q, 'b', 'e');
    stackNote(q, 'c', 'e');
    syncAll([p, q]);
    expect(shape(p)).toEqual(['b: b c e']);
    expect(shape(q)).toEqual(shape(p));
    // Taking a note out of the merged cycle leaves a plain stack, with no note pointing at itself.
    expect(unstackNote(p, 'e')).toBe(true);
    expect(shape(p)).toEqual(['b: b c']);
    expect(phaseMaps(p).notes.get('b')!.get('stack')).toBe('');
    // The merged cycle can still be taken apart.
    expect(ungroupStack(q, 'e')).toBe(3);
    expect(shape(q)).toEqual([]);
  });

  it('a stack whose head was deleted on another peer falls apart instead of vanishing', () => {
    const p = board();
    const q = replica(p);
    deleteNote(p, 'a');
    stackNote(q, 'b', 'a');
    syncAll([p, q]);
    expect(readNotes(p).map((n) => n.id)).toContain('b');
    expect(shape(p)).toEqual([]);
    expect(shape(q)).toEqual([]);
  });

  it('any tangle of pointers resolves to the same stacks whatever order the notes come in', () => {
    // x -> y -> z -> y is a cycle with a tail; w points at a missing note; v points across columns.
    const notes = [note('x', 'y'), note('y', 'z'), note('z', 'y'), note('w', 'gone'), note('v', 'x', 'community')];
    const describe = (list: Note[]) => readStacks(list).map((s) => [s.head.id, s.members.map((m) => m.id).sort(), s.count]);
    expect(describe(notes)).toEqual([
      ['v', ['v'], 1],
      ['w', ['w'], 1],
      ['y', ['x', 'y', 'z'], 3],
    ]);
    expect(describe([...notes].reverse())).toEqual(describe(notes));
  });
});
