/**
 * Pan and zoom as plain math. A viewport maps board coordinates (where notes live) to screen
 * coordinates inside the canvas element: screen = board * zoom + (x, y).
 * Everything here is pure so it can be unit-tested without a DOM.
 */

export type Point = { x: number; y: number };
export type Size = { width: number; height: number };
export type Rect = Point & Size;
export type Viewport = { x: number; y: number; zoom: number };

// 0.2 shows a whole packed board on a laptop; 3 makes one note fill a phone screen.
export const ZOOM_MIN = 0.2;
export const ZOOM_MAX = 3;
// One button press: four presses double or halve the zoom, fine enough to land on a comfortable size.
export const ZOOM_STEP = 1.25;
// Wheel deltas in pixels → zoom exponent. A trackpad pinch sends small deltas (1–10) and feels
// continuous; one mouse-wheel notch (~100) is capped below so it zooms about 35%, not 270%.
const WHEEL_ZOOM_SPEED = 0.01;
const WHEEL_ZOOM_MAX_DELTA = 30;
// DOM_DELTA_LINE is rare (Firefox with some mice); 16 px is one line of body text.
const LINE_HEIGHT_PX = 16;

export const IDENTITY: Viewport = { x: 0, y: 0, zoom: 1 };

export const clampZoom = (zoom: number): number => Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom));

export const toBoard = (vp: Viewport, p: Point): Point => ({ x: (p.x - vp.x) / vp.zoom, y: (p.y - vp.y) / vp.zoom });
export const toScreen = (vp: Viewport, p: Point): Point => ({ x: p.x * vp.zoom + vp.x, y: p.y * vp.zoom + vp.y });

export const panBy = (vp: Viewport, dx: number, dy: number): Viewport => ({ ...vp, x: vp.x + dx, y: vp.y + dy });

/** Sets the zoom while keeping the board point under `anchor` (screen) where it is. */
export function zoomTo(vp: Viewport, anchor: Point, zoom: number): Viewport {
  const next = clampZoom(zoom);
  const ratio = next / vp.zoom;
  return { zoom: next, x: anchor.x - (anchor.x - vp.x) * ratio, y: anchor.y - (anchor.y - vp.y) * ratio };
}

export const zoomBy = (vp: Viewport, anchor: Point, factor: number): Viewport => zoomTo(vp, anchor, vp.zoom * factor);

/** Wheel delta in pixels, whatever unit the browser reported it in. */
export function wheelPixels(delta: number, deltaMode: number, pageHeight: number): number {
  if (deltaMode === 1) return delta * LINE_HEIGHT_PX;
  if (deltaMode === 2) return delta * pageHeight;
  return delta;
}

/** Zoom factor for a ctrl/meta+wheel (or trackpad pinch) event; deltaY < 0 zooms in. */
export function wheelZoomFactor(deltaY: number): number {
  const d = Math.max(-WHEEL_ZOOM_MAX_DELTA, Math.min(WHEEL_ZOOM_MAX_DELTA, deltaY));
  return Math.exp(-d * WHEEL_ZOOM_SPEED);
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Two-finger gesture: the board point under the fingers' old midpoint follows their new midpoint,
 * and the zoom scales with the distance between them (pan and pinch in one step).
 */
export function pinch(vp: Viewport, from: readonly [Point, Point], to: readonly [Point, Point]): Viewport {
  const d0 = dist(from[0], from[1]);
  const d1 = dist(to[0], to[1]);
  const zoom = d0 > 0 ? clampZoom(vp.zoom * (d1 / d0)) : vp.zoom;
  const anchor = toBoard(vp, mid(from[0], from[1]));
  const m = mid(to[0], to[1]);
  return { zoom, x: m.x - anchor.x * zoom, y: m.y - anchor.y * zoom };
}

/**
 * Shows all of `content` centred in `view` with `padding` screen pixels around it. Zoom never goes
 * above `maxZoom`, so a nearly empty board is shown at its natural size rather than blown up.
 */
export function fit(content: Rect, view: Size, padding: number, maxZoom = 1): Viewport {
  const w = Math.max(1, view.width - 2 * padding);
  const h = Math.max(1, view.height - 2 * padding);
  const raw = Math.min(w / Math.max(1, content.width), h / Math.max(1, content.height));
  const zoom = Math.min(clampZoom(raw), Math.max(ZOOM_MIN, maxZoom));
  // Centre along an axis when the content fits; otherwise pin its start (column headers, first
  // column) to the padding, since that is where people start reading.
  const place = (viewLen: number, start: number, len: number): number =>
    len * zoom <= viewLen - 2 * padding ? (viewLen - len * zoom) / 2 - start * zoom : padding - start * zoom;
  return { zoom, x: place(view.width, content.x, content.width), y: place(view.height, content.y, content.height) };
}

// Fit never goes below this: note text of 10 px (17 × 0.6), small print still read on a laptop
// (three columns fit beside the facilitator's drawer at 1280 px); a bigger board is shown from its
// first column's header and panned, not shrunk to an unreadable mosaic of 20-33%.
export const FIT_MIN_ZOOM = 0.6;

/**
 * Fit for reading: all of `content` when that leaves it at least `minZoom`; otherwise its full
 * width (columns side by side) if that is readable, else `minZoom`, from the content's top-left
 * corner (the first column's header, where reading starts), with the rest a pan away. A board of
 * hundreds of notes is then shown as text, not as a mosaic at 20%.
 */
export function readableFit(content: Rect, view: Size, padding: number, maxZoom: number, minZoom: number): Viewport {
  const all = fit(content, view, padding, maxZoom);
  if (all.zoom + 1e-9 >= minZoom) return all;
  const width = Math.max(1, view.width - 2 * padding);
  const zoom = clampZoom(Math.max(minZoom, Math.min(maxZoom, width / Math.max(1, content.width))));
  const fitsAcross = content.width * zoom <= width + 1e-6;
  const x = fitsAcross ? (view.width - content.width * zoom) / 2 - content.x * zoom : padding - content.x * zoom;
  return { zoom, x, y: padding - content.y * zoom };
}

/** Ease-in-out (cubic) for t in [0, 1]; clamps outside. */
export function easeInOut(t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2;
}

/**
 * The viewport `t` of the way (0..1) from `a` to `b`. Zoom moves geometrically (each frame scales
 * by the same factor, as a pinch does); the offsets move linearly.
 */
export function interpolateViewport(a: Viewport, b: Viewport, t: number): Viewport {
  const u = Math.min(1, Math.max(0, t));
  if (u === 1) return { ...b };
  const zoom = a.zoom > 0 && b.zoom > 0 ? a.zoom * (b.zoom / a.zoom) ** u : a.zoom + (b.zoom - a.zoom) * u;
  return { zoom, x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u };
}

/** The board point at the centre of a canvas of `size` (what the facilitator sends when following). */
export const centreOf = (vp: Viewport, size: Size): Point => toBoard(vp, { x: size.width / 2, y: size.height / 2 });

/** The viewport that shows board point `centre` at the middle of a canvas of `size`, at `zoom`. */
export function centredOn(centre: Point, zoom: number, size: Size): Viewport {
  const z = clampZoom(zoom);
  return { zoom: z, x: size.width / 2 - centre.x * z, y: size.height / 2 - centre.y * z };
}
