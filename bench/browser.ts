import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startOurServer, type BenchServer } from './lib/server';
import { round } from './lib/stats';
import type { Figure } from './lib/report';
import { newSessionId } from './lib/sessions';
import { bigBoard, launchChromium, median3, NAMED_DEVICE } from './lib/chromium';

const VIEWPORT = { width: 1440, height: 900 };

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

/** The client's marks along a board's opening (client/src/sync/open-marks.ts), as "step ms". */
async function openSteps(page: Page): Promise<string[]> {
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
  return marks.filter(([name]) => name.startsWith('wcb:')).map(([name, at]) => `${name.slice(4)} ${Math.round(at)}`);
}

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

/** c, in Debian's Chromium against our server serving the built client (d is in drag-pan.ts). */
export async function benchBrowser(): Promise<Figure[]> {
  const server = await startOurServer();
  const browser = await launchChromium();
  try {
    return await coldOpen(browser, server);
  } finally {
    await browser.close();
    await server.stop();
  }
}
