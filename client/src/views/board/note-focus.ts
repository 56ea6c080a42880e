/**
 * Keyboard focus on notes, by id. Notes stay in creation order in the DOM (a dragged element is
 * never re-inserted), so focus moves by reading order through these helpers instead.
 */

const NOTE = '[data-testid="note"], [data-testid="steps.item"]';

export const noteElement = (id: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(`[data-testid="note"][data-note-id="${CSS.escape(id)}"], [data-testid="steps.item"][data-note-id="${CSS.escape(id)}"]`);

/** The note (or step) an element belongs to, if any. */
export const noteOf = (el: EventTarget | null): HTMLElement | null => (el instanceof Element ? el.closest<HTMLElement>(NOTE) : null);

/** Focuses a note without letting the browser scroll the clipped canvas (the board pans instead). */
export function focusNote(id: string): boolean {
  const el = noteElement(id);
  el?.focus({ preventScroll: true });
  return !!el && document.activeElement === el;
}

// The note the keyboard last deleted: if an undo brings it back, focus goes back to it.
let deleted: string | null = null;

export function rememberDeleted(id: string): void {
  deleted = id;
}

/**
 * After an undo: if it restored the note the keyboard deleted, focus it again. The note's element
 * appears when the projection renders, which may be a frame later.
 */
export function refocusRestored(): void {
  const id = deleted;
  if (!id || noteElement(id)) return;
  let tries = 0;
  const attempt = () => {
    if (focusNote(id)) deleted = null;
    else if (++tries < 10) requestAnimationFrame(attempt);
  };
  queueMicrotask(attempt);
}
