import { resolveHeads } from './clusters';
import { cellTopic, CELL_PAD, freePosition, MIN_BODY_W, NOTE_GAP, NOTE_H, NOTE_W, type Spot } from './placement';
import type { Note } from './records/note';

/**
 * Notes on top of each other, spread apart when drawn. Two devices offline can place notes at the
 * same spot (or move one onto another); after the merge one would hide the other. Instead of
 * writing a fix (which two peers could write differently, at the same time), every peer computes
 * the same display positions from the same notes: a pure function of the merged state.
 *
 * Notes are drawn in creation order (createdAt, then id), a later one on top. Taken in that order,
 * a note stays where it was put unless it would leave a note under it less than half visible
 * (sampled at a 4×4 grid of points); then it is drawn at the nearest free place in its cell.
 * A note stacked onto another is drawn hidden under its head on purpose and is left out.
 */

export type Placeable = Pick<Note, 'id' | 'topic' | 'x' | 'y' | 'createdAt' | 'stack' | 'phase'>;

const SAMPLES = 4;
const ALL_POINTS = (1 << (SAMPLES * SAMPLES)) - 1;
// At least half of a note's sample points stay uncovered by the notes drawn above it.
const MIN_VISIBLE = (SAMPLES * SAMPLES) / 2;

const overlaps = (a: Spot, b: Spot): boolean => a.x < b.x + NOTE_W && b.x < a.x + NOTE_W && a.y < b.y + NOTE_H && b.y < a.y + NOTE_H;

/** The sample points of a note at `under` that a note at `over` covers, as a bit mask. */
function coverMask(under: Spot, over: Spot): number {
  let mask = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const sx = under.x + (NOTE_W * (2 * i + 1)) / (2 * SAMPLES);
    if (sx < over.x || sx >= over.x + NOTE_W) continue;
    for (let j = 0; j < SAMPLES; j++) {
      const sy = under.y + (NOTE_H * (2 * j + 1)) / (2 * SAMPLES);
      if (sy >= over.y && sy < over.y + NOTE_H) mask |= 1 << (i * SAMPLES + j);
    }
  }
  return mask;
}

const visiblePoints = (mask: number): number => {
  let n = 0;
  for (let m = ~mask & ALL_POINTS; m; m &= m - 1) n++;
  return n;
};

const crowds = (a: Spot, b: Spot): boolean =>
  a.x < b.x + NOTE_W + NOTE_GAP && b.x < a.x + NOTE_W + NOTE_GAP && a.y < b.y + NOTE_H + NOTE_GAP && b.y < a.y + NOTE_H + NOTE_GAP;

// Buckets of a uniform grid, so a crowded cell of thousands of notes checks only its neighbours.
// Numeric keys and a visit stamp instead of strings and sets: this runs on every layout.
const BUCKET_W = 256;
const BUCKET_H = 192;
const ROW = 1 << 16;
type Box = Spot & { id: string; covered: number; seen: number };

class BoxIndex {
  private buckets = new Map<number, Box[]>();
  private stamp = 0;
  /** Each box is filed under every bucket its box-plus-gap reaches, so crowding pairs share one. */
  private each(p: Spot, fn: (key: number) => void): void {
    const x1 = Math.floor((p.x + NOTE_W + NOTE_GAP) / BUCKET_W);
    const y1 = Math.floor((p.y + NOTE_H + NOTE_GAP) / BUCKET_H);
    for (let bx = Math.floor(p.x / BUCKET_W); bx <= x1; bx++) for (let by = Math.floor(p.y / BUCKET_H); by <= y1; by++) fn(bx * ROW + by);
  }
  add(box: Box): void {
    this.each(box, (k) => {
      const list = this.buckets.get(k);
      if (list) list.push(box);
      else this.buckets.set(k, [box]);
    });
  }
  remove(box: Box): void {
    this.each(box, (k) => {
      const list = this.buckets.get(k);
      const at = list ? list.indexOf(box) : -1;
      if (at >= 0) list!.splice(at, 1);
    });
  }
  /** Every box crowding (overlapping or within the gap of) a note at `p`, each once. */
  near(p: Spot): Box[] {
    const out: Box[] = [];
    const stamp = ++this.stamp;
    this.each(p, (k) => {
      for (const b of this.buckets.get(k) ?? []) {
        if (b.seen !== stamp && crowds(b, p)) {
          b.seen = stamp;
          out.push(b);
        }
      }
    });
    return out;
  }
}

/** One cell's notes, in drawing order: the display position of each one that moves. */
function spreadCell(notes: readonly Placeable[], out: Map<string, Spot>): void {
  const width = Math.max(MIN_BODY_W, ...notes.map((n) => Math.max(0, n.x) + NOTE_W + CELL_PAD));
  const placed = new BoxIndex();
  // Where the notes not yet taken stand: a moved note does not land on one of them either.
  const waiting = new BoxIndex();
  const stored = new Map(notes.map((n) => [n.id, box(n)]));
  for (const b of stored.values()) waiting.add(b);
  const all: Spot[] = [];
  for (const n of notes) {
    waiting.remove(stored.get(n.id)!);
    const want = { x: n.x, y: n.y };
    const under = placed.near(want).filter((b) => overlaps(b, want));
    const masks = under.map((b) => b.covered | coverMask(b, want));
    const hides = masks.some((m) => visiblePoints(m) < MIN_VISIBLE);
    const free = (p: Spot) => placed.near(p).length === 0 && waiting.near(p).length === 0;
    const at = hides ? freePosition(all, want, width, free) : want;
    if (!hides) under.forEach((b, i) => (b.covered = masks[i]!));
    else out.set(n.id, at);
    placed.add({ ...at, id: n.id, covered: 0, seen: 0 });
    all.push(at);
  }
}

