import { createMemo, type Accessor } from 'solid-js';
import type { Viewport } from '../../board/viewport';

// The dot grid's spacing in board units: a quiet texture that shows panning and zoom.
const GRID = 24;

type Style = Record<string, string>;
export type WorldLayers = { grid: Accessor<Style>; pan: Accessor<Style>; world: Accessor<Style>; zoom: Accessor<number> };

/**
 * How the viewport is drawn, as three layers, so that a pan moves pixels already drawn:
 *
 * - the world (cells and notes) takes `translate · scale` of an anchor viewport;
 * - around it, the pan layer, composited at all times (canvas.css), takes what the viewport has
 *   moved since the anchor. While a gesture pans (`gesture()`), the anchor stays put and each step
 *   only moves the pan layer: no repaint, no re-layering of thousands of notes. When the gesture
 *   ends, or the zoom changes, the anchor catches up with the viewport and the pan layer is back
 *   at 0, so at rest the world's transform is the whole viewport. (A composited world would be
 *   rastered once per zoom and drawn blurred when zoomed in; the pan layer only ever translates.)
 * - the dot grid, a layer of its own one grid step larger than the canvas, moves by less than a
 *   step: its dots are drawn once per zoom, not on every pan step.
 */
export function createWorldLayers(viewport: Accessor<Viewport>, gesture: Accessor<boolean>): WorldLayers {
  const anchor = createMemo<Viewport>((was) => {
    const vp = viewport();
    return gesture() && was && was.zoom === vp.zoom ? was : vp;
  });
  const grid = () => {
    const vp = viewport();
    const step = GRID * vp.zoom;
    const shift = (v: number) => (((v % step) + step) % step) - step;
    return { 'background-size': `${step}px ${step}px`, transform: `translate(${shift(vp.x)}px, ${shift(vp.y)}px)` };
  };
  const pan = () => {
    const vp = viewport();
    const a = anchor();
    return { transform: `translate(${vp.x - a.x}px, ${vp.y - a.y}px)` };
  };
  const world = () => {
    const a = anchor();
    return { transform: `translate(${a.x}px, ${a.y}px) scale(${a.zoom})` };
  };
  return { grid, pan, world, zoom: () => anchor().zoom };
}
