import type { Page } from 'playwright-core';
import { BoardPage } from './board-page';
import type { CreateSessionOptions } from './selectors';

export class HomePage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/');
    await this.page.getByTestId('home.create').waitFor();
    return this;
  }

  async setName(name: string): Promise<void> {
    const input = this.page.getByTestId('home.name');
    await input.fill(name);
    await input.press('Tab');
  }

  /** Creates a session from the home screen and waits for its board; returns the session id. */
  async createSession(opts: CreateSessionOptions = {}): Promise<string> {
    if (opts.template !== undefined) await this.page.getByTestId('home.template').selectOption(opts.template);
    if (opts.language !== undefined) await this.page.getByTestId('home.language').selectOption(opts.language);
    if (opts.title !== undefined) await this.page.getByTestId('home.title').fill(opts.title);
    await this.page.getByTestId('home.create').click();
    await this.page.waitForURL(/\/s\/[^/?#]+/);
    const sessionId = decodeURIComponent(/\/s\/([^/?#]+)/.exec(this.page.url())![1]!);
    await new BoardPage(this.page).waitForBoard(sessionId);
    return sessionId;
  }

  async recent(): Promise<{ sessionId: string; text: string }[]> {
    return this.page.getByTestId('home.recent-item').evaluateAll((els) =>
      els.map((el) => ({ sessionId: el.getAttribute('data-session-id') ?? '', text: (el.textContent ?? '').trim() })),
    );
  }

  async join(idOrLink: string): Promise<void> {
    await this.page.getByTestId('home.join-input').fill(idOrLink);
    await this.page.getByTestId('home.join-go').click();
  }
}
