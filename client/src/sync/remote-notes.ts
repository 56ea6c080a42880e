import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { phaseMaps } from '@wcb/shared';
import type { Room } from './room';

export type RemoteNoteChange = { kind: 'added'; note: string; who: string } | { kind: 'edited'; note: string } | { kind: 'removed'; note: string };

/**
 * Other people's note changes in one phase room, for the live region: additions, removals and text
 * edits (moves and colours would only be noise to a listener). This device's own writes, its undo,
 * what IndexedDB restores, and everything up to the room's first server sync are not reported:
 * the board says what changed while someone was here, not what was already there.
 */
export function watchRemoteNotes(room: Room, fn: (changes: RemoteNoteChange[]) => void): () => void {
  const notes = phaseMaps(room.doc).notes;
  const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
    if (tr.local || tr.origin instanceof IndexeddbPersistence || tr.origin instanceof Y.UndoManager || !room.state().everSynced) return;
    const out: RemoteNoteChange[] = [];
    for (const event of events) {
      if (event.target === notes) {
        for (const [note, change] of event.changes.keys) {
          if (change.action === 'add') {
            const author = notes.get(note)?.get('author');
            out.push({ kind: 'added', note, who: typeof author === 'string' ? author : '' });
          } else if (change.action === 'delete') out.push({ kind: 'removed', note });
        }
        continue;
      }
      const note = event.path[0];
      if (typeof note !== 'string') continue;
      const textChanged = event.path[1] === 'text' || (event.path.length === 1 && event.changes.keys.has('text'));
      if (textChanged) out.push({ kind: 'edited', note });
    }
    if (out.length) fn(out);
  };
  notes.observeDeep(observer);
  return () => notes.unobserveDeep(observer);
}
