import { describe, expect, it } from 'vitest';
import { CULL_MIN_NOTES, detailedNotes, MIN_READABLE_PX, NOTE_TEXT_PX, showsDetail } from '../../client/src/board/visible-notes';
import { layoutBoard, sameLayout } from '../../client/src/board/layout';
import type { Point } from '../../client/src/board/viewport';

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

describe('layout identity', () => {
  it('a note moving inside its cell leaves the layout the same; one growing the cell does not', () => {
    const a = layoutBoard(['t1', 't2'], [{ topic: 't1', x: 16, y: 16 }]);
    expect(sameLayout(a, layoutBoard(['t1', 't2'], [{ topic: 't1', x: 40, y: 30 }]))).toBe(true);
    expect(sameLayout(a, layoutBoard(['t1', 't2'], [{ topic: 't1', x: 900, y: 30 }]))).toBe(false);
    expect(sameLayout(a, layoutBoard(['t1', 't2'], [{ topic: 't2', x: 16, y: 16 }]))).toBe(false);
    expect(sameLayout(undefined, a)).toBe(false);
  });
});
