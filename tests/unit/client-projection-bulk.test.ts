import * as Y from 'yjs';
import { createComputed, createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { addNote, deleteNote, initPhaseDoc, setNoteText } from '@wcb/shared';
import { makeNotesProjection } from '../../client/src/sync/projection';

function phaseDoc(): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', 'ideal');
  return doc;
}

describe('notes projection, a whole board at once', () => {
  it('a board that arrives in one update (IndexedDB, first sync) lands in the store in one go, and later edits still follow', () => {
    const source = phaseDoc();
    source.transact(() => {
      for (let i = 0; i < 500; i++) addNote(source, { topic: 'government', text: `idea ${i}` }, i, `n${i}`);
    });
    const doc = new Y.Doc();
    createRoot((dispose) => {
      const { notes } = makeNotesProjection(doc);
      let runs = 0;
      createComputed(() => {
        void Object.keys(notes).length;
        runs++;
      });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
      expect(Object.keys(notes)).toHaveLength(500);
      expect(notes.n499?.text).toBe('idea 499');
      // Once for the empty store, once for the whole board: not once per note.
      expect(runs).toBe(2);

      setNoteText(doc, 'n7', 'edited');
      expect(notes.n7?.text).toBe('edited');
      deleteNote(doc, 'n8');
      expect('n8' in notes).toBe(false);
      // A note deleted and added again (an undo) comes back.
      addNote(doc, { topic: 'community', text: 'back' }, 1, 'n8');
      expect(notes.n8).toMatchObject({ topic: 'community', text: 'back' });
      dispose();
    });
  });
});
