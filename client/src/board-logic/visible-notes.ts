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

/** Where notes are drawn as cards, in board coordinates: everywhere, nowhere, or inside bounds. */
export type CullArea = 'all' | 'none' | { left: number; top: number; right: number; bottom: number };

/** The screen at `vp` in board coordinates, grown by `margin` screens on each side. */
function screenBounds(vp: Viewport, size: Size, margin: number): CullArea {
  const marginX = (size.width * margin) / vp.zoom;
  const marginY = (size.height * margin) / vp.zoom;
  return { left: -vp.x / vp.zoom - marginX, top: -vp.y / vp.zoom - marginY, right: (size.width - vp.x) / vp.zoom + marginX, bottom: (size.height - vp.y) / vp.zoom + marginY };
}

/**
 * Where a board of `count` notes draws cards: nowhere below the readable zoom; otherwise
 * everywhere, or on a board of at least `CULL_MIN_NOTES` notes the screen plus a margin (nowhere
 * while `size`, the canvas on screen, is unknown). `margin`: screens beyond each edge.
 */
export function cullArea(vp: Viewport, size: Size | null, count: number, margin = CULL_MARGIN_SCREENS): CullArea {
  if (!showsDetail(vp.zoom)) return 'none';
  if (count < CULL_MIN_NOTES) return 'all';
  // A large board before its canvas is measured: what is on screen is unknown, and cards drawn now
  // would mostly be swapped for chips a frame later.
  if (!size) return 'none';
  return screenBounds(vp, size, margin);
}

/** Whether a note whose top-left corner is at board point `p` lies (partly) in `area`. */
export function inArea(p: Point, area: CullArea): boolean {
  if (typeof area === 'string') return area === 'all';
  return p.x + NOTE_W > area.left && p.x < area.right && p.y + NOTE_H > area.top && p.y < area.bottom;
}

export const sameArea = (a: CullArea | undefined, b: CullArea): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom);

/**
 * The ids to draw as full cards (`cullArea` applied to every note at once). `notes` are board
 * positions of each note's top-left corner.
 */
export function detailedNotes(notes: ReadonlyMap<string, Point>, vp: Viewport, size: Size | null): Set<string> {
  const area = cullArea(vp, size, notes.size);
  const out = new Set<string>();
  for (const [id, p] of notes) if (inArea(p, area)) out.add(id);
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
