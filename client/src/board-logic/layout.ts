import { cellTopic, CELL_PAD, CROSS_CUTTING, makeSpreader, MIN_BODY_W, NOTE_GAP, NOTE_H, NOTE_W, type Placeable, type Spreader } from '@wcb/shared';
import type { Point, Rect } from './viewport';

/**
 * Board layout as plain math: topic columns side by side, the cross-cutting row spanning all of
 * them underneath. A note's x,y are relative to the top-left of its cell's body (the area under
 * the header), so reordering or widening columns carries their notes along. Cells grow to fit
 * their notes; all columns share one height so the row reads as a table.
 *
 * Notes have a fixed size (long text scrolls inside), which keeps layout independent of the DOM.
 */

// Note size, padding and gaps are the model's (shared/src/placement.ts): where notes may sit is
// decided there, alike on every peer.
export { CELL_PAD, cellTopic, freePosition, freeSlot, MIN_BODY_W, NOTE_GAP, NOTE_H, NOTE_W } from '@wcb/shared';
// Room for a topic label on two lines plus the add button.
export const HEADER_H = 64;
// Gaps between cells, so the columns read as separate areas even when they are full.
export const COLUMN_GAP = 16;
export const ROW_GAP = 24;
// An empty column holds 2×2 notes before it grows; the cross row starts one note tall.
export const MIN_BODY_H = CELL_PAD * 2 + NOTE_H * 2 + NOTE_GAP;
export const MIN_CROSS_BODY_H = CELL_PAD * 2 + NOTE_H;

export type NotePlacement = { topic: string; x: number; y: number };

export type Cell = Rect & {
  topic: string;
  /** Notes drawn in this cell. */
  count: number;
  /** Board y of the body's top edge (under the header); note coordinates start here and at `x`. */
  bodyY: number;
};

export type BoardLayout = {
  columns: Cell[];
  cross: Cell;
  cells: ReadonlyMap<string, Cell>;
  bounds: Rect;
  /** Notes drawn away from their stored place so that none hides another (shared `displacements`), by id. */
  shifted: ReadonlyMap<string, Point>;
};

const NO_SHIFTS: ReadonlyMap<string, Point> = new Map();

type Extent = { right: number; bottom: number; count: number };

function extents(topicIds: readonly string[], notes: Iterable<NotePlacement>): Map<string, Extent> {
  const known = new Set(topicIds);
  const out = new Map<string, Extent>();
  for (const n of notes) {
    const key = cellTopic(n.topic, known);
    const e = out.get(key) ?? { right: 0, bottom: 0, count: 0 };
    e.count++;
    e.right = Math.max(e.right, Math.max(0, n.x) + NOTE_W + CELL_PAD);
    e.bottom = Math.max(e.bottom, Math.max(0, n.y) + NOTE_H + CELL_PAD);
    out.set(key, e);
  }
  return out;
}

export function layoutBoard(topicIds: readonly string[], notes: Iterable<NotePlacement>, shifted: ReadonlyMap<string, Point> = NO_SHIFTS): BoardLayout {
  const ext = extents(topicIds, notes);
  const bodyH = Math.max(MIN_BODY_H, ...topicIds.map((id) => ext.get(id)?.bottom ?? 0));
  const columns: Cell[] = [];
  let x = 0;
  for (const topic of topicIds) {
    const width = Math.max(MIN_BODY_W, ext.get(topic)?.right ?? 0);
    columns.push({ topic, count: ext.get(topic)?.count ?? 0, x, y: 0, width, height: HEADER_H + bodyH, bodyY: HEADER_H });
    x += width + COLUMN_GAP;
  }
  const columnsWidth = Math.max(MIN_BODY_W, x - COLUMN_GAP);
  const crossExt = ext.get(CROSS_CUTTING);
  const crossY = topicIds.length ? HEADER_H + bodyH + ROW_GAP : 0;
  const cross: Cell = {
    topic: CROSS_CUTTING,
    count: crossExt?.count ?? 0,
    x: 0,
    y: crossY,
    width: Math.max(columnsWidth, crossExt?.right ?? 0),
    height: HEADER_H + Math.max(MIN_CROSS_BODY_H, crossExt?.bottom ?? 0),
    bodyY: crossY + HEADER_H,
  };
  const cells = new Map<string, Cell>(columns.map((c) => [c.topic, c]));
  cells.set(CROSS_CUTTING, cross);
  return { columns, cross, cells, bounds: { x: 0, y: 0, width: cross.width, height: cross.y + cross.height }, shifted };
}