const box = (n: Placeable): Box => ({ x: n.x, y: n.y, id: n.id, covered: 0, seen: 0 });

/**
 * What the spreader remembers of a cell: its notes as last seen (drawing order), where each stands
 * (an index of boxes), and whether any two overlap at all. Without an overlap nothing is spread.
 */
type CellMemo = {
  /** Copies, not the notes: a note may be a live store proxy that already reads its new place. */
  ids: readonly string[];
  created: readonly number[];
  boxes: BoxIndex;
  byId: Map<string, Box>;
  overlapping: boolean;
  out: Map<string, Spot>;
};

// Past this many notes changed at once, comparing box by box costs more than starting over.
const INCREMENTAL_CHANGES = 4;

function anyOverlap(boxes: BoxIndex, notes: readonly Placeable[], byId: Map<string, Box>): boolean {
  return notes.some((n) => boxes.near(n).some((b) => b !== byId.get(n.id) && overlaps(b, n)));
}

function freshMemo(notes: readonly Placeable[]): CellMemo {
  const boxes = new BoxIndex();
  const byId = new Map<string, Box>();
  for (const n of notes) {
    const b = box(n);
    byId.set(n.id, b);
    boxes.add(b);
  }
  const overlapping = anyOverlap(boxes, notes, byId);
  const out = new Map<string, Spot>();
  if (overlapping) spreadCell(notes, out);
  return { ids: notes.map((n) => n.id), created: notes.map((n) => n.createdAt), boxes, byId, overlapping, out };
}

/**
 * The same notes in the same order as `memo`, a few of them moved: their boxes are moved in the
 * index, and if none overlaps another and none did before, nothing is spread (no full pass).
 * Null when that cannot be told cheaply: the caller starts over.
 */
function movedOnly(memo: CellMemo, notes: readonly Placeable[]): CellMemo | null {
  if (memo.overlapping || memo.ids.length !== notes.length) return null;
  const moved: Placeable[] = [];
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i]!;
    if (memo.ids[i] !== n.id || memo.created[i] !== n.createdAt) return null;
    const b = memo.byId.get(n.id)!;
    if (b.x !== n.x || b.y !== n.y) {
      moved.push(n);
      if (moved.length > INCREMENTAL_CHANGES) return null;
    }
  }
  for (const n of moved) {
    const b = memo.byId.get(n.id)!;
    memo.boxes.remove(b);
    b.x = n.x;
    b.y = n.y;
    memo.boxes.add(b);
  }
  return anyOverlap(memo.boxes, moved, memo.byId) ? null : memo;
}

const drawingOrder = (a: Placeable, b: Placeable): number => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Notes usually come in creation order already: checking is cheaper than sorting. */
const inDrawingOrder = (notes: readonly Placeable[]): boolean => notes.every((n, i) => i === 0 || drawingOrder(notes[i - 1]!, n) < 0);

function cellsOf(notes: readonly Placeable[], topics: readonly string[]): Map<string, Placeable[]> {
  const known = new Set(topics);
  // Most boards stack nothing: then every note is its own head.
  const heads = notes.some((n) => n.stack) ? resolveHeads(notes) : null;
  const cells = new Map<string, Placeable[]>();
  for (const n of notes) {
    if (heads && (heads.get(n.id) ?? n.id) !== n.id) continue;
    const key = cellTopic(n.topic, known);
    const cell = cells.get(key);
    if (cell) cell.push(n);
    else cells.set(key, [n]);
  }
  for (const cell of cells.values()) if (!inDrawingOrder(cell)) cell.sort(drawingOrder);
  return cells;
}

/**
 * Display positions (cell coordinates) of the notes that must be drawn elsewhere than stored, by
 * id. `topics` are the board's topic ids: a note of a deleted topic is drawn in the cross row.
 */
export function displacements(notes: readonly Placeable[], topics: readonly string[]): Map<string, Spot> {
  return makeSpreader().displacements(notes, topics);
}

export type Spreader = { displacements(notes: readonly Placeable[], topics: readonly string[]): Map<string, Spot> };

/**
 * `displacements` for a board that changes a little at a time: it remembers each cell, so a
 * note dragged on a board where nothing overlaps costs a few box moves, not a pass over every
 * note (a remote drag relayouts the board 20 times a second). Same answers as `displacements`.
 */
export function makeSpreader(): Spreader {
  let memos = new Map<string, CellMemo>();
  return {
    displacements(notes, topics) {
      const next = new Map<string, CellMemo>();
      const out = new Map<string, Spot>();
      for (const [key, cell] of [...cellsOf(notes, topics)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const before = memos.get(key);
        const memo = (before && movedOnly(before, cell)) ?? freshMemo(cell);
        next.set(key, memo);
        for (const [id, at] of memo.out) out.set(id, at);
      }
      memos = next;
      return out;
    },
  };
}
