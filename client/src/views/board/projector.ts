import { clampZoom } from '../../board-logic/viewport';

/**
 * The projector view: what a viewer link shows on the wall of a hall. Notes are drawn in board
 * units inside the zoomed world, so "large type" is the world's zoom, not a font size: a note's
 * text on screen is its CSS font size times the zoom. The projector frames the whole phase as
 * large as it fits (projector-frame.ts), and pages rather than go below a readable size.
 */

/** The smallest note text the projector shows, in screen pixels, before it pages instead. */
export const PROJECTOR_MIN_TEXT_PX = 14;
/** `.note-text` font-size in note.css, in board units; keep the two in step. */
export const NOTE_TEXT_PX = 17;

/** The least zoom at which text of `fontPx` board units reaches `minPx` on screen (rounded up, never below). */
export function projectorMinZoom(fontPx: number = NOTE_TEXT_PX, minPx: number = PROJECTOR_MIN_TEXT_PX): number {
  if (!(fontPx > 0)) return 1;
  // Rounded up to a hundredth: 14 / 17 = 0.8235… would land a hair under 14 px after rounding.
  return clampZoom(Math.ceil((minPx / fontPx) * 100) / 100);
}

export const PROJECTOR_MIN_ZOOM = projectorMinZoom();
/** A phase with one or two topics is shown large, not at poster size (note text 34 px). */
export const PROJECTOR_MAX_ZOOM = 2;

/**
 * Whether the projector view is on: what the person chose on this page, else on for viewers
 * (a viewer link is what goes to the projector; a guest can step out with one click).
 */
export function projectorOn(choice: boolean | null, role: string): boolean {
  return choice ?? role === 'viewer';
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