/**
 * An ideas board: notes spread apart where they would hide each other, cells sized to where the
 * notes are drawn. `held` (a note being dragged) counts at its start, so nothing moves under the pointer.
 */
export function layoutNotes(
  topicIds: readonly string[],
  notes: readonly Placeable[],
  held?: { id: string; origin: NotePlacement } | null,
  // A canvas keeps one across layouts (see makeSpreader): a drag then costs a few box moves.
  spreader: Spreader = makeSpreader(),
): BoardLayout {
  // Field by field, not a spread: the notes may be store proxies, and reading a note's text here
  // would relayout the board on every keystroke.
  const at = held ? notes.map((n): Placeable => (n.id === held.id ? { id: n.id, createdAt: n.createdAt, stack: n.stack, phase: n.phase, ...held.origin } : n)) : notes;
  const shifted = spreader.displacements(at, topicIds);
  const drawn = at.map((n): NotePlacement => {
    // Not `...n`: spreading a store proxy reads (and tracks) every field, text included.
    const s = shifted.get(n.id);
    return { topic: n.topic, x: s ? s.x : n.x, y: s ? s.y : n.y };
  });
  return layoutBoard(topicIds, drawn, shifted.size ? shifted : NO_SHIFTS);
}

/** Board position of a note's top-left corner (where it is drawn, when it is spread from another). */
export function notePosition(layout: BoardLayout, note: NotePlacement & { id?: string }): Point {
  const cell = layout.cells.get(note.topic) ?? layout.cross;
  const at = (note.id !== undefined && layout.shifted.get(note.id)) || note;
  return { x: cell.x + at.x, y: cell.bodyY + at.y };
}

const distanceToRect = (r: Rect, p: Point): number =>
  Math.hypot(Math.max(r.x - p.x, 0, p.x - (r.x + r.width)), Math.max(r.y - p.y, 0, p.y - (r.y + r.height)));

/** The cell under a board point, or null in a gap or off the board. */
export function cellUnder(layout: BoardLayout, p: Point): Cell | null {
  for (const cell of layout.cells.values()) if (distanceToRect(cell, p) === 0) return cell;
  return null;
}

/** The cell under a board point, or the nearest one when the point is in a gap or off the board. */
export function cellAt(layout: BoardLayout, p: Point): Cell {
  let best = layout.cross;
  let bestDistance = distanceToRect(best, p);
  for (const cell of layout.columns) {
    const d = distanceToRect(cell, p);
    if (d < bestDistance) [best, bestDistance] = [cell, d];
  }
  return best;
}

/** Turns a board position of a note's top-left into coordinates inside `cell`, never above or left of its body. */
export function toCellCoords(cell: Cell, p: Point): Point {
  return { x: Math.max(0, Math.round(p.x - cell.x)), y: Math.max(0, Math.round(p.y - cell.bodyY)) };
}

/** Where a note created by double-clicking at board point `p` goes: centred on the pointer. */
export function noteAtPointer(cell: Cell, p: Point): Point {
  return toCellCoords(cell, { x: p.x - NOTE_W / 2, y: p.y - NOTE_H / 2 });
}

const samePoints = (a: ReadonlyMap<string, Point>, b: ReadonlyMap<string, Point>): boolean =>
  a === b || (a.size === b.size && [...a].every(([id, p]) => b.get(id)?.x === p.x && b.get(id)?.y === p.y));

const sameCell = (a: Cell, b: Cell): boolean =>
  a.topic === b.topic && a.count === b.count && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.bodyY === b.bodyY;

/** Two layouts with the same cells in the same places (a memo's `equals`: nothing to redraw). */
export function sameLayout(a: BoardLayout | undefined, b: BoardLayout): boolean {
  return !!a && a.columns.length === b.columns.length && a.columns.every((c, i) => sameCell(c, b.columns[i]!)) && sameCell(a.cross, b.cross) && samePoints(a.shifted, b.shifted);
}
