import { createEffect, createSignal, on, untrack, type Accessor } from 'solid-js';
import type { FollowViewport, Spotlight } from '@wcb/shared';
import { createGlide } from '../board-logic/glide';
import { centreOf, centredOn, type Size, type Viewport } from '../board-logic/viewport';

/** How long a followed move takes, unless the person prefers reduced motion. */
export const FOLLOW_ANIMATION_MS = 400;

/**
 * Calls `onPress` once for each "bring everyone here" this device sees after the session's state
 * became known (`known`). The spotlight already there at that moment was sent before this person
 * came: taken as seen, so a board opens where it opens and a reload does not replay an old press.
 * A press made while this device was away (offline, or looking elsewhere) arrives with the next
 * sync and counts: each press reaches everyone, once.
 */
export function createPresses(spotlight: Accessor<Spotlight | null>, known: Accessor<boolean>, onPress: (spot: Spotlight) => void): void {
  let seen: number | null | undefined;
  createEffect(
    on([spotlight, known], ([spot, ready]) => {
      if (!ready) return;
      if (seen === undefined) {
        seen = spot?.seq ?? null;
        return;
      }
      if (!spot || spot.seq === seen) return;
      seen = spot.seq;
      untrack(() => onPress(spot));
    }),
  );
}

export type FollowSource = {
  /** The press this device was last brought to (a new object for each press). */
  brought: Accessor<Spotlight | null>;
  /** The facilitator's latest spotlight, applied again when the person turns follow mode on. */
  spotlight: Accessor<Spotlight | null>;
  following: Accessor<boolean>;
  viewPhase: Accessor<string>;
};

/**
 * Moves the board's viewport to the facilitator's spotlight: once for each press this device is
 * brought to (following or not; see createPresses), and when the person turns follow mode back
 * on. The phase switch itself comes from the session; the move waits until that phase is shown.
 * The spotlight names a board point; `canvasSize` (this device's canvas) turns it into this
 * device's own offset, so the point lands at the centre of this screen whatever its size. A spot
 * that arrives before the canvas was measured waits for the first measurement.
 * Under prefers-reduced-motion the move is a jump: the next frame already shows the spot.
 */
export function createFollowViewport(
  source: FollowSource,
  viewport: Accessor<Viewport>,
  setViewport: (vp: Viewport) => void,
  canvasSize: Accessor<Size | null>,
): void {
  const [pending, setPending] = createSignal<Spotlight | null>(null, { equals: false });
  const glide = createGlide(viewport, setViewport, FOLLOW_ANIMATION_MS);
  // Aimed at the canvas as it is at each frame: the chrome around it may change size meanwhile.
  const moveTo = (spot: FollowViewport, size: Size) =>
    glide.to(() => centredOn({ x: spot.cx, y: spot.cy }, spot.zoom, canvasSize() ?? size));

  createEffect(on(source.brought, (spot) => spot && setPending(spot), { defer: true }));
  // Back to following: the latest spotlight applies again (if it is about the phase now shown).
  createEffect(
    on(source.following, (following, before) => {
      const spot = untrack(source.spotlight);
      if (following && before === false && spot?.phaseId === untrack(source.viewPhase)) setPending(spot);
    }),
  );
  createEffect(
    on([pending, source.viewPhase, canvasSize], ([spot, phaseId, size]) => {
      if (!spot?.viewport || spot.phaseId !== phaseId || !size || size.width <= 0 || size.height <= 0) return;
      setPending(null);
      moveTo(spot.viewport, size);
    }),
  );
}

/** What the facilitator sends: the board point at the centre of their canvas, and their zoom. */
export function spotOf(vp: Viewport, size: Size | null): FollowViewport | null {
  if (!size || size.width <= 0 || size.height <= 0) return null;
  const c = centreOf(vp, size);
  return { cx: c.x, cy: c.y, zoom: vp.zoom };
}
