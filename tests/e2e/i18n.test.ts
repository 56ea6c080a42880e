import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, type User } from './support/browser';
import { useE2E } from './support/harness';
import { LanguagePage, personWithLocale } from './support/i18n-page';

const e2e = useE2E();
// People made with a browser locale of their own (the harness's people are English-speaking).
const localeUsers: User[] = [];
afterEach(async () => {
  await closeUsers(localeUsers);
});

describe('interface language', () => {
  it('a browser set to Ukrainian shows the home page in Ukrainian from the first frame', async () => {
    const olena = await personWithLocale(e2e, localeUsers, 'Олена', 'uk-UA', (page) => new LanguagePage(page).recordFirstCreateLabel());
    const page = olena.user.page;
    const lang = new LanguagePage(page);
    expect(await lang.htmlLang()).toBe('uk');
    expect(await lang.picked()).toBe('uk');
    expect(await page.locator('h1').textContent()).toBe('Дошка «Світове кафе»');
    expect(await page.getByTestId('home.create').textContent()).toBe('Створити сесію');
    // Template names follow the interface language.
    expect(await page.getByTestId('home.template').locator('option:checked').textContent()).toBe('Світове кафе — взаємодія ГО');
    // The dictionary was loaded before the first render: no English label ever showed.
    expect(await lang.firstCreateLabel()).toBe('Створити сесію');
  });

  it('the picker switches the board to Russian live, and the choice survives a reload', async () => {
    const a = await e2e.person('Facilitator');
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en' });
    await a.board.waitForConnected();
    const page = a.user.page;
    const lang = new LanguagePage(page);
    const share = page.getByTestId('board.share');
    expect(await share.textContent()).toBe('Share');
    const topics = (await a.board.columnHeaders()).slice(0, 3);
    expect(topics).toEqual(['GOVERNMENT', 'THE COMMUNITY', 'OTHER NGOs']);

    // A marker on window tells a live switch from a page load.
    await page.evaluate(() => ((window as unknown as { __sameLoad: boolean }).__sameLoad = true));
    await lang.choose('ru');
    expect(await share.textContent()).toBe('Поделиться');
    expect(await page.getByTestId('board.undo').getAttribute('aria-label')).toBe('Отменить');
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    // The session's own texts stay in the session's language; the board's own words switch.
    expect(await a.board.columnHeaders()).toEqual([...topics, 'Сквозные']);

    await page.reload();
    await a.board.waitForBoard();
    expect(await lang.picked()).toBe('ru');
    expect(await lang.htmlLang()).toBe('ru');
    expect(await share.textContent()).toBe('Поделиться');
  });

  it('a session in Ukrainian shows its template texts in Ukrainian under an English interface', async () => {
    const a = await e2e.person('Facilitator');
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk' });
    await a.board.waitForConnected();
    const page = a.user.page;
    const lang = new LanguagePage(page);
    expect(await lang.htmlLang()).toBe('en');
    expect(await page.getByTestId('board.share').textContent()).toBe('Share');
    expect(await page.getByTestId('board.title').textContent()).toBe('NGO Networking: конференція');
    expect(await a.board.columnHeaders()).toEqual(expect.arrayContaining(['ВЛАДОЮ', 'ГРОМАДОЮ', 'ІНШИМИ ГО']));
    // And the other way round: a Russian interface does not translate the session.
    await lang.choose('ru');
    expect(await page.getByTestId('board.title').textContent()).toBe('NGO Networking: конференція');
    expect(await a.board.columnHeaders()).toEqual(expect.arrayContaining(['ВЛАДОЮ', 'ГРОМАДОЮ', 'ІНШИМИ ГО']));
  });

  it('the recent list shows each date as Intl formats it for the interface language', async () => {
    const olena = await personWithLocale(e2e, localeUsers, 'Олена', 'uk-UA');
    await olena.home.createSession({ template: 'world-cafe-ngo', language: 'uk' });
    const page = olena.user.page;
    await olena.home.open();
    const lang = new LanguagePage(page);
    const [shown] = await lang.recentDates();
    expect(shown).toBeDefined();
    const ukrainian = await lang.intlDate(shown!.iso, 'uk');
    const english = await lang.intlDate(shown!.iso, 'en');
    expect(ukrainian).not.toBe(english);
    expect(shown!.text).toBe(ukrainian);
    // Switching the interface re-formats the dates in place.
    await lang.choose('en');
    await page.waitForFunction((text) => document.querySelector('[data-testid="home.recent-item"] time')?.textContent === text, english);
  });
});
