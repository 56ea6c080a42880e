import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { NetLink } from './netlink';
import { chromiumPath } from '../../support/system-deps';

/** $CHROMIUM_PATH, else `chromium` on $PATH (Debian's package: /usr/bin/chromium). */
export const CHROMIUM_PATH = chromiumPath() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Two contexts share one renderer budget on a 2-core machine; keep background pages live.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

/** One Chromium per test file; every simulated person/device is a context in it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await browser?.close();
}

/** A person on their own device: own context (storage, service worker), own network link. */
export interface User {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** This device's origin (through its own NetLink). */
  readonly baseUrl: string;
  readonly link: NetLink;
  /** Uncaught exceptions and CSP refusals in the page: any of these fails the test (see assertNoPageErrors). */
  readonly pageErrors: string[];
  /** console.error output, kept for diagnostics (offline runs log failed requests on purpose). */
  readonly consoleErrors: string[];
  /** Loses the network: navigator.onLine false, requests fail, open sockets reset. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  close(): Promise<void>;
}

/** `device` overrides the laptop defaults (viewport, touch, mobile) for tablets and phones. */
export async function newUser(browser: Browser, baseUrl: string, name: string, device: BrowserContextOptions = {}): Promise<User> {
  const link = await NetLink.open(baseUrl);
  const context = await browser.newContext({
    baseURL: link.url,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'allow',
    ...device,
  });
  // Fail a stuck step with a readable message well before the 90 s test timeout.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`[${name}] ${error.stack ?? error.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    consoleErrors.push(`[${name}] ${msg.text()}`);
    // The server's CSP refused something the app tried: a feature broken in production.
    if (/Content Security Policy/i.test(msg.text())) pageErrors.push(`[${name}] ${msg.text()}`);
  });
  // A dialog (alert/confirm) would block the page forever; record it as an error and dismiss it.
  page.on('dialog', (dialog) => {
    pageErrors.push(`[${name}] unexpected ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  let closed = false;
  return {
    name,
    context,
    page,
    baseUrl: link.url,
    link,
    pageErrors,
    consoleErrors,
    async goOffline() {
      await context.setOffline(true);
      link.cut();
    },
    async goOnline() {
      link.restore();
      await context.setOffline(false);
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      await link.close();
    },
  };
}

/** Closes every user; throws if any page had an uncaught error or raised a dialog. */
export async function closeUsers(users: User[]): Promise<void> {
  const list = users.splice(0);
  await Promise.all(list.map((u) => u.close()));
  assertNoPageErrors(list);
}

export function assertNoPageErrors(users: readonly User[]): void {
  const errors = users.flatMap((u) => u.pageErrors);
  if (errors.length > 0) {
    const consoleTail = users.flatMap((u) => u.consoleErrors).slice(-20);
    throw new Error(
      `Uncaught page errors:\n${errors.join('\n')}` +
        (consoleTail.length ? `\n\nLast console errors:\n${consoleTail.join('\n')}` : ''),
    );
  }
}

/**
 * Waits until the service worker has activated and controls this page, so a reload with no network
 * is served from its precache. With clientsClaim the controller arrives without a reload; if the
 * worker activated without claiming, one reload puts the page under it.
 */
export async function waitForServiceWorkerControl(page: Page, timeout = 30_000): Promise<void> {
  await page.evaluate(async (timeout) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no active service worker after ${timeout} ms`)), timeout);
    });
    await Promise.race([navigator.serviceWorker.ready, late]).finally(() => clearTimeout(timer));
  }, timeout);
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: Math.min(timeout, 5_000),
    });
  } catch {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
  }
  // Precaching happens during install, so "activated + controlling" should mean the shell is
  // cached; check it anyway (waitForFunction cannot await, so poll from here).
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          for (const name of await caches.keys()) {
            const keys = await (await caches.open(name)).keys();
            if (keys.some((r) => new URL(r.url).pathname.endsWith('/index.html'))) return true;
          }
          return false;
        }),
      { timeout, message: 'the service worker never precached index.html' },
    )
    .toBe(true);
}
