import type * as Y from 'yjs';
import type { Accessor } from 'solid-js';
import {
  addNote,
  deleteNote,
  initPhaseDoc,
  moveNote,
  phaseIdOf,
  phaseMaps,
  recolorNote,
  setNoteText,
  type NewNote,
  type NoteColor,
} from '@wcb/shared';

/**
 * The board's writes, in one place so that a read-only board (document from a newer app version)
 * writes nothing at all. Each call is one model mutation, i.e. one LocalOrigin transaction.
 */
export type NoteActions = {
  add(input: NewNote): string | null;
  setText(id: string, text: string): void;
  move(id: string, to: { topic?: string; x: number; y: number }): void;
  recolor(id: string, color: NoteColor): void;
  remove(id: string): void;
};

export function makeNoteActions(doc: Y.Doc, ids: { sessionId: string; phaseId: string }, readOnly: Accessor<boolean>): NoteActions {
  // A note's `phase` is read from the document's meta. A phase doc that has never been synced
  // (phase added while this device was offline) gets its identity just before its first note.
  const ensureMeta = () => {
    if (!phaseIdOf(doc)) initPhaseDoc(doc, ids.sessionId, ids.phaseId);
  };
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R, fallback: R) =>
    (...args: A): R =>
      readOnly() ? fallback : fn(...args);
  // A note deleted by someone else while this person was dragging or typing it is not an error.
  const ifExists =
    <A extends [string, ...unknown[]]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      if (phaseMaps(doc).notes.has(args[0])) fn(...args);
    };
  return {
    add: guard((input: NewNote) => {
      ensureMeta();
      return addNote(doc, input);
    }, null),
    setText: guard(ifExists((id: string, text: string) => setNoteText(doc, id, text)), undefined),
    move: guard(ifExists((id: string, to: { topic?: string; x: number; y: number }) => moveNote(doc, id, to)), undefined),
    recolor: guard(ifExists((id: string, color: NoteColor) => recolorNote(doc, id, color)), undefined),
    remove: guard((id: string) => deleteNote(doc, id), undefined),
  };
}
