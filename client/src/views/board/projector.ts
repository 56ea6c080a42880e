import type { Setter } from 'solid-js';
import { clampZoom, zoomTo, type Size, type Viewport } from '../../board/viewport';

/**
 * The projector view: what a viewer link shows on the wall of a hall. Notes are drawn in board
 * units inside the zoomed world, so "large type" is a floor on the zoom, not a font size: a
 * note's text on screen is its CSS font size times the world's zoom.
 */

/** The smallest note text the projector shows, in screen pixels (read from the back of a room). */
export const PROJECTOR_MIN_TEXT_PX = 24;
/** `.note-text` font-size in note.css, in board units; keep the two in step. */
export const NOTE_TEXT_PX = 17;

/** The least zoom at which text of `fontPx` board units reaches `minPx` on screen (rounded up, never below). */
export function projectorMinZoom(fontPx: number = NOTE_TEXT_PX, minPx: number = PROJECTOR_MIN_TEXT_PX): number {
  if (!(fontPx > 0)) return 1;
  // Rounded up to a hundredth: 24 / 17 = 1.41176… would land a hair under 24 px after rounding.
  return clampZoom(Math.ceil((minPx / fontPx) * 100) / 100);
}

export const PROJECTOR_MIN_ZOOM = projectorMinZoom();

/**
 * `vp` with its zoom raised to at least `minZoom`. The board's top-left corner on screen stays put:
 * that is where reading starts (the first topic's heading), so a fitted board that had to grow
 * still opens on its first column rather than the middle of nowhere.
 */
export function keepLarge(vp: Viewport, minZoom: number): Viewport {
  return vp.zoom + 1e-9 >= minZoom ? vp : zoomTo(vp, { x: 0, y: 0 }, minZoom);
}

/**
 * `vp` after the canvas went from `before` to `after`: the board point at the centre stays at the
 * centre. The projector's bar grows and shrinks with the question's length, and the screen must
 * keep showing what the facilitator pointed at.
 */
export function keepCentre(vp: Viewport, before: Size, after: Size): Viewport {
  const dx = (after.width - before.width) / 2;
  const dy = (after.height - before.height) / 2;
  return dx === 0 && dy === 0 ? vp : { ...vp, x: vp.x + dx, y: vp.y + dy };
}

/** The zoom a followed spotlight lands at: the facilitator's, unless that is too small for the room. */
export const followedZoom = (zoom: number, minZoom: number): number => clampZoom(Math.max(zoom, minZoom));

/**
 * Whether the projector view is on: what the person chose on this page, else on for viewers
 * (a viewer link is what goes to the projector; a guest can step out with one click).
 */
export function projectorOn(choice: boolean | null, role: string): boolean {
  return choice ?? role === 'viewer';
}

/** A viewport setter that keeps every viewport at least `minZoom()` large (pan, pinch, fit alike). */
export function largeViewportSetter(set: Setter<Viewport>, minZoom: () => number): Setter<Viewport> {
  const wrapped = (next: Viewport | ((prev: Viewport) => Viewport)) =>
    set((prev) => keepLarge(typeof next === 'function' ? next(prev) : next, minZoom()));
  return wrapped as Setter<Viewport>;
}

const choiceKey = (sessionId: string) => `wcb.projector.${sessionId}`;

/** This tab's projector choice for a session (sessionStorage: it survives a reload, not the tab). */
export function loadProjectorChoice(sessionId: string): boolean | null {
  try {
    const v = sessionStorage.getItem(choiceKey(sessionId));
    return v === 'on' ? true : v === 'off' ? false : null;
  } catch {
    return null; // storage disabled: the role's default
  }
}

export function saveProjectorChoice(sessionId: string, on: boolean): void {
  try {
    sessionStorage.setItem(choiceKey(sessionId), on ? 'on' : 'off');
  } catch {
    // storage disabled: the choice lasts until the reload
  }
}
