import { CROSS_CUTTING } from './records/note';

/**
 * Where notes may sit in a cell (a topic column or the cross-cutting row), as pure math every
 * peer computes alike. Notes have one fixed size; x,y are cell coordinates of the top-left corner.
 *
 * Two placements, for two causes of hidden notes:
 * - a new note (double-click, double-tap, "+") takes a free place near where it was asked for;
 * - notes that still end up on top of each other (two devices placing offline, merged) are spread
 *   apart when drawn (`displacements`): no write, so nothing conflicts, and every peer that holds
 *   the same notes draws them in the same places.
 */

export const NOTE_W = 200;
export const NOTE_H = 150;
export const CELL_PAD = 16;
export const NOTE_GAP = 16;
// An empty column holds two notes side by side before it grows.
export const MIN_BODY_W = CELL_PAD * 2 + NOTE_W * 2 + NOTE_GAP;

export type Spot = { x: number; y: number };

/** The cell a note is drawn in: its topic, or the cross-cutting row when that topic is gone. */
export const cellTopic = (topic: string, topics: ReadonlySet<string>): string => (topics.has(topic) ? topic : CROSS_CUTTING);

/** Boxes closer than NOTE_GAP count as touching: a free place keeps the gap. */
const crowds = (a: Spot, b: Spot): boolean =>
  a.x < b.x + NOTE_W + NOTE_GAP && b.x < a.x + NOTE_W + NOTE_GAP && a.y < b.y + NOTE_H + NOTE_GAP && b.y < a.y + NOTE_H + NOTE_GAP;

/**
 * The first free grid slot (row by row) in a cell of body width `width` that crowds none of
 * `taken`. Where a note goes when someone presses "+".
 */
export function freeSlot(taken: readonly Spot[], width: number): Spot {
  const perRow = Math.max(1, Math.floor((width - 2 * CELL_PAD + NOTE_GAP) / (NOTE_W + NOTE_GAP)));
  for (let row = 0; ; row++) {
    for (let col = 0; col < perRow; col++) {
      const slot = { x: CELL_PAD + col * (NOTE_W + NOTE_GAP), y: CELL_PAD + row * (NOTE_H + NOTE_GAP) };
      if (!taken.some((t) => crowds(slot, t))) return slot;
    }
  }
}

// The spiral walks half a note (plus half a gap) per step: fine enough to stay near the spot
// asked for, coarse enough that a crowded cell is searched in a few hundred tries.
const STEP_X = (NOTE_W + NOTE_GAP) / 2;
const STEP_Y = Math.round((NOTE_H + NOTE_GAP) / 2);
const MAX_RING = 12;

/**
 * Offsets of ring `r` around the origin, nearest first (distance in note sizes), ties by y then x.
 * Integer keys only, so every JavaScript engine walks the spiral in the same order.
 */
function ring(r: number): Spot[] {
  const out: { x: number; y: number; key: number }[] = [];
  for (let i = -r; i <= r; i++) {
    for (let j = -r; j <= r; j++) {
      // (i·STEP_X/NOTE_W)² + (j·STEP_Y/NOTE_H)², scaled by (NOTE_W·NOTE_H)² to stay whole.
      if (Math.max(Math.abs(i), Math.abs(j)) === r) out.push({ x: i * STEP_X, y: j * STEP_Y, key: (i * STEP_X * NOTE_H) ** 2 + (j * STEP_Y * NOTE_W) ** 2 });
    }
  }
  return out.sort((a, b) => a.key - b.key || a.y - b.y || a.x - b.x).map(({ x, y }) => ({ x, y }));
}
const RINGS = Array.from({ length: MAX_RING + 1 }, (_, r) => ring(r));

/**
 * The nearest place to `wanted` (a spiral, in a fixed order) that crowds none of `taken`, inside a
 * cell whose body is `width` wide (cells grow downwards, so only x is bounded). When the spiral
 * finds nothing, the first place below everything, which is always free.
 */
export function freePosition(taken: readonly Spot[], wanted: Spot, width: number, isFree = (p: Spot) => !taken.some((t) => crowds(p, t))): Spot {
  const maxX = Math.max(0, width - CELL_PAD - NOTE_W);
  const start = { x: Math.round(Math.min(Math.max(0, wanted.x), maxX)), y: Math.round(Math.max(0, wanted.y)) };
  for (const offsets of RINGS) {
    for (const o of offsets) {
      const p = { x: Math.round(start.x + o.x), y: Math.round(start.y + o.y) };
      if (p.x >= 0 && p.x <= maxX && p.y >= 0 && isFree(p)) return p;
    }
  }
  const bottom = Math.max(0, ...taken.map((t) => t.y + NOTE_H + NOTE_GAP));
  return { x: start.x, y: bottom };
}
