import { createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type { Spotlight } from '@wcb/shared';
import type { BoardLayout } from '../../board-logic/layout';
import { createGlide } from '../../board-logic/glide';
import { pageShowing, projectorPages, type ProjectorPage } from '../../board-logic/projector-pages';
import type { Size, Viewport } from '../../board-logic/viewport';
import { PROJECTOR_MAX_ZOOM, PROJECTOR_MIN_ZOOM } from './projector';

/** How long the hall gets to read one page before the projector turns to the next. */
export const PAGE_MS = 15_000;
/** How long a page turn glides. */
const TURN_MS = 600;
/** Screen pixels kept free around the phase on the wall. */
const PAGE_PADDING = 24;

export type ProjectorFrame = {
  pages: Accessor<readonly ProjectorPage[]>;
  /** The page on the wall (0-based). */
  page: Accessor<number>;
};

type FrameSource = {
  layout: Accessor<BoardLayout>;
  /** Board units above the columns to frame too (vote-bars.ts `voteBarsReach`). */
  above: Accessor<number>;
  /** The canvas, as measured; null before the first measurement. */
  size: Accessor<Size | null>;
  phaseId: string;
  /** The facilitator's latest "bring everyone here" to reach this screen (sync/follow.ts). */
  brought: Accessor<Spotlight | null>;
  viewport: Accessor<Viewport>;
  setViewport: (vp: Viewport) => void;
};

/**
 * The projector's own framing of a phase (board/projector-pages.ts): the viewport is the current
 * page's, never a person's pan or the facilitator's zoom. Pages turn by themselves every PAGE_MS;
 * a presenter's clicker (PageDown / PageUp) turns them too. A "bring everyone here" shows the page
 * holding the facilitator's centre point. Call inside the phase's canvas: a new phase starts at
 * its first page.
 */
export function createProjectorFrame(src: FrameSource): ProjectorFrame {
  const pages = createMemo(() => {
    const size = src.size();
    if (!size || size.width <= 0 || size.height <= 0) return [];
    return projectorPages(src.layout(), size, { padding: PAGE_PADDING, minZoom: PROJECTOR_MIN_ZOOM, maxZoom: PROJECTOR_MAX_ZOOM, above: src.above() });
  });
  const [index, setIndex] = createSignal(0);
  const page = () => Math.min(index(), Math.max(0, pages().length - 1));
  const glide = createGlide(src.viewport, src.setViewport, TURN_MS);
  const turn = (by: number) => {
    const n = pages().length;
    if (n > 1) setIndex((page() + by + n) % n);
  };

  // A page turn glides; new notes or a resized window re-frame the same page at once.
  createEffect(
    on([pages, page], ([list, at], before) => {
      const target = list[at]?.viewport;
      if (!target) return;
      // Read at each frame of the glide: notes may arrive while it runs.
      const current = () => untrack(() => pages()[page()]?.viewport) ?? target;
      if (before && before[1] !== at) glide.to(current);
      else {
        glide.stop();
        src.setViewport(target);
      }
    }),
  );
  // The next page after PAGE_MS on this one; any turn (by hand too) restarts the wait.
  createEffect(
    on([page, () => pages().length], ([, n]) => {
      if (n < 2) return;
      const timer = setTimeout(() => turn(1), PAGE_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  createEffect(
    on(
      src.brought,
      (spot) => {
        const v = spot?.viewport;
        if (spot?.phaseId === src.phaseId) setIndex(v ? pageShowing(pages(), { x: v.cx, y: v.cy }) : 0);
      },
      { defer: true },
    ),
  );

  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const by = e.key === 'PageDown' ? 1 : e.key === 'PageUp' ? -1 : 0;
    if (!by) return;
    e.preventDefault();
    turn(by);
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
  return { pages, page };
}
