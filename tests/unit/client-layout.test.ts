import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING } from '@wcb/shared';
import {
  CELL_PAD,
  cellAt,
  cellUnder,
  COLUMN_GAP,
  freeSlot,
  HEADER_H,
  layoutBoard,
  MIN_BODY_H,
  MIN_BODY_W,
  MIN_CROSS_BODY_H,
  NOTE_GAP,
  NOTE_H,
  NOTE_W,
  noteAtPointer,
  notePosition,
  ROW_GAP,
  toCellCoords,
} from '../../client/src/board-logic/layout';

const topics = ['government', 'community', 'ngos'];

describe('board layout', () => {
  it('lays empty topic columns side by side with the cross-cutting row spanning them below', () => {
    const layout = layoutBoard(topics, []);
    expect(layout.columns.map((c) => [c.topic, c.x])).toEqual([
      ['government', 0],
      ['community', MIN_BODY_W + COLUMN_GAP],
      ['ngos', 2 * (MIN_BODY_W + COLUMN_GAP)],
    ]);
    for (const c of layout.columns) expect(c).toMatchObject({ y: 0, width: MIN_BODY_W, height: HEADER_H + MIN_BODY_H, bodyY: HEADER_H });
    expect(layout.cross).toMatchObject({
      topic: CROSS_CUTTING,
      x: 0,
      y: HEADER_H + MIN_BODY_H + ROW_GAP,
      width: 3 * MIN_BODY_W + 2 * COLUMN_GAP,
      height: HEADER_H + MIN_CROSS_BODY_H,
    });
    expect(layout.bounds).toEqual({ x: 0, y: 0, width: layout.cross.width, height: layout.cross.y + layout.cross.height });
  });

  it('grows a column to fit its notes and shifts the columns to its right', () => {
    const layout = layoutBoard(topics, [{ topic: 'government', x: 900, y: 10 }]);
    const [gov, com] = layout.columns;
    expect(gov!.width).toBe(900 + NOTE_W + CELL_PAD);
    expect(com!.x).toBe(gov!.width + COLUMN_GAP);
  });

  it('gives all columns the height of the tallest one; the cross row grows on its own', () => {
    const layout = layoutBoard(topics, [
      { topic: 'community', x: 0, y: 1000 },
      { topic: CROSS_CUTTING, x: 0, y: 500 },
    ]);
    for (const c of layout.columns) expect(c.height).toBe(HEADER_H + 1000 + NOTE_H + CELL_PAD);
    expect(layout.cross.y).toBe(HEADER_H + 1000 + NOTE_H + CELL_PAD + ROW_GAP);
    expect(layout.cross.height).toBe(HEADER_H + 500 + NOTE_H + CELL_PAD);
  });

  it('widens the cross row past the columns when its notes need it', () => {
    const layout = layoutBoard(['a'], [{ topic: CROSS_CUTTING, x: 2000, y: 0 }]);
    expect(layout.cross.width).toBe(2000 + NOTE_W + CELL_PAD);
  });

  it('shows notes of an unknown topic in the cross-cutting row', () => {
    const layout = layoutBoard(topics, [{ topic: 'deleted-topic', x: 0, y: 700 }]);
    expect(layout.cross.height).toBe(HEADER_H + 700 + NOTE_H + CELL_PAD);
    expect(notePosition(layout, { topic: 'deleted-topic', x: 5, y: 6 })).toEqual({ x: 5, y: layout.cross.bodyY + 6 });
  });

  it('positions notes relative to their cell body, so moving a column carries its notes', () => {
    const before = layoutBoard(topics, []);
    const after = layoutBoard(['ngos', 'government', 'community'], []);
    const note = { topic: 'government', x: 30, y: 40 };
    expect(notePosition(before, note)).toEqual({ x: 30, y: HEADER_H + 40 });
    expect(notePosition(after, note)).toEqual({ x: MIN_BODY_W + COLUMN_GAP + 30, y: HEADER_H + 40 });
  });

  it('finds the cell under a point, or the nearest one from a gap or outside the board', () => {
    const layout = layoutBoard(topics, []);
    const [gov, com] = layout.columns;
    expect(cellAt(layout, { x: com!.x + 10, y: 100 }).topic).toBe('community');
    expect(cellAt(layout, { x: gov!.width + 2, y: 100 }).topic).toBe('government');
    expect(cellAt(layout, { x: 10, y: layout.cross.y + 20 }).topic).toBe(CROSS_CUTTING);
    expect(cellAt(layout, { x: 10, y: layout.bounds.height + 5000 }).topic).toBe(CROSS_CUTTING);
    expect(cellAt(layout, { x: -500, y: 50 }).topic).toBe('government');
  });

  it('finds only the cell strictly under a point', () => {
    const layout = layoutBoard(topics, []);
    const [gov] = layout.columns;
    expect(cellUnder(layout, { x: 10, y: 10 })?.topic).toBe('government');
    expect(cellUnder(layout, { x: 10, y: layout.cross.y + 1 })?.topic).toBe(CROSS_CUTTING);
    expect(cellUnder(layout, { x: gov!.width + 2, y: 100 })).toBeNull();
    expect(cellUnder(layout, { x: -1, y: 10 })).toBeNull();
  });

  it('converts board positions to cell coordinates, never above or left of the body', () => {
    const layout = layoutBoard(topics, []);
    const com = layout.columns[1]!;
    expect(toCellCoords(com, { x: com.x + 50.4, y: com.bodyY + 60.6 })).toEqual({ x: 50, y: 61 });
    expect(toCellCoords(com, { x: com.x - 30, y: 0 })).toEqual({ x: 0, y: 0 });
    expect(noteAtPointer(com, { x: com.x + 300, y: com.bodyY + 200 })).toEqual({ x: 300 - NOTE_W / 2, y: 200 - NOTE_H / 2 });
  });

  it('puts a new note in the first free slot, row by row', () => {
    const first = { x: CELL_PAD, y: CELL_PAD };
    const second = { x: CELL_PAD + NOTE_W + NOTE_GAP, y: CELL_PAD };
    const third = { x: CELL_PAD, y: CELL_PAD + NOTE_H + NOTE_GAP };
    expect(freeSlot([], MIN_BODY_W)).toEqual(first);
    expect(freeSlot([first], MIN_BODY_W)).toEqual(second);
    expect(freeSlot([first, second], MIN_BODY_W)).toEqual(third);
    // A note dropped loosely over the second slot keeps it taken.
    expect(freeSlot([first, { x: second.x + 30, y: 40 }], MIN_BODY_W)).toEqual(third);
    // A narrow cell still has one slot per row.
    expect(freeSlot([first], 10)).toEqual(third);
  });
});
