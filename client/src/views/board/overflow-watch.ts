/**
 * Whether a note's text is cut off by the note's fixed height, for every note on screen through
 * one ResizeObserver. It watches the clipping box and the text inside it: the text grows when it
 * is edited, the box shrinks when the meta line wraps. ResizeObserver reports after layout, so
 * reading the sizes here forces no extra layout, and a note that is only dragged (a transform)
 * is never reported at all.
 */

type Watched = { box: HTMLElement; report: (clipped: boolean) => void };

const watched = new Map<Element, Watched>();
let observer: ResizeObserver | null = null;

function check(entries: readonly ResizeObserverEntry[]): void {
  const seen = new Set<Watched>();
  for (const entry of entries) {
    const w = watched.get(entry.target);
    if (!w || seen.has(w)) continue;
    seen.add(w);
    // A pixel of rounding is not "more".
    w.report(w.box.scrollHeight > w.box.clientHeight + 1);
  }
}

/** Calls `report` now-ish and whenever `box` (or `content` in it) changes size; returns the stop. */
export function watchOverflow(box: HTMLElement, content: HTMLElement, report: (clipped: boolean) => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  observer ??= new ResizeObserver(check);
  const w: Watched = { box, report };
  for (const el of [box, content]) {
    watched.set(el, w);
    observer.observe(el);
  }
  return () => {
    for (const el of [box, content]) {
      watched.delete(el);
      observer?.unobserve(el);
    }
  };
}
