import { describe, expect, it } from 'vitest';
import {
  clampZoom,
  fit,
  panBy,
  pinch,
  readableFit,
  toBoard,
  toScreen,
  wheelPixels,
  wheelZoomFactor,
  zoomBy,
  zoomTo,
  ZOOM_MAX,
  ZOOM_MIN,
  type Viewport,
} from '../../client/src/board-logic/viewport';

const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 6);
  expect(a.y).toBeCloseTo(b.y, 6);
};

describe('viewport', () => {
  const vp: Viewport = { x: 40, y: -20, zoom: 1.5 };

  it('board and screen coordinates are inverse of each other', () => {
    const p = { x: 123, y: -45 };
    close(toBoard(vp, toScreen(vp, p)), p);
    close(toScreen(vp, { x: 0, y: 0 }), { x: 40, y: -20 });
  });

  it('pans by screen pixels', () => {
    expect(panBy(vp, 10, -5)).toEqual({ x: 50, y: -25, zoom: 1.5 });
  });

  it('zooming keeps the board point under the anchor in place', () => {
    const anchor = { x: 300, y: 200 };
    const before = toBoard(vp, anchor);
    const next = zoomBy(vp, anchor, 2);
    expect(next.zoom).toBe(3);
    close(toBoard(next, anchor), before);
  });

  it('clamps zoom to its limits, still around the anchor', () => {
    expect(clampZoom(100)).toBe(ZOOM_MAX);
    expect(clampZoom(0)).toBe(ZOOM_MIN);
    const anchor = { x: 10, y: 10 };
    const next = zoomTo(vp, anchor, 0.01);
    expect(next.zoom).toBe(ZOOM_MIN);
    close(toBoard(next, anchor), toBoard(vp, anchor));
  });

  it('wheel: negative delta zooms in, a mouse notch is capped, units are normalised', () => {
    expect(wheelZoomFactor(-10)).toBeGreaterThan(1);
    expect(wheelZoomFactor(10)).toBeLessThan(1);
    expect(wheelZoomFactor(1000)).toBeCloseTo(wheelZoomFactor(30));
    expect(wheelZoomFactor(-1000)).toBeLessThan(1.5);
    expect(wheelPixels(3, 1, 800)).toBe(48);
    expect(wheelPixels(1, 2, 800)).toBe(800);
    expect(wheelPixels(7, 0, 800)).toBe(7);
  });

  it('pinch: spreading the fingers zooms, the midpoint carries the board along', () => {
    const from = [{ x: 100, y: 100 }, { x: 200, y: 100 }] as const;
    const to = [{ x: 80, y: 130 }, { x: 280, y: 130 }] as const;
    const next = pinch(vp, from, to);
    expect(next.zoom).toBeCloseTo(3);
    // The board point that was under the old midpoint is now under the new one.
    close(toScreen(next, toBoard(vp, { x: 150, y: 100 })), { x: 180, y: 130 });
  });

  it('pinch with both fingers on one spot only pans', () => {
    const p = { x: 50, y: 50 };
    const next = pinch(vp, [p, p], [{ x: 60, y: 50 }, { x: 60, y: 50 }]);
    expect(next.zoom).toBe(vp.zoom);
  });

  it('fit centres content that fits, never above maxZoom', () => {
    const small = fit({ x: 0, y: 0, width: 100, height: 50 }, { width: 1000, height: 500 }, 20, 1);
    expect(small.zoom).toBe(1);
    expect(small).toEqual({ zoom: 1, x: 450, y: 225 });
  });

  it('fit scales large content down and pins it to the padding on the tight axis', () => {
    const next = fit({ x: 0, y: 0, width: 2000, height: 500 }, { width: 1040, height: 800 }, 20);
    expect(next.zoom).toBeCloseTo(0.5);
    expect(next.x).toBeCloseTo(20);
    expect(next.y).toBeCloseTo((800 - 250) / 2);
  });

  it('fit pins the top when even the minimum zoom cannot show everything', () => {
    const next = fit({ x: 0, y: 0, width: 100, height: 100_000 }, { width: 800, height: 600 }, 10);
    expect(next.zoom).toBe(ZOOM_MIN);
    expect(next.y).toBe(10);
  });

  it('readable fit shows everything when that is readable', () => {
    const all = fit({ x: 0, y: 0, width: 1376, height: 666 }, { width: 1280, height: 600 }, 32, 1.25);
    expect(readableFit({ x: 0, y: 0, width: 1376, height: 666 }, { width: 1280, height: 600 }, 32, 1.25, 0.65)).toEqual(all);
  });

  it('readable fit keeps the columns across and the headers on top when the whole would be too small', () => {
    // Three columns of many notes: fitting it all would be 20%.
    const content = { x: 0, y: 0, width: 1376, height: 4000 };
    const next = readableFit(content, { width: 1280, height: 600 }, 32, 1.25, 0.65);
    expect(next.zoom).toBeCloseTo((1280 - 64) / 1376, 6);
    expect(next.y).toBe(32);
    expect(next.x).toBeCloseTo((1280 - 1376 * next.zoom) / 2, 6);
  });

  it('readable fit stops at its floor and starts at the first column when even the width would be too small', () => {
    const next = readableFit({ x: 0, y: 0, width: 5000, height: 4000 }, { width: 1280, height: 600 }, 32, 1.25, 0.65);
    expect(next).toEqual({ zoom: 0.65, x: 32, y: 32 });
  });
});
