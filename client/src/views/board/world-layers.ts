import { createMemo, type Accessor } from 'solid-js';
import type { Rect, Size, Viewport } from '../../board-logic/viewport';

// The dot grid's spacing in board units: a quiet texture that shows panning and zoom.
const GRID = 24;
// The grid reaches this many canvas sizes beyond each edge of the canvas, so a pan gesture that
// travels less than that finds dots already there (only what comes into view is rastered).
const GRID_REACH = 3;

type Style = Record<string, string>;
export type WorldLayers = { grid: Accessor<Style>; pan: Accessor<Style>; world: Accessor<Style>; zoom: Accessor<number> };

/**
 * How the viewport is drawn, so that a pan moves pixels already drawn:
 *
 * - the world (cells and notes) takes `translate · scale` of an anchor viewport;
 * - around it, the pan layer, composited at all times (canvas.css), takes what the viewport has
 *   moved since the anchor. While a gesture pans (`gesture()`), the anchor stays put and each step
 *   only moves the pan layer: no repaint, no re-layering of thousands of notes. When the gesture
 *   ends, or the zoom changes, the anchor catches up with the viewport and the pan layer is back
 *   at 0, so at rest the world's transform is the whole viewport. (A composited world would be
 *   rastered once per zoom and drawn blurred when zoomed in; the pan layer only ever translates.)
 * - the dot grid lies in the pan layer under the world, aligned with the anchor, over the whole
 *   board and well past the canvas: a pan step moves it with the rest. Covering the board, it
 *   also makes the layer's content one solid block: the browser does not merge content spread
 *   thin over a large area into one layer, and split the columns and the cards over them into
 *   dozens of layers, all re-layered on every frame.
 */
export function createWorldLayers(viewport: Accessor<Viewport>, gesture: Accessor<boolean>, size: Accessor<Size | null>, board: Accessor<Rect>): WorldLayers {
  const anchor = createMemo<Viewport>((was) => {
    const vp = viewport();
    return gesture() && was && was.zoom === vp.zoom ? was : vp;
  });
  const grid = () => {
    const a = anchor();
    const s = size() ?? { width: 0, height: 0 };
    const b = board();
    const step = GRID * a.zoom;
    // The canvas and its reach, and the whole board as the anchor draws it, in pan-layer pixels.
    const left = Math.min(-GRID_REACH * s.width, a.x + b.x * a.zoom);
    const top = Math.min(-GRID_REACH * s.height, a.y + b.y * a.zoom);
    const right = Math.max((GRID_REACH + 1) * s.width, a.x + (b.x + b.width) * a.zoom);
    const bottom = Math.max((GRID_REACH + 1) * s.height, a.y + (b.y + b.height) * a.zoom);
    // Tiles start at the board's origin and every step from it, as the canvas shows the anchor.
    const phase = (v: number, from: number) => (((v - from) % step) + step) % step;
    return {
      left: `${left}px`,
      top: `${top}px`,
      width: `${right - left}px`,
      height: `${bottom - top}px`,
      'background-size': `${step}px ${step}px`,
      'background-position': `${phase(a.x, left)}px ${phase(a.y, top)}px`,
    };
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
