import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING } from '@wcb/shared';
import { CELL_PAD, HEADER_H, layoutBoard, NOTE_H, type BoardLayout } from '../../client/src/board-logic/layout';
import { groupColumns, pageShowing, projectorPages, shownBounds, type ProjectorPage } from '../../client/src/board-logic/projector-pages';
import { VOTE_BAR_ROW_H, VOTE_BARS_CHROME, VOTE_BARS_GAP, voteBarsReach } from '../../client/src/board-logic/vote-bars';
import { ZOOM_MAX, type Size } from '../../client/src/board-logic/viewport';
import { effectiveContrast } from '../../client/src/views/board/contrast';
import {
  NOTE_TEXT_PX,
  PROJECTOR_MAX_ZOOM,
  PROJECTOR_MIN_TEXT_PX,
  PROJECTOR_MIN_ZOOM,
  projectorMinZoom,
  projectorOn,
} from '../../client/src/views/board/projector';

describe('projector view', () => {
  it('pages rather than show note text under 14 px, never a hair under', () => {
    expect(PROJECTOR_MIN_TEXT_PX).toBe(14);
    expect(NOTE_TEXT_PX * PROJECTOR_MIN_ZOOM).toBeGreaterThanOrEqual(14);
    // 14 / 17 = 0.8235…: rounded up, not to the nearest.
    expect(projectorMinZoom(17, 14)).toBe(0.83);
    expect(projectorMinZoom(24, 24)).toBe(1);
    // Tiny type cannot be blown past the board's own zoom limit.
    expect(projectorMinZoom(2, 24)).toBe(ZOOM_MAX);
    expect(projectorMinZoom(0, 24)).toBe(1);
  });

  it('is on for viewer links unless the person stepped out, and on request for anyone', () => {
    expect(projectorOn(null, 'viewer')).toBe(true);
    expect(projectorOn(null, 'participant')).toBe(false);
    expect(projectorOn(null, 'facilitator')).toBe(false);
    expect(projectorOn(false, 'viewer')).toBe(false);
    expect(projectorOn(true, 'participant')).toBe(true);
  });
});

