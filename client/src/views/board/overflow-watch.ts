/**
 * Whether a note's text is cut off by the note's fixed height, for every note on screen through
 * one ResizeObserver (the box changes size when the meta line wraps or the note opens) and one
 * animation frame for text changes (the box keeps its size while its text grows). Sizes are read
 * in batches, after layout or just before the frame's own, never one forced layout per note;
 * a note that is only dragged (a transform) is never looked at.
 */

type Watched = { box: HTMLElement; report: (clipped: boolean) => void };

const watched = new Map<Element, Watched>();
const queued = new Set<Watched>();
let observer: ResizeObserver | null = null;
let frame = 0;

// A pixel of rounding is not "more".
const measure = (w: Watched) => w.report(w.box.scrollHeight > w.box.clientHeight + 1);

function onResize(entries: readonly ResizeObserverEntry[]): void {
  for (const entry of entries) {
    const w = watched.get(entry.target);
    if (w) measure(w);
  }
}

function flush(): void {
  frame = 0;
  for (const w of queued) if (watched.get(w.box) === w) measure(w);
  queued.clear();
}

export type OverflowWatch = {
  /** The text changed: look again in the next frame. */
  recheck(): void;
  stop(): void;
};

/** Calls `report` once the box is laid out and whenever it may have changed. */
export function watchOverflow(box: HTMLElement, report: (clipped: boolean) => void): OverflowWatch {
  if (typeof ResizeObserver === 'undefined') return { recheck: () => {}, stop: () => {} };
  observer ??= new ResizeObserver(onResize);
  const w: Watched = { box, report };
  watched.set(box, w);
  observer.observe(box);
  return {
    recheck() {
      queued.add(w);
      frame ||= requestAnimationFrame(flush);
    },
    stop() {
      watched.delete(box);
      queued.delete(w);
      observer?.unobserve(box);
    },
  };
}
