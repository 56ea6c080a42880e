/**
 * How a note's length limit is told to the person typing (the model cuts any text at
 * MAX_NOTE_TEXT; the editor's maxLength makes the browser drop what does not fit). Pure, so the
 * arithmetic is tested apart from the DOM.
 */

/** The counter shows from here on: close enough to the end to matter, quiet before. */
export const counterFrom = (max: number): number => Math.floor(max * 0.9);

/**
 * What an input would drop: the characters of `incoming` past the room left once the selection
 * is replaced. 0 when it all fits.
 */
export function droppedBy(value: { length: number; selected: number }, incoming: number, max: number): number {
  const room = Math.max(0, max - (value.length - value.selected));
  return Math.max(0, incoming - room);
}

/**
 * What to tell after an insertion of `incoming` characters: how many did not fit, 0 when the note
 * was full already (nothing could go in), null when everything fits (or nothing was inserted).
 */
export function limitNotice(value: { length: number; selected: number }, incoming: number, max: number): number | null {
  if (incoming <= 0) return null;
  if (value.length - value.selected >= max) return 0;
  const cut = droppedBy(value, incoming, max);
  return cut > 0 ? cut : null;
}
