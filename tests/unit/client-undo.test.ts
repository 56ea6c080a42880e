import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, deleteNote, initPhaseDoc, moveNote, readNoteById, readNotes, recolorNote, setNoteText } from '@wcb/shared';
import { makeUndo, makeUndoManager } from '../../client/src/sync/undo';
import { syncAll } from '../support/ydocs';

function peers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  initPhaseDoc(a, 'session-0001', 'ideal');
  const b = new Y.Doc();
  syncAll([a, b]);
  return [a, b];
}

describe('per-author undo', () => {
  it('undo after a remote edit removes only my note and keeps the remote one', () => {
    const [alice, bob] = peers();
    const undo = makeUndoManager(alice);
    const mine = addNote(alice, { topic: 'government', text: 'mine' });
    syncAll([alice, bob]);
    const theirs = addNote(bob, { topic: 'government', text: 'theirs' });
    syncAll([alice, bob]);

    undo.undo();
    syncAll([alice, bob]);
    for (const doc of [alice, bob]) expect(readNotes(doc).map((n) => n.id)).toEqual([theirs]);

    undo.redo();
    syncAll([alice, bob]);
    expect(readNotes(bob).map((n) => n.id).sort()).toEqual([mine, theirs].sort());
  });

  it('undo of my move keeps the text someone else typed into the same note meanwhile', () => {
    const [alice, bob] = peers();
    const id = addNote(alice, { topic: 'government', text: 'idea', x: 0, y: 0 });
    syncAll([alice, bob]);
    const undo = makeUndoManager(alice);
    moveNote(alice, id, { topic: 'community', x: 40, y: 50 });
    syncAll([alice, bob]);
    setNoteText(bob, id, 'idea, refined');
    syncAll([alice, bob]);

    undo.undo();
    syncAll([alice, bob]);
    expect(readNoteById(bob, id)).toMatchObject({ topic: 'government', x: 0, y: 0, text: 'idea, refined' });
  });

  it('a recolour and a delete in quick succession are two undo steps', () => {
    const doc = new Y.Doc();
    initPhaseDoc(doc, 'session-0001', 'ideal');
    const id = addNote(doc, { topic: 'ngos', text: 'Довіра' });
    const undo = makeUndoManager(doc);
    recolorNote(doc, id, 'pink');
    deleteNote(doc, id);
    undo.undo();
    expect(readNoteById(doc, id)?.color).toBe('pink');
    undo.undo();
    expect(readNoteById(doc, id)?.color).toBe('yellow');
  });

  it('a group keeps a new note and its first text together as one step', () => {
    const doc = new Y.Doc();
    initPhaseDoc(doc, 'session-0001', 'ideal');
    const undo = makeUndo(doc);
    const end = undo.group();
    const id = addNote(doc, { topic: 'ngos', text: '' });
    setNoteText(doc, id, 'Довіра');
    end();
    undo.undo();
    expect(readNotes(doc)).toEqual([]);
    undo.dispose();
  });

  it('typing into one note within the capture window is one undo step', () => {
    const doc = new Y.Doc();
    initPhaseDoc(doc, 'session-0001', 'ideal');
    const id = addNote(doc, { topic: 'ngos', text: '' });
    const undo = makeUndoManager(doc);
    for (const text of ['Д', 'До', 'Дов', 'Дові']) setNoteText(doc, id, text);
    undo.undo();
    expect(readNoteById(doc, id)?.text).toBe('');
  });

  it('does not track remote, template or migration transactions', () => {
    const [alice, bob] = peers();
    const undo = makeUndoManager(alice);
    addNote(bob, { topic: 'government', text: 'theirs' });
    syncAll([alice, bob]);
    expect(undo.canUndo()).toBe(false);
  });
});
