import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { addNote, buildSessionDocs, CROSS_CUTTING, controlRoom, phaseRoom } from '@wcb/shared';
import { startOurServer, type BenchServer } from './lib/server';
import { round, summarize } from './lib/stats';
import type { Figure } from './lib/report';
import { newSessionId, registerSessionTokens } from './lib/sessions';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'];
const VIEWPORT = { width: 1440, height: 900 };

/** A world-cafe-ngo session whose ideal phase holds `notes` notes, registered with its content; returns the facilitator link. */
export async function bigBoard(server: BenchServer, id: string, notes: number): Promise<string> {
  const docs = buildSessionDocs({ sessionId: id, templateId: 'world-cafe-ngo', language: 'en', now: 1 });
  const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
  const topics = ['government', 'community', 'ngos', CROSS_CUTTING];
  ideal.transact(() => {
    for (let i = 0; i < notes; i++) {
      const cell = Math.floor(i / topics.length);
      addNote(ideal, { topic: topics[i % topics.length]!, text: `idea ${i}: trust, transparency and dialogue`, x: 16 + (cell % 4) * 216, y: 16 + Math.floor(cell / 4) * 166 }, i, `n${i}`);
    }
  });
  const seed = [{ room: controlRoom(id), doc: docs.control }, ...docs.phases.map((p) => ({ room: phaseRoom(id, p.phaseId), doc: p.doc }))];
  const tokens = await registerSessionTokens(server.url, id, seed);
  return `${server.url}/s/${id}#t=${tokens.facilitator}`;
}

/**
 * Installed in a context before any page script runs: every frame, until `count` notes are in the
 * DOM, then records performance.now() in `window.__wcbNotesAt`. Playwright's own poller only starts
 * after the page's load event and an injected script, which on a fast open comes after the notes
 * are drawn; it then reported when it started looking, not when the notes were there.
 */
