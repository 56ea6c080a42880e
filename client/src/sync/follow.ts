import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import { shouldApplySpotlight, type FollowViewport, type Spotlight } from '@wcb/shared';
import { centreOf, centredOn, easeInOut, interpolateViewport, type Size, type Viewport } from '../board/viewport';

/** How long a followed move takes, unless the person prefers reduced motion. */
export const FOLLOW_ANIMATION_MS = 400;

export type FollowSource = {
  spotlight: Accessor<Spotlight | null>;
  following: Accessor<boolean>;
  viewPhase: Accessor<string>;
  /** Whoever controls the session sends spotlights; their own view never jumps. */
  canControl: Accessor<boolean>;
};

/** How a board follows, beyond the session's own state (the projector view sets both). */
export type FollowOptions = {
  /** The least zoom a followed move lands at: the facilitator's centre, but never smaller type. */
  minZoom?: Accessor<number>;
  /**
   * While true, the spotlight already in the document is applied too, not taken as seen: at start
   * (a projector opened mid-session shows what the facilitator shows, without a click) and each
   * time it turns on.
   */
  catchUp?: Accessor<boolean>;
};

const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Moves the board's viewport to the facilitator's spotlight when a following client sees a new one
 * (a larger seq) or returns to follow mode. The spotlight present when the board opens is taken as
 * seen: the board fits itself first, and the phase already follows the current phase.
 * The phase switch itself comes from the session (the followed phase is the current phase).
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
  options: FollowOptions = {},
): void {
  const minZoom = options.minZoom ?? (() => 0);
  const catchUp = options.catchUp ?? (() => false);
  let lastSeq: number | null = untrack(catchUp) ? null : (untrack(source.spotlight)?.seq ?? null);
  const [pending, setPending] = createSignal<FollowViewport | null>(null, { equals: false });
  let frame = 0;
  const stop = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
  onCleanup(stop);

  const moveTo = (spot: FollowViewport, size: Size) => {
    stop();
    const zoom = Math.max(spot.zoom, minZoom());
    // Aimed at the canvas as it is at each frame: the chrome around it may change size meanwhile
    // (a projector's bar replacing the top bar), and the spot must still land at its centre.
    const target = () => centredOn({ x: spot.cx, y: spot.cy }, zoom, canvasSize() ?? size);
    const from = viewport();
    if (prefersReducedMotion() || typeof requestAnimationFrame !== 'function') return setViewport(target());
    const start = performance.now();
    const step = (now: number) => {
      const t = (now - start) / FOLLOW_ANIMATION_MS;
      const to = target();
      setViewport(t >= 1 ? to : interpolateViewport(from, to, easeInOut(t)));
      frame = t >= 1 ? 0 : requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  };

  createEffect(
    on([source.spotlight, source.following, source.viewPhase, catchUp], ([spot, following, phaseId, eager], prev) => {
      // Back to following, or the projector just turned on: the latest spotlight applies again.
      const rejoined = following && (prev ? !prev[1] || (eager && !prev[3]) : eager);
      if (source.canControl()) {
        lastSeq = spot?.seq ?? lastSeq;
        return;
      }
      if (!shouldApplySpotlight(spot, rejoined ? null : lastSeq, following)) return;
      if (spot.phaseId !== phaseId) {
        // A new send: the current phase moves in the same transaction, so wait for it to be shown.
        // On return to follow mode the document is settled: the facilitator has moved on since.
        if (rejoined) lastSeq = spot.seq;
        return;
      }
      lastSeq = spot.seq;
      setPending(spot.viewport);
    }),
  );
  createEffect(
    on([pending, canvasSize], ([spot, size]) => {
      if (!spot || !size || size.width <= 0 || size.height <= 0) return;
      setPending(null);
      moveTo(spot, size);
    }),
  );
}

/** What the facilitator sends: the board point at the centre of their canvas, and their zoom. */
export function spotOf(vp: Viewport, size: Size | null): FollowViewport | null {
  if (!size || size.width <= 0 || size.height <= 0) return null;
  const c = centreOf(vp, size);
  return { cx: c.x, cy: c.y, zoom: vp.zoom };
}
