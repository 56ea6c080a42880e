import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, newUser, type User } from './support/browser';
import { useE2E, type Person } from './support/harness';
import { BoardPage, HomePage } from './support/pages';
import { createFormSession, openFormLink, type FormKind } from './support/forms-page';
import { TABLET } from './support/touch-page';

const e2e = useE2E();
const tablets: User[] = [];
afterEach(async () => {
  await closeUsers(tablets);
});

/** A participant on a touch tablet (1024×768) who joins a facilitator's session of a form template. */
async function tabletForm(template: string, kind: FormKind): Promise<Person> {
  const a = await e2e.person('Facilitator');
  await createFormSession(a, kind, { template, language: 'en' });
  await a.board.waitForConnected();
  const user = await newUser(e2e.browser, e2e.server.url, 'Tablet', TABLET);
  tablets.push(user);
  const home = await new HomePage(user.page).open();
  await home.setName('Tablet');
  const person: Person = { user, home, board: new BoardPage(user.page) };
  await openFormLink(person, await a.board.shareLink('participant'), kind);
  return person;
}

/** Each control's box, and whether a tap at its centre lands on it (or on its own label). */
async function targets(person: Person, selector: string): Promise<{ width: number; height: number; hit: boolean; inside: boolean }[]> {
  await person.user.page.locator(selector).first().waitFor();
  return person.user.page.locator(selector).evaluateAll((els) =>
    els.slice(0, 12).map((el) => {
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const hit = !!at && (el === at || el.contains(at) || at.contains(el) || (el instanceof HTMLInputElement && !!el.labels && [...el.labels].includes(at as HTMLLabelElement)));
      return { width: r.width, height: r.height, hit, inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight };
    }),
  );
}

describe('forms under a finger on a tablet (1024×768, touch)', () => {
  it('every tick box of the matrix is at least 44 px and a tap at its centre reaches it', async () => {
    const person = await tabletForm('benefits-matrix', 'matrix');
    const boxes = await targets(person, '.matrix-tick');
    expect(boxes.length).toBeGreaterThan(0);
    for (const b of boxes) expect(b).toMatchObject({ hit: true, inside: true });
    for (const b of boxes) expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
    await person.user.page.screenshot({ path: '/tmp/perf-matrix-tablet.png' });
  });

  it('every survey choice is at least 44 px tall and a tap at its centre reaches it', async () => {
    const person = await tabletForm('seminar-evaluation', 'survey');
    const options = await targets(person, '.survey-option');
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) expect(o).toMatchObject({ hit: true, inside: true });
    for (const o of options) expect(o.height).toBeGreaterThanOrEqual(44);
    await person.user.page.screenshot({ path: '/tmp/perf-survey-tablet.png' });
  });
});
