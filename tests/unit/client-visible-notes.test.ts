import { describe, expect, it } from 'vitest';
import { CULL_MIN_NOTES, detailedNotes, MIN_READABLE_PX, NOTE_TEXT_PX, showsDetail, stillCovered } from '../../client/src/board-logic/visible-notes';
import { layoutBoard, NOTE_H, NOTE_W, sameLayout } from '../../client/src/board-logic/layout';
import type { Point } from '../../client/src/board-logic/viewport';

const screen = { width: 1000, height: 800 };
const grid = (count: number): Map<string, Point> => {
  const out = new Map<string, Point>();
  for (let i = 0; i < count; i++) out.set(`n${i}`, { x: (i % 20) * 220, y: Math.floor(i / 20) * 170 });
  return out;
};

describe('level of detail on the board', () => {
  it('draws cards only where note text is large enough to read', () => {
    const threshold = MIN_READABLE_PX / NOTE_TEXT_PX;
    expect(showsDetail(threshold)).toBe(true);
    expect(showsDetail(threshold * 0.99)).toBe(false);
    expect(showsDetail(1)).toBe(true);
    expect(showsDetail(0.2)).toBe(false);
  });

  it('a zoomed-out board draws every note as a chip, whatever its size', () => {
    expect(detailedNotes(grid(10), { x: 0, y: 0, zoom: 0.2 }, screen).size).toBe(0);
    expect(detailedNotes(grid(5000), { x: 0, y: 0, zoom: 0.2 }, screen).size).toBe(0);
  });

  it('a small board zoomed in draws every note as a card, even off screen', () => {
    const notes = grid(CULL_MIN_NOTES - 1);
    expect(detailedNotes(notes, { x: -50_000, y: -50_000, zoom: 1 }, screen).size).toBe(notes.size);
  });

  it('a large board zoomed in draws cards on screen and a margin around it, chips beyond', () => {
    const notes = grid(2000);
    const shown = detailedNotes(notes, { x: 0, y: 0, zoom: 1 }, screen);
    // On screen: the first row's first notes, and the margin's (three quarters of a screen) too.
    expect(shown.has('n0')).toBe(true);
    expect(shown.has('n5')).toBe(true); // x 1100: inside the right margin (1000 + 750)
    expect(shown.has('n8')).toBe(false); // x 1760: past it
    expect(shown.has('n1999')).toBe(false);
    expect(shown.size).toBeLessThan(notes.size / 10);
    // Panned to the far end, the cards follow.
    const far = detailedNotes(notes, { x: -3000, y: -16_000, zoom: 1 }, screen);
    expect(far.has('n1999')).toBe(true);
    expect(far.has('n0')).toBe(false);
  });

  it('before the canvas is measured a small board is drawn in full, a large one as chips', () => {
    expect(detailedNotes(grid(10), { x: 0, y: 0, zoom: 1 }, null).size).toBe(10);
    expect(detailedNotes(grid(2000), { x: 0, y: 0, zoom: 1 }, null).size).toBe(0);
  });
});

describe('keeping the drawn cards while panning', () => {
  it('keeps them until the screen has travelled half the margin, and never across a zoom', () => {
    const at = { x: 0, y: 0, zoom: 1 };
    // The margin is three quarters of a screen (1000 × 800 here): half of it is 375 × 300 px.
    expect(stillCovered(at, { x: -360, y: -240, zoom: 1 }, screen)).toBe(true);
    expect(stillCovered(at, { x: 375, y: 300, zoom: 1 }, screen)).toBe(true);
    expect(stillCovered(at, { x: -380, y: 0, zoom: 1 }, screen)).toBe(false);
    expect(stillCovered(at, { x: 0, y: 301, zoom: 1 }, screen)).toBe(false);
    expect(stillCovered(at, { x: 0, y: 0, zoom: 1.1 }, screen)).toBe(false);
  });

  it('the cards kept after half a margin of panning still cover the whole screen', () => {
    const notes = grid(2000);
    const anchor = { x: -1000, y: -4000, zoom: 1 };
    const kept = detailedNotes(notes, anchor, screen);
    const panned = { x: anchor.x - 375, y: anchor.y - 300, zoom: 1 };
    // Every note on screen after the pan is among the cards computed before it.
    const left = -panned.x;
    const top = -panned.y;
    const onScreen = [...notes].filter(([, p]) => p.x + NOTE_W > left && p.x < left + screen.width && p.y + NOTE_H > top && p.y < top + screen.height);
    expect(onScreen.length).toBeGreaterThan(0);
    expect(onScreen.every(([id]) => kept.has(id))).toBe(true);
  });
});

describe('layout identity', () => {
  it('a note moving inside its cell leaves the layout the same; one growing the cell does not', () => {
    const a = layoutBoard(['t1', 't2'], [{ topic: 't1', x: 16, y: 16 }]);
    expect(sameLayout(a, layoutBoard(['t1', 't2'], [{ topic: 't1', x: 40, y: 30 }]))).toBe(true);
    expect(sameLayout(a, layoutBoard(['t1', 't2'], [{ topic: 't1', x: 900, y: 30 }]))).toBe(false);
    expect(sameLayout(a, layoutBoard(['t1', 't2'], [{ topic: 't2', x: 16, y: 16 }]))).toBe(false);
    expect(sameLayout(undefined, a)).toBe(false);
  });
});
