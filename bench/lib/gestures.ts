import type { CDPSession, Page } from 'playwright-core';
import { summarize } from './stats';

// Headless Chromium paces frames at 60 Hz from a software timer; a mouse reports at about that rate.
const VSYNC_MS = 1000 / 60;

/**
 * A frame lasts a whole number of display refreshes: a delta of 16.8 ms is one on-time frame plus
 * the software vsync timer's jitter, 33.4 ms one dropped frame. Snapping keeps that jitter from
 * reading as a missed target while every dropped frame still counts in full.
 */
export const snapToRefresh = (deltaMs: number): number => Math.max(1, Math.round(deltaMs / VSYNC_MS)) * VSYNC_MS;

type Point = { x: number; y: number };
/** A straight mouse stroke: pressed at `from`, then `steps` moves of `step` pixels, then released. */
export type Stroke = { from: Point; step: Point; steps: number };

const until = async (at: number): Promise<void> => {
  const wait = at - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
};

/**
 * Plays `stroke` as a real mouse does: one move every 16.7 ms of wall-clock time, whether or not
 * the page kept up. The moves are sent through CDP and not awaited one by one (Playwright's
 * page.mouse waits for each, so a slow page slowed the input down to its own pace and every frame
 * read 16.7 ms); Chromium coalesces the moves the page cannot take, as it does for a real mouse.
 */
export async function playStroke(cdp: CDPSession, stroke: Stroke): Promise<void> {
  const { from, step, steps } = stroke;
  const send = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', at: Point, pressed: boolean) =>
    cdp.send('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: pressed || type !== 'mouseMoved' ? 'left' : 'none', buttons: pressed ? 1 : 0, clickCount: type === 'mouseMoved' ? 0 : 1 });
  const at = (i: number): Point => ({ x: from.x + i * step.x, y: from.y + i * step.y });
  // Hover and press as a person does before moving: these two are awaited.
  await send('mouseMoved', from, false);
  await send('mousePressed', from, true);
  const sent: Promise<unknown>[] = [];
  const start = performance.now();
  for (let i = 1; i <= steps; i++) {
    await until(start + i * VSYNC_MS);
    sent.push(send('mouseMoved', at(i), true));
  }
  await until(start + (steps + 1) * VSYNC_MS);
  sent.push(send('mouseReleased', at(steps), false));
  await Promise.all(sent);
}

/**
 * Installed before a gesture: records every requestAnimationFrame time, and the page's own time
 * of the gesture's pointerdown and pointerup (when the page handled them). A string, not a
 * function: tsx would wrap named inner functions in a helper the page lacks.
 */
const RECORDER = `(() => {
  const g = { frames: [], start: null, end: null, stop: false };
  window.__gesture = g;
  const tick = (t) => {
    g.frames.push(t);
    if (!g.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener('pointerdown', () => { g.start = performance.now(); }, { capture: true, once: true });
  addEventListener('pointerup', () => { g.end = performance.now(); }, { capture: true, once: true });
})()`;

export type GestureFrames = { fps: number; p95: number; frames: number; ms: number; cpuPerFrame: number };

/** CPU seconds the page's main thread has used so far (CDP Performance, ThreadTime). */
async function mainThreadCpu(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
}

/**
 * Frames while the page handled `stroke`: fps is the frames drawn between its pointerdown and
 * pointerup over that time; p95 is over the frame intervals that overlap it (rAF deltas snapped
 * to whole refreshes), so a long frame at either end counts. cpuPerFrame is the CPU time of the
 * page's main thread over the stroke, per 60 Hz frame of it: what the page asked of the machine,
 * which a loaded machine stretches far less than the wall-clock figures.
 */
export async function strokeFrames(page: Page, cdp: CDPSession, stroke: Stroke): Promise<GestureFrames> {
  await cdp.send('Performance.enable');
  await page.evaluate(RECORDER);
  const cpu0 = await mainThreadCpu(cdp);
  await playStroke(cdp, stroke);
  await page.waitForFunction('window.__gesture.end !== null', undefined, { polling: 'raf', timeout: 60_000 });
  const cpu = (await mainThreadCpu(cdp)) - cpu0;
  const g = (await page.evaluate('(window.__gesture.stop = true, window.__gesture)')) as { frames: number[]; start: number; end: number };
  const within = g.frames.filter((t) => t > g.start && t <= g.end);
  const first = g.frames.findLastIndex((t) => t <= g.start);
  const last = g.frames.findIndex((t) => t > g.end);
  const span = g.frames.slice(Math.max(0, first), last < 0 ? undefined : last + 1);
  const deltas = span.slice(1).map((t, i) => snapToRefresh(t - span[i]!));
  const ms = g.end - g.start;
  return { fps: (within.length / ms) * 1000, p95: summarize(deltas).p95, frames: within.length, ms, cpuPerFrame: (cpu * 1000 * VSYNC_MS) / ms };
}

/**
 * The centre of a note fully on screen near the middle of the view, where a press grabs the note
 * itself (not a button on it): `note` and `view` are CSS selectors.
 */
export async function noteToGrab(page: Page, note: string, view: string): Promise<Point> {
  const found = await page.evaluate(
    ([noteSel, viewSel]) => {
      const v = document.querySelector(viewSel)!.getBoundingClientRect();
      const mid = { x: v.x + v.width / 2, y: v.y + v.height / 2 };
      const candidates = [...document.querySelectorAll(noteSel)].map((el) => ({ el, r: el.getBoundingClientRect() }));
      const inside = candidates.filter(({ r }) => r.left >= v.left && r.top >= v.top && r.right <= v.right && r.bottom <= v.bottom);
      inside.sort((a, b) => Math.hypot(a.r.x - mid.x, a.r.y - mid.y) - Math.hypot(b.r.x - mid.x, b.r.y - mid.y));
      for (const { el, r } of inside) {
        const p = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        const hit = document.elementFromPoint(p.x, p.y);
        if (hit && !hit.closest('button') && hit.closest(noteSel) === el) return p;
      }
      return null;
    },
    [note, view] as const,
  );
  if (!found) throw new Error(`no ${note} to grab in ${view}`);
  return found;
}

/** A point of empty board (no note, no control) in the lower half of `view`, where a press pans. */
export async function emptySpot(page: Page, note: string, view: string): Promise<Point> {
  const found = await page.evaluate(
    ([noteSel, viewSel]) => {
      const v = document.querySelector(viewSel)!.getBoundingClientRect();
      for (let y = v.y + v.height * 0.6; y < v.bottom - 40; y += 8) {
        for (let x = v.x + v.width * 0.4; x < v.right - 200; x += 4) {
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.closest(viewSel) && !hit.closest(`${noteSel}, button, a, input, textarea, select, .zoom`)) return { x, y };
        }
      }
      return null;
    },
    [note, view] as const,
  );
  if (!found) throw new Error(`no empty spot in ${view}`);
  return found;
}
