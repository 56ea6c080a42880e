import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { newUser, type User } from './browser';
import type { E2E } from './harness';
import { BoardPage } from './pages';

/** The name asked on a first join: the dialog, its field and its two ways out. */
export class NamePrompt {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('name.dialog');
  }
  get input(): Locator {
    return this.page.getByTestId('name.input');
  }
  get save(): Locator {
    return this.page.getByTestId('name.save');
  }
  get skip(): Locator {
    return this.page.getByTestId('name.skip');
  }

  async answer(name: string): Promise<void> {
    await this.input.fill(name);
    await this.save.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async skipIt(): Promise<void> {
    await this.skip.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** The chip of this person (first in the list) and the others, as this board names them. */
  async chipNames(): Promise<string[]> {
    return this.page.getByTestId('presence.user').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }
}

/**
 * Someone who never opened the home page: they arrive by a link (a QR code) on a fresh device,
 * so nobody has asked their name yet. `device` for a phone; `locale` for their browser language.
 */
export async function newcomer(e2e: E2E, users: User[], name: string, opts: { locale?: string; device?: BrowserContextOptions } = {}) {
  const user = await newUser(e2e.browser, e2e.server.url, name, { ...opts.device, ...(opts.locale ? { locale: opts.locale } : {}) });
  users.push(user);
  return { user, board: new BoardPage(user.page), prompt: new NamePrompt(user.page) };
}
