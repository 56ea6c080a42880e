import { describe, expect, it } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import type { Spotlight } from '@wcb/shared';
import { ZOOM_MAX, type Size, type Viewport } from '../../client/src/board/viewport';
import { createFollowViewport } from '../../client/src/sync/follow';
import { effectiveContrast } from '../../client/src/views/board/contrast';
import {
  followedZoom,
  keepCentre,
  keepLarge,
  largeViewportSetter,
  NOTE_TEXT_PX,
  PROJECTOR_MIN_TEXT_PX,
  PROJECTOR_MIN_ZOOM,
  projectorMinZoom,
  projectorOn,
} from '../../client/src/views/board/projector';

describe('projector view', () => {
  it('zooms so that note text reaches 24 px on screen, never a hair under', () => {
    expect(PROJECTOR_MIN_TEXT_PX).toBe(24);
    expect(NOTE_TEXT_PX * PROJECTOR_MIN_ZOOM).toBeGreaterThanOrEqual(24);
    // 24 / 17 = 1.4117…: rounded up, not to the nearest.
    expect(projectorMinZoom(17, 24)).toBe(1.42);
    expect(projectorMinZoom(24, 24)).toBe(1);
    expect(projectorMinZoom(30, 24)).toBe(0.8);
    // Tiny type cannot be blown past the board's own zoom limit.
    expect(projectorMinZoom(2, 24)).toBe(ZOOM_MAX);
    expect(projectorMinZoom(0, 24)).toBe(1);
  });

  it('raises a too small viewport about the board\'s top-left corner on screen, and leaves a large one alone', () => {
    const fitted: Viewport = { x: 100, y: 40, zoom: 0.5 };
    const large = keepLarge(fitted, 1.42);
    expect(large.zoom).toBe(1.42);
    // The screen origin shows the same board point before and after: reading starts top-left.
    expect(-large.x / large.zoom).toBeCloseTo(-fitted.x / fitted.zoom, 9);
    expect(-large.y / large.zoom).toBeCloseTo(-fitted.y / fitted.zoom, 9);
    const big: Viewport = { x: -300, y: 10, zoom: 2 };
    expect(keepLarge(big, 1.42)).toBe(big);
  });

  it('keeps the board point at the centre of the canvas when the canvas changes size', () => {
    const vp: Viewport = { x: -200, y: 50, zoom: 1.5 };
    const before = { width: 1000, height: 600 };
    const after = { width: 1000, height: 520 };
    const moved = keepCentre(vp, before, after);
    const centre = (v: Viewport, s: Size) => ({ x: (s.width / 2 - v.x) / v.zoom, y: (s.height / 2 - v.y) / v.zoom });
    expect(centre(moved, after)).toEqual(centre(vp, before));
    expect(keepCentre(vp, before, before)).toBe(vp);
  });

  it('lands a followed spotlight at the facilitator\'s zoom unless that is too small for the room', () => {
    expect(followedZoom(0.6, 1.42)).toBe(1.42);
    expect(followedZoom(2, 1.42)).toBe(2);
    expect(followedZoom(9, 1.42)).toBe(ZOOM_MAX);
  });

  it('is on for viewer links unless the person stepped out, and on request for anyone', () => {
    expect(projectorOn(null, 'viewer')).toBe(true);
    expect(projectorOn(null, 'participant')).toBe(false);
    expect(projectorOn(null, 'facilitator')).toBe(false);
    expect(projectorOn(false, 'viewer')).toBe(false);
    expect(projectorOn(true, 'participant')).toBe(true);
  });

  it('keeps every viewport set through it large while the floor is up (pan, pinch, fit alike)', () => {
    createRoot((dispose) => {
      const [vp, setVp] = createSignal<Viewport>({ x: 0, y: 0, zoom: 1 });
      const [floor, setFloor] = createSignal(1.42);
      const set = largeViewportSetter(setVp, floor);
      set({ x: 10, y: 20, zoom: 0.4 });
      expect(vp().zoom).toBe(1.42);
      set((prev) => ({ ...prev, zoom: 0.2 }));
      expect(vp().zoom).toBe(1.42);
      setFloor(0);
      set({ x: 10, y: 20, zoom: 0.4 });
      expect(vp()).toEqual({ x: 10, y: 20, zoom: 0.4 });
      dispose();
    });
  });

  it('shows the spotlight already sent when it opens, at a zoom large enough, without a click', () => {
    const [viewport, setViewport] = createSignal<Viewport>({ x: 0, y: 0, zoom: 1 });
    const [size, setSize] = createSignal<Size | null>(null);
    // The facilitator sent this before the projector opened, zoomed out to see the whole board.
    const [spotlight, setSpot] = createSignal<Spotlight | null>({ phaseId: 'ideal', viewport: { cx: 500, cy: 300, zoom: 0.5 }, seq: 4 });
    const source = { spotlight, following: () => true, viewPhase: () => 'ideal', canControl: () => false };
    const dispose = createRoot((d) => {
      createFollowViewport(source, viewport, setViewport, size, { minZoom: () => PROJECTOR_MIN_ZOOM, catchUp: () => true });
      return d;
    });
    setSize({ width: 1000, height: 800 });
    const z = PROJECTOR_MIN_ZOOM;
    expect(viewport()).toEqual({ x: 500 - 500 * z, y: 400 - 300 * z, zoom: z });
    // Later sends keep the facilitator's centre; a zoom above the floor is kept as sent.
    setSpot({ phaseId: 'ideal', viewport: { cx: 100, cy: 50, zoom: 2 }, seq: 5 });
    expect(viewport()).toEqual({ x: 500 - 200, y: 400 - 100, zoom: 2 });
    dispose();
  });

  it('applies the latest spotlight when the projector is switched on, not before', () => {
    const [viewport, setViewport] = createSignal<Viewport>({ x: 0, y: 0, zoom: 1 });
    const [size] = createSignal<Size | null>({ width: 1000, height: 800 });
    const [spotlight] = createSignal<Spotlight | null>({ phaseId: 'ideal', viewport: { cx: 500, cy: 300, zoom: 2 }, seq: 2 });
    const [projector, setProjector] = createSignal(false);
    const source = { spotlight, following: () => true, viewPhase: () => 'ideal', canControl: () => false };
    const dispose = createRoot((d) => {
      createFollowViewport(source, viewport, setViewport, size, { catchUp: projector });
      return d;
    });
    // A participant's board takes the spotlight present at opening as seen: it fits itself instead.
    expect(viewport()).toEqual({ x: 0, y: 0, zoom: 1 });
    setProjector(true);
    expect(viewport()).toEqual({ x: 500 - 1000, y: 400 - 600, zoom: 2 });
    dispose();
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
