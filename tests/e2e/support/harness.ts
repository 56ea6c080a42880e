import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { closeBrowser, closeUsers, launchBrowser, newUser, type User } from './browser';
import { BoardPage, HomePage, type CreateSessionOptions } from './pages';
import { startE2EServer, type E2EServer } from './server';
import { systemSkipReason } from '../../support/system-deps';

export type Person = { user: User; home: HomePage; board: BoardPage };

export type E2E = {
  readonly server: E2EServer;
  readonly browser: Browser;
  /** A new person on their own device, on the home page with their name entered. */
  person(name: string): Promise<Person>;
  /**
   * The usual start of a test: a facilitator creates a session (world-cafe-ngo in English unless
   * told otherwise) and a participant joins by the participant link; both connected.
   */
  cafe(opts?: CreateSessionOptions & { participant?: string }): Promise<Cafe>;
};

export type Cafe = { a: Person; b: Person; sessionId: string };

/**
 * The per-file fixture: one server and one Chromium for the file, fresh people (contexts) per test,
 * closed after each test. A test fails if any page threw an uncaught error or opened a dialog; when
 * a test fails, each person's page state and console errors and the server's output are printed
 * (and screenshots saved when E2E_ARTIFACTS names a directory).
 */
/** `serverEnv`: settings for this file's server, e.g. a low limit to test how the app meets it. */
export function useE2E(serverEnv: Record<string, string> = {}): E2E {
  let server: E2EServer | undefined;
  let browser: Browser | undefined;
  const users: User[] = [];

  // No Chromium here (and no CI): every test of the file skips, naming what is missing.
  const skipReason = systemSkipReason(['chromium']);
  beforeAll(async () => {
    if (skipReason) return;
    [server, browser] = await Promise.all([startE2EServer(serverEnv), launchBrowser()]);
  });
  beforeEach((ctx) => {
    if (skipReason) ctx.skip(skipReason);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await report(ctx.task.name, users, server);
    await closeUsers(users);
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched');
      return browser;
    },
    async person(name: string): Promise<Person> {
      const user = await newUser(this.browser, this.server.url, name);
      users.push(user);
      const home = await new HomePage(user.page).open();
      await home.setName(name);
      return { user, home, board: new BoardPage(user.page) };
    },
    async cafe(opts = {}): Promise<Cafe> {
      const a = await this.person('Facilitator');
      const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', ...opts });
      await a.board.waitForConnected();
      const link = await a.board.shareLink('participant');
      const b = await this.person(opts.participant ?? 'Participant');
      await b.board.openLink(link);
      await b.board.waitForConnected();
      return { a, b, sessionId };
    },
  };
}

async function report(testName: string, users: readonly User[], server: E2EServer | undefined): Promise<void> {
  const lines: string[] = [`--- diagnostics for "${testName}"`];
  const dir = process.env.E2E_ARTIFACTS;
  if (dir) await mkdir(dir, { recursive: true });
  for (const u of users) {
    const state = await u.page
      .evaluate(() => {
        const badge = document.querySelector('[data-testid="badge.connection"]');
        const root = document.querySelector('[data-testid="board.root"]');
        return {
          url: location.pathname,
          online: navigator.onLine,
          status: badge?.getAttribute('data-status') ?? null,
          pending: document.querySelector('[data-testid="badge.pending"]')?.textContent ?? null,
          phase: root?.getAttribute('data-phase-id') ?? null,
          banner: document.querySelector('[data-testid="board.banner"]')?.textContent ?? null,
          notes: [...document.querySelectorAll('[data-testid="note"]')].map(
            (n) => `${n.getAttribute('data-topic-id')}: ${n.querySelector('[data-testid="note.text"]')?.textContent ?? '(editing)'}`,
          ),
        };
      })
      .catch((e: unknown) => `page not readable: ${String(e)}`);
    lines.push(`[${u.name}] link ${u.link.isUp ? 'up' : 'cut'} ${JSON.stringify(state)}`);
    for (const e of u.consoleErrors.slice(-15)) lines.push(`  console: ${e}`);
    if (dir) {
      const file = join(dir, `${testName.replace(/[^\w-]+/g, '_').slice(0, 80)}-${u.name.replace(/\W+/g, '_')}.png`);
      await u.page.screenshot({ path: file, fullPage: true }).then(
        () => lines.push(`  screenshot: ${file}`),
        () => undefined,
      );
    }
  }
  if (server) lines.push('server output (tail):', ...server.output.slice(-30).map((l) => `  ${l}`));
  console.error(lines.join('\n'));
}
