import type { Locator, Page } from 'playwright-core';
import { newUser, type User } from './browser';
import type { E2E, Person } from './harness';
import { BoardPage, HomePage } from './pages';

export type UiLanguage = 'uk' | 'ru' | 'en';

/** The interface-language picker and what it changes: <html lang>, dates in the recent list. */
export class LanguagePage {
  constructor(readonly page: Page) {}

  get picker(): Locator {
    return this.page.getByTestId('i18n.language');
  }

  /** Picks a language and waits until the page has switched (no reload happens). */
  async choose(lang: UiLanguage): Promise<void> {
    await this.picker.selectOption(lang);
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  async picked(): Promise<string> {
    return this.picker.inputValue();
  }

  async htmlLang(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** Each recent session's date as shown, with the moment it stands for. */
  async recentDates(): Promise<{ text: string; iso: string }[]> {
    return this.page
      .getByTestId('home.recent-item')
      .locator('time')
      .evaluateAll((els) => els.map((el) => ({ text: (el.textContent ?? '').trim(), iso: el.getAttribute('datetime') ?? '' })));
  }

  /** The same moment as Intl formats it for a locale in this browser (what the list should show). */
  async intlDate(iso: string, locale: string): Promise<string> {
    return this.page.evaluate(
      ([iso, locale]) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso!)),
      [iso, locale],
    );
  }

  /**
   * Records the first text the "create session" button ever shows on the next page load, so a
   * test can tell that no English frame came before the translated one.
   */
  async recordFirstCreateLabel(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __firstCreateLabel?: string };
      const observer = new MutationObserver(() => {
        const button = document.querySelector('[data-testid="home.create"]');
        if (button && w.__firstCreateLabel === undefined) {
          w.__firstCreateLabel = button.textContent ?? '';
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
  }

  async firstCreateLabel(): Promise<string | undefined> {
    return this.page.evaluate(() => (window as unknown as { __firstCreateLabel?: string }).__firstCreateLabel);
  }
}

/**
 * A person whose browser is set to a locale (navigator.languages, Accept-Language). The harness's
 * people are English-speaking; the caller closes these with closeUsers after the test.
 */
export async function personWithLocale(e2e: E2E, users: User[], name: string, locale: string, beforeOpen?: (page: Page) => Promise<void>): Promise<Person> {
  const user = await newUser(e2e.browser, e2e.server.url, name, { locale });
  users.push(user);
  await beforeOpen?.(user.page);
  const home = await new HomePage(user.page).open();
  await home.setName(name);
  return { user, home, board: new BoardPage(user.page) };
}
