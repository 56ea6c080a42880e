import * as Y from 'yjs';
import { createComputed, createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  applyTemplate,
  deleteNote,
  initPhaseDoc,
  moveNote,
  phaseMaps,
  setCurrentPhase,
  setNoteText,
} from '@wcb/shared';
import { makeControlProjection, makeNotesProjection } from '../../client/src/sync/projection';
import { replica } from '../support/ydocs';

function phaseDoc(): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', 'ideal');
  return doc;
}

describe('notes projection', () => {
  it('starts from the document and follows adds, edits, moves and deletes', () => {
    const doc = phaseDoc();
    const first = addNote(doc, { topic: 'government', text: 'one' });
    createRoot((dispose) => {
      const { notes } = makeNotesProjection(doc);
      expect(notes[first]?.text).toBe('one');
      const second = addNote(doc, { topic: 'community', text: 'two' });
      expect(notes[second]).toMatchObject({ topic: 'community', text: 'two', phase: 'ideal' });
      setNoteText(doc, first, 'one!');
      moveNote(doc, second, { topic: 'ngos', x: 10, y: 20 });
      expect(notes[first]?.text).toBe('one!');
      expect(notes[second]).toMatchObject({ topic: 'ngos', x: 10, y: 20 });
      deleteNote(doc, first);
      expect(first in notes).toBe(false);
      expect(Object.keys(notes)).toEqual([second]);
      dispose();
    });
  });

  it('updates only the note that changed: typing in one note does not touch the others', () => {
    const doc = phaseDoc();
    const a = addNote(doc, { topic: 'government', text: 'a' });
    const b = addNote(doc, { topic: 'government', text: 'b' });
    createRoot((dispose) => {
      const { notes } = makeNotesProjection(doc);
      const runs = { a: 0, b: 0, keys: 0 };
      const noteB = notes[b];
      createComputed(() => (notes[a]?.text, runs.a++));
      createComputed(() => (notes[b]?.text, notes[b]?.x, runs.b++));
      createComputed(() => (Object.keys(notes), runs.keys++));
      setNoteText(doc, a, 'a, longer');
      setNoteText(doc, a, 'a, longer still');
      expect(runs).toEqual({ a: 3, b: 1, keys: 1 });
      // Reconciled in place: the other note keeps its identity.
      expect(notes[b]).toBe(noteB);
      dispose();
    });
  });

  it('applies remote updates the same way', () => {
    const doc = phaseDoc();
    const remote = replica(doc);
    createRoot((dispose) => {
      const { notes } = makeNotesProjection(doc);
      const id = addNote(remote, { topic: 'ngos', text: 'from afar' });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'connection');
      expect(notes[id]?.text).toBe('from afar');
      dispose();
    });
  });

  it('dispose stops observing the document', () => {
    const doc = phaseDoc();
    const notesMap = phaseMaps(doc).notes;
    createRoot((dispose) => {
      const projection = makeNotesProjection(doc);
      expect(notesMap._dEH.l.length).toBe(1);
      projection.dispose();
      expect(notesMap._dEH.l.length).toBe(0);
      const id = addNote(doc, { topic: 'government', text: 'after dispose' });
      expect(projection.notes[id]).toBeUndefined();
      dispose();
    });
  });
});

describe('control projection', () => {
  it('follows the current phase and the schema status, and stops on dispose', () => {
    const doc = new Y.Doc();
    createRoot((dispose) => {
      const projection = makeControlProjection(doc);
      expect(projection.status()).toBe('empty');
      applyTemplate(doc, { sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'en' });
      expect(projection.status()).toBe('current');
      expect(projection.session.phases.map((p) => p.id)).toEqual(['ideal', 'reality', 'steps']);
      expect(projection.session.state.currentPhase).toBe('ideal');
      const topics = projection.session.topics;
      setCurrentPhase(doc, 'reality');
      expect(projection.session.state.currentPhase).toBe('reality');
      // Reconciled by id: unchanged records keep their identity.
      expect(projection.session.topics).toBe(topics);
      projection.dispose();
      setCurrentPhase(doc, 'steps');
      expect(projection.session.state.currentPhase).toBe('reality');
      dispose();
    });
  });
});
