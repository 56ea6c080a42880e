import { onCleanup, type Accessor } from 'solid-js';
import type { Undo } from '../../sync/undo';
import { refocusRestored } from './note-focus';

/** Where the browser's own text undo applies and ours must stay out of the way. */
const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el.closest('textarea, input, select') !== null);

/** Ctrl/Cmd+Z undoes (and refocuses a note it brings back); Ctrl/Cmd+Shift+Z and Ctrl+Y redo — except while typing in a text field. */
export function createUndoShortcuts(undo: Accessor<Undo | null>, readOnly: Accessor<boolean>): void {
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
    const key = e.key.toLowerCase();
    const redo = (key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey);
    if (key !== 'z' && !redo) return;
    e.preventDefault();
    const u = undo();
    if (!u || readOnly()) return;
    if (redo) u.redo();
    else {
      // Undoing a keyboard delete puts focus back on the note, where the person was.
      refocusRestored();
      u.undo();
    }
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
}
