import { CELL_PAD, HEADER_H, NOTE_GAP, NOTE_H, type BoardLayout, type Cell } from './layout';
import type { Point, Rect, Size, Viewport } from './viewport';

/**
 * How the projector frames a phase, as plain math. The hall must see every column with its header,
 * as large as the screen allows; when the phase cannot fit at a readable size it is cut into pages
 * the projector turns by itself: first the columns' full height in slices (columns across, as
 * large as their width allows), and only when even the columns side by side are too small to
 * read, groups of neighbouring columns.
 */

export type PageOptions = {
  /** Screen pixels kept free around the content. */
  padding: number;
  /** The least zoom at which note text is readable from the back of a hall. */
  minZoom: number;
  /** Above this a sparse phase would be blown up to poster size. */
  maxZoom: number;
  /** Board units above the columns that must show too (the vote charts floating there). */
  above?: number;
};

/** One page: where the board is drawn, and which board rectangle that shows. */
export type ProjectorPage = { viewport: Viewport; shows: Rect };

/** Columns side by side that fit `width` board units, in order; a wider column stands alone. */
export function groupColumns(columns: readonly Cell[], width: number): Cell[][] {
  const groups: Cell[][] = [];
  let group: Cell[] = [];
  for (const column of columns) {
    const first = group[0];
    if (first && column.x + column.width - first.x > width) {
      groups.push(group);
      group = [];
    }
    group.push(column);
  }
  if (group.length) groups.push(group);
  return groups;
}

/**
 * Pages that show `area` at `zoom` from top to bottom, each one screen tall. Consecutive pages
 * overlap by a note's height, so a note cut by one page's edge is whole on the next.
 */
function slices(area: Rect, zoom: number, view: Size, padding: number): ProjectorPage[] {
  const screenW = Math.max(1, view.width - 2 * padding);
  const tall = Math.max(1, view.height - 2 * padding) / zoom;
  const left = area.width * zoom <= screenW ? padding + (screenW - area.width * zoom) / 2 : padding;
  const x = left - area.x * zoom;
  const shownW = Math.min(area.width, screenW / zoom);
  const step = Math.max(tall / 2, tall - (NOTE_H + NOTE_GAP));
  const tops: number[] = [area.y];
  const lastTop = area.y + area.height - tall;
  while (tops[tops.length - 1]! + 0.5 < lastTop) tops.push(Math.min(lastTop, tops[tops.length - 1]! + step));
  return tops.map((top) => ({
    viewport: { zoom, x, y: padding - top * zoom },
    shows: { x: area.x, y: top, width: shownW, height: Math.min(tall, area.height) },
  }));
}

/**
 * What of the board the wall must show: all of it, but of an empty cross-cutting row only its
 * header (its empty body would cost the columns their size, or a page of nothing).
 */
export function shownBounds(layout: BoardLayout, above = 0): Rect {
  const { bounds, cross, columns } = layout;
  const height = cross.count > 0 || columns.length === 0 ? bounds.height : cross.y + HEADER_H + CELL_PAD - bounds.y;
  return { ...bounds, y: bounds.y - above, height: height + above };
}

/** The projector's pages for `layout` on a canvas of `view`: one page when the phase fits. */
export function projectorPages(layout: BoardLayout, view: Size, opts: PageOptions): ProjectorPage[] {
  const { padding, minZoom, maxZoom } = opts;
  const screen = { width: Math.max(1, view.width - 2 * padding), height: Math.max(1, view.height - 2 * padding) };
  const all = shownBounds(layout, opts.above);
  const whole = Math.min(maxZoom, screen.width / all.width, screen.height / all.height);
  if (whole >= minZoom) return slices(all, whole, view, padding);
  const across = Math.min(maxZoom, screen.width / all.width);
  if (across >= minZoom) return slices(all, across, view, padding);
  // Too many columns to read side by side: neighbours in groups, each group's full height.
  const groups = groupColumns(layout.columns, screen.width / minZoom);
  const areas = groups.map((g) => {
    const x = g[0]!.x;
    const last = g[g.length - 1]!;
    return { x, y: all.y, width: last.x + last.width - x, height: all.height };
  });
  // One zoom for every group: a page turn never changes the size of the type.
  const zoom = Math.min(maxZoom, ...areas.map((a) => screen.width / a.width));
  return areas.flatMap((area) => slices(area, zoom, view, padding));
}

/** The page that shows board point `p` (the first, when none does). */
export function pageShowing(pages: readonly ProjectorPage[], p: Point): number {
  const at = pages.findIndex(({ shows: r }) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height);
  return Math.max(0, at);
}