describe('projector pages', () => {
  const opts = { padding: 24, minZoom: PROJECTOR_MIN_ZOOM, maxZoom: PROJECTOR_MAX_ZOOM };
  const three = ['government', 'community', 'ngos'];
  const columnsOnScreen = (layout: BoardLayout, page: ProjectorPage, view: Size) =>
    layout.columns.every((c) => {
      const left = c.x * page.viewport.zoom + page.viewport.x;
      const right = (c.x + c.width) * page.viewport.zoom + page.viewport.x;
      return left >= -0.5 && right <= view.width + 0.5;
    });

  it('shows a phase that fits on one page, every column across, as large as fits', () => {
    const layout = layoutBoard(three, [{ topic: CROSS_CUTTING, x: 16, y: 16 }]);
    const view = { width: 1920, height: 860 };
    const pages = projectorPages(layout, view, opts);
    expect(pages).toHaveLength(1);
    const { viewport: vp } = pages[0]!;
    expect(vp.zoom).toBeCloseTo(Math.min((1920 - 48) / layout.bounds.width, (860 - 48) / layout.bounds.height), 6);
    // The board's top (the column headers) at the padding, the columns centred across.
    expect(vp.y).toBeCloseTo(24, 6);
    expect(columnsOnScreen(layout, pages[0]!, view)).toBe(true);
  });

  it('leaves out the body of an empty cross-cutting row, never its header', () => {
    const empty = layoutBoard(three, []);
    const shown = shownBounds(empty);
    expect(shown.height).toBe(empty.cross.y + HEADER_H + CELL_PAD);
    expect(shownBounds(layoutBoard(three, [{ topic: CROSS_CUTTING, x: 0, y: 0 }]))).toEqual(layoutBoard(three, [{ topic: CROSS_CUTTING, x: 0, y: 0 }]).bounds);
    // Three empty columns and the cross row's header fit a 1280×720 wall on one page.
    expect(projectorPages(empty, { width: 1280, height: 600 }, opts)).toHaveLength(1);
  });

  it('frames the vote charts floating above the columns after voting, so the wall never cuts them', () => {
    const layout = layoutBoard(three, [{ topic: 'government', x: 16, y: 16 }]);
    const view = { width: 1920, height: 860 };
    const reach = 200;
    const [page] = projectorPages(layout, view, { ...opts, above: reach });
    // The chart's top (reach above the board's top) lands on the screen at the padding.
    expect(-reach * page!.viewport.zoom + page!.viewport.y).toBeCloseTo(24, 6);
    expect(page!.shows.y).toBe(-reach);
  });

  it('reaches as high as the tallest chart: one row per voted note, at most five, none for the cross-cutting row', () => {
    const note = (id: string, topic: string) => ({ id, topic }) as Parameters<typeof voteBarsReach>[0][number];
    const notes = [note('a', 'government'), note('b', 'government'), note('c', 'community'), note('d', CROSS_CUTTING)];
    expect(voteBarsReach(notes, new Map())).toBe(0);
    expect(voteBarsReach(notes, new Map([['d', 9]]))).toBe(0);
    expect(voteBarsReach(notes, new Map([['a', 1], ['b', 2], ['c', 1]]))).toBe(VOTE_BARS_CHROME + 2 * VOTE_BAR_ROW_H + VOTE_BARS_GAP);
    const many = Array.from({ length: 9 }, (_, i) => note(`n${i}`, 'ngos'));
    expect(voteBarsReach(many, new Map(many.map((n) => [n.id, 1])))).toBe(VOTE_BARS_CHROME + 5 * VOTE_BAR_ROW_H + VOTE_BARS_GAP);
  });

  it('on a short screen keeps the columns across and turns to the rest of their height', () => {
    // Eight rows of notes in the first column.
    const tall = Array.from({ length: 16 }, (_, i) => ({ topic: 'government', x: 16 + (i % 2) * 216, y: 16 + Math.floor(i / 2) * 166 }));
    const layout = layoutBoard(three, tall);
    const view = { width: 1280, height: 470 };
    const pages = projectorPages(layout, view, opts);
    expect(pages.length).toBeGreaterThan(1);
    const zoom = (1280 - 48) / layout.bounds.width;
    for (const page of pages) {
      expect(page.viewport.zoom).toBeCloseTo(zoom, 6);
      expect(columnsOnScreen(layout, page, view)).toBe(true);
    }
    // From the headers down to the last row: the first page starts at the top, the last ends at the bottom.
    expect(pages[0]!.shows.y).toBe(0);
    const last = pages[pages.length - 1]!;
    expect(last.shows.y + last.shows.height).toBeCloseTo(shownBounds(layout).height, 6);
    // Neighbouring pages overlap by a note, so a note cut at one page's edge is whole on the next.
    for (let i = 1; i < pages.length; i++) {
      expect(pages[i - 1]!.shows.y + pages[i - 1]!.shows.height - pages[i]!.shows.y).toBeGreaterThanOrEqual(NOTE_H);
    }
  });

  it('groups neighbouring columns when even side by side they would be too small to read', () => {
    const topics = ['a', 'b', 'c', 'd', 'e', 'f'];
    const layout = layoutBoard(topics, []);
    const view = { width: 1280, height: 2000 };
    const pages = projectorPages(layout, view, opts);
    expect(pages.length).toBeGreaterThan(1);
    const zooms = new Set(pages.map((p) => p.viewport.zoom));
    // One size of type on every page, readable.
    expect(zooms.size).toBe(1);
    expect([...zooms][0]).toBeGreaterThanOrEqual(PROJECTOR_MIN_ZOOM);
    // Every column is shown whole on some page.
    for (const c of layout.columns) {
      expect(pages.some((p) => c.x >= p.shows.x - 0.5 && c.x + c.width <= p.shows.x + p.shows.width + 0.5)).toBe(true);
    }
    expect(groupColumns(layout.columns, 1000).map((g) => g.map((c) => c.topic))).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('never blows a sparse phase up past its largest zoom', () => {
    const layout = layoutBoard(['only'], []);
    const pages = projectorPages(layout, { width: 1920, height: 2400 }, opts);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.viewport.zoom).toBe(PROJECTOR_MAX_ZOOM);
  });

  it('finds the page that shows a board point', () => {
    const layout = layoutBoard(three, [{ topic: CROSS_CUTTING, x: 16, y: 400 }]);
    const pages = projectorPages(layout, { width: 1280, height: 470 }, opts);
    expect(pageShowing(pages, { x: 10, y: 10 })).toBe(0);
    expect(pageShowing(pages, { x: 100, y: layout.bounds.height - 10 })).toBe(pages.length - 1);
    expect(pageShowing(pages, { x: -5000, y: -5000 })).toBe(0);
  });
});

describe('high-contrast theme', () => {
  it('follows the system until the person chooses, then their choice', () => {
    const none = { more: false, forced: false };
    expect(effectiveContrast(null, none)).toBe(false);
    expect(effectiveContrast(null, { more: true, forced: false })).toBe(true);
    expect(effectiveContrast(null, { more: false, forced: true })).toBe(true);
    expect(effectiveContrast(true, none)).toBe(true);
    expect(effectiveContrast(false, { more: true, forced: false })).toBe(false);
  });
});