const notesClock = (count: number): string => `(() => {
  const tick = () => {
    if (document.querySelectorAll('[data-testid="note"]').length >= ${count}) window.__wcbNotesAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Milliseconds from navigation start until the notes `notesClock` waits for were in the DOM. */
async function timeToNotes(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as { __wcbNotesAt?: number }).__wcbNotesAt ?? null, undefined, { polling: 'raf', timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

/** Waits until `count` notes are in the DOM. */
async function waitForNotes(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="note"]').length >= n, count, { polling: 'raf', timeout: 60_000 });
}

/** The client's marks along a board's opening (client/src/sync/open-marks.ts), as "step ms". */
async function openSteps(page: Page): Promise<string[]> {
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
  return marks.filter(([name]) => name.startsWith('wcb:')).map(([name, at]) => `${name.slice(4)} ${Math.round(at)}`);
}

/** The middle of three samples: one open or one gesture is a single sample of a noisy 2-core machine. */
const median3 = (values: number[]): number => [...values].sort((x, y) => x - y)[1]!;

// A device whose person has given a name: a first join would ask for one in a modal dialog,
// which would take the drags meant for the board.
const NAMED_DEVICE = `localStorage.setItem('wcb.prefs', JSON.stringify({ chosenName: 'Bench', asked: true }))`;

/** c. Cold open of a 2,000-note session: from the server (first visit), then offline from IndexedDB. */
async function coldOpen(browser: Browser, server: BenchServer): Promise<Figure[]> {
  const link = await bigBoard(server, newSessionId(), 2000);
  const firstVisits: number[] = [];
  let context: BrowserContext | null = null;
  try {
    // Three first visits, each in a fresh profile (nothing in IndexedDB) that opened the app
    // shell before (service worker installed), as a laptop that was set up for the workshop.
    let page: Page | null = null;
    for (let i = 0; i < 3; i++) {
      await context?.close();
      context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(NAMED_DEVICE);
      await context.addInitScript(notesClock(2000));
      page = await context.newPage();
      await page.goto(server.url);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.goto(link);
      firstVisits.push(await timeToNotes(page));
      console.log(`cold open from the server, ms after navigation: ${[...(await openSteps(page)), `notes drawn ${Math.round(firstVisits.at(-1)!)}`].join(', ')}`);
    }
    // Everything is in IndexedDB now; cut the network and reload, three times.
    await context!.setOffline(true);
    const reloads: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page!.reload();
      reloads.push(await timeToNotes(page!));
    }
    const fromIdb = median3(reloads);
    console.log(`cold open from IndexedDB, ms after navigation: ${[...(await openSteps(page!)), `notes drawn ${Math.round(reloads.at(-1)!)}`].join(', ')}`);
    const samples = (v: number[]) => `median of ${v.map((x) => Math.round(x)).join(', ')}`;
    return [
      { id: 'open.server', group: 'c. Cold open (2,000 notes)', label: `from the server (${samples(firstVisits)})`, value: round(median3(firstVisits), 0), unit: 'ms', target: { op: '<=', value: 800 } },
      { id: 'open.idb', group: 'c. Cold open (2,000 notes)', label: `offline, from IndexedDB (${samples(reloads)})`, value: round(fromIdb, 0), unit: 'ms', target: { op: '<=', value: 500 } },
    ];
  } finally {
    await context?.close();
  }
}

// Headless Chromium paces frames at 60 Hz from a software timer.
const VSYNC_MS = 1000 / 60;

/**
 * A frame lasts a whole number of display refreshes: a delta of 16.8 ms is one on-time frame plus
 * the software vsync timer's jitter, 33.4 ms one dropped frame. Snapping keeps that jitter from
 * reading as a missed 16.7 ms target while every dropped frame still counts in full.
 */
export const snapToRefresh = (deltaMs: number): number => Math.max(1, Math.round(deltaMs / VSYNC_MS)) * VSYNC_MS;

/** Frame times (requestAnimationFrame deltas, snapped to whole refreshes) while `gesture` runs in the page. */
async function frameTimes(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  const deltas = (await page.evaluate('(window.__stop = true, window.__frames.slice(1))')) as number[];
  return deltas.map(snapToRefresh);
}

/** d. Dragging a note and panning on a 5,000-note board. */
async function dragAndPan(browser: Browser, server: BenchServer): Promise<Figure[]> {
  const link = await bigBoard(server, newSessionId(), 5000);
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(NAMED_DEVICE);
  try {
    const page = await context.newPage();
    await page.goto(link);
    await waitForNotes(page, 5000);
    const steps = 120;
    const drag = async () => {
      const box = (await page.locator('[data-testid="note"]').first().boundingBox())!;
      return frameTimes(page, async () => {
        await page.mouse.move(box.x + 20, box.y + 10);
        await page.mouse.down();
        for (let i = 1; i <= steps; i++) await page.mouse.move(box.x + 20 + i * 2, box.y + 10 + i);
        await page.mouse.up();
      });
    };
    const canvas = (await page.getByTestId('board.canvas').boundingBox())!;
    const pan = () =>
      frameTimes(page, async () => {
        // An empty spot: the right edge of the canvas, past the columns.
        const x = canvas.x + canvas.width - 30;
        const y = canvas.y + canvas.height - 30;
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let i = 1; i <= steps; i++) await page.mouse.move(x - i * 3, y - i * 2);
        await page.mouse.up();
      });
    // Each gesture three times; its figures are the medians of the three runs' p50 and p95.
    const drags = [summarize(await drag()), summarize(await drag()), summarize(await drag())];
    const pans = [summarize(await pan()), summarize(await pan()), summarize(await pan())];
    const d = { p50: median3(drags.map((x) => x.p50)), p95: median3(drags.map((x) => x.p95)) };
    const p = { p50: median3(pans.map((x) => x.p50)), p95: median3(pans.map((x) => x.p95)) };
    return [
      { id: 'drag.p50', group: 'd. Drag and pan (5,000 notes)', label: 'drag a note: frame p50 (rAF deltas in whole 60 Hz refreshes)', value: round(d.p50, 1), unit: 'ms' },
      { id: 'drag.p95', group: 'd. Drag and pan (5,000 notes)', label: 'drag a note: frame p95 (median of three drags)', value: round(d.p95, 1), unit: 'ms', target: { op: '<=', value: 16.7 } },
      { id: 'pan.p50', group: 'd. Drag and pan (5,000 notes)', label: 'pan: frame p50', value: round(p.p50, 1), unit: 'ms' },
      { id: 'pan.p95', group: 'd. Drag and pan (5,000 notes)', label: 'pan: frame p95 (median of three pans)', value: round(p.p95, 1), unit: 'ms', target: { op: '<=', value: 16.7 } },
    ];
  } finally {
    await context.close();
  }
}

/** c and d, in Debian's Chromium against our server serving the built client. */
export async function benchBrowser(): Promise<Figure[]> {
  const server = await startOurServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    return [...(await coldOpen(browser, server)), ...(await dragAndPan(browser, server))];
  } finally {
    await browser.close();
    await server.stop();
  }
}
