import type * as Y from 'yjs';
import { controlMaps } from './control';
import { LocalOrigin } from './origins';

/**
 * Follow mode. The facilitator's "spotlight" lives in the control room's state map under 'follow',
 * always written whole: the phase to look at, optionally where, and a sequence number that grows
 * with each send so the same spot can be sent again.
 * "Where" is the board point at the centre of the facilitator's canvas (board units) and the zoom:
 * a screen offset would land off-centre on a window of another size, a board point does not.
 * Each follower turns it into its own offset for its own canvas.
 */
export type FollowViewport = { cx: number; cy: number; zoom: number };
export type Spotlight = { phaseId: string; viewport: FollowViewport | null; seq: number };

export const FOLLOW_KEY = 'follow';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readViewport(value: unknown): FollowViewport | null {
  if (!value || typeof value !== 'object') return null;
  // An older client's screen offset ({x, y, zoom}) has no centre: it reads as "no viewport".
  const { cx, cy, zoom } = value as Record<string, unknown>;
  return finite(cx) && finite(cy) && finite(zoom) && zoom > 0 ? { cx, cy, zoom } : null;
}

/** Tolerant reader: anything malformed (older or newer clients, hand-edited docs) reads as no spotlight. */
export function parseSpotlight(value: unknown): Spotlight | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.phaseId !== 'string' || !v.phaseId) return null;
  const seq = finite(v.seq) && v.seq >= 0 ? Math.floor(v.seq) : 0;
  return { phaseId: v.phaseId, viewport: readViewport(v.viewport), seq };
}

export const readSpotlight = (doc: Y.Doc): Spotlight | null => parseSpotlight(controlMaps(doc).state.get(FOLLOW_KEY));

export const sameSpotlight = (a: Spotlight | null, b: Spotlight | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.phaseId === b.phaseId &&
    a.seq === b.seq &&
    (a.viewport === b.viewport ||
      (!!a.viewport && !!b.viewport && a.viewport.cx === b.viewport.cx && a.viewport.cy === b.viewport.cy && a.viewport.zoom === b.viewport.zoom)));

/**
 * The facilitator brings everyone to `phaseId` (and `viewport`, if given). The current phase moves
 * along in the same transaction, so everything that reads it keeps working. Returns what was written.
 */
export function setSpotlight(doc: Y.Doc, phaseId: string, viewport: FollowViewport | null): Spotlight {
  const { phases, state } = controlMaps(doc);
  if (!phases.has(phaseId)) throw new Error(`No phase "${phaseId}"`);
  const next: Spotlight = { phaseId, viewport: readViewport(viewport), seq: (readSpotlight(doc)?.seq ?? 0) + 1 };
  doc.transact(() => {
    state.set(FOLLOW_KEY, { ...next, viewport: next.viewport ? { ...next.viewport } : null });
    state.set('currentPhase', phaseId);
  }, new LocalOrigin('follow.spotlight'));
  return next;
}

/**
 * Which phase a client shows. The facilitator (and anyone following) sees the session's current
 * phase, which every spotlight also sets; anyone else (roaming) sees the phase they chose or were
 * last brought to, as long as it still exists.
 */
export function viewedPhase(opts: {
  following: boolean;
  currentPhase: string;
  localPhase: string | null;
  phaseIds: readonly string[];
}): string {
  const { following, currentPhase, localPhase, phaseIds } = opts;
  if (!following && localPhase && phaseIds.includes(localPhase)) return localPhase;
  return currentPhase;
}
