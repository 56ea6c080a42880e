import { NOTE_H, NOTE_W } from './layout';
import type { Point, Size, Viewport } from './viewport';

/**
 * Which notes are drawn in full (text, author, toolbar) and which as light chips (one coloured
 * element with the same name and role). A full card costs a dozen elements and as many reactive
 * bindings; on a board of thousands of notes that is what makes opening, panning and dragging slow.
 *
 * - Level of detail: below a zoom where a note's text is too small to read, every note is a chip.
 * - Culling: on a large board, zoomed in, notes well outside the screen are chips too. Small boards
 *   are always drawn in full, so what someone sees never depends on where they panned.
 */

// The note text's CSS size (note.css, .note-text) and the smallest size on screen worth drawing.
export const NOTE_TEXT_PX = 17;
export const MIN_READABLE_PX = 5;
// Below this many notes culling saves nothing worth the chip/card swaps while panning.
export const CULL_MIN_NOTES = 300;
// Cards are kept this many screens beyond each edge, so ordinary panning swaps nothing in view.
const CULL_MARGIN_SCREENS = 0.75;

/** True when note text at this zoom is large enough to read, so cards are worth drawing. */
export const showsDetail = (zoom: number): boolean => zoom * NOTE_TEXT_PX >= MIN_READABLE_PX;

/**
 * The ids to draw as full cards: none below the readable zoom; otherwise all of them, or on a
 * board of at least `CULL_MIN_NOTES` notes those whose box lies within the screen plus a margin
 * (none while `size`, the canvas on screen, is unknown). `notes` are board positions of each
 * note's top-left corner.
 */
export function detailedNotes(notes: ReadonlyMap<string, Point>, vp: Viewport, size: Size | null): Set<string> {
  if (!showsDetail(vp.zoom)) return new Set();
  if (notes.size < CULL_MIN_NOTES) return new Set(notes.keys());
  // A large board before its canvas is measured: what is on screen is unknown, and cards drawn now
  // would mostly be swapped for chips a frame later.
  if (!size) return new Set();
  const marginX = (size.width * CULL_MARGIN_SCREENS) / vp.zoom;
  const marginY = (size.height * CULL_MARGIN_SCREENS) / vp.zoom;
  // The screen in board coordinates, grown by the margin.
  const left = -vp.x / vp.zoom - marginX;
  const top = -vp.y / vp.zoom - marginY;
  const right = (size.width - vp.x) / vp.zoom + marginX;
  const bottom = (size.height - vp.y) / vp.zoom + marginY;
  const out = new Set<string>();
  for (const [id, p] of notes) if (p.x + NOTE_W > left && p.x < right && p.y + NOTE_H > top && p.y < bottom) out.add(id);
  return out;
}

/**
 * Whether the screen at `vp` still lies inside the cards drawn for `anchor`, with half their
 * margin to spare: then the drawn set can stay as it is. Recomputed at every step of a pan, the
 * set changed at its far edges all the time, and each card swapped in or out there cost a frame
 * something; kept, a pan swaps cards only once per half margin travelled.
 */
export function stillCovered(anchor: Viewport, vp: Viewport, size: Size): boolean {
  if (anchor.zoom !== vp.zoom) return false;
  // The margin is CULL_MARGIN_SCREENS screens at any zoom, so it compares in screen pixels.
  const slackX = (size.width * CULL_MARGIN_SCREENS) / 2;
  const slackY = (size.height * CULL_MARGIN_SCREENS) / 2;
  return Math.abs(vp.x - anchor.x) <= slackX && Math.abs(vp.y - anchor.y) <= slackY;
}
