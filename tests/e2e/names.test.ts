import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, type User } from './support/browser';
import { ConnectionView } from './support/connection-page';
import { geometryOf } from './support/geometry';
import { useE2E } from './support/harness';
import { LanguagePage } from './support/i18n-page';
import { newcomer, NamePrompt } from './support/names-page';
import { PHONE, PhoneBoard } from './support/phone-page';

const e2e = useE2E();
const users: User[] = [];
afterEach(async () => {
  await closeUsers(users);
});

describe('names and colours of the people present', () => {
  it('a first join on a phone asks for a name in the interface language; the name given reaches everyone, is not asked again, and a viewer is never asked', async () => {
    const { a } = await e2e.cafe({ title: 'Names', language: 'uk' });
    const link = await a.board.shareLink('participant');
    const maria = await newcomer(e2e, users, 'Maria', { locale: 'uk-UA', device: PHONE });
    // A phone gets the phone layout (views/phone/), which has no board columns to wait for.
    await maria.board.openLink(link, { waitForBoard: false });
    await maria.prompt.dialog.waitFor();
    expect(await maria.prompt.dialog.getByRole('heading').textContent()).toBe('Як вас звати?');
    const guest = (await maria.prompt.input.getAttribute('placeholder')) ?? '';
    expect(guest).toMatch(/^Гість \d{2}$/);
    expect(await maria.prompt.skip.textContent()).toBe(`Пропустити — залишитися «${guest}»`);
    for (const control of [maria.prompt.input, maria.prompt.save, maria.prompt.skip]) {
      const g = await geometryOf(control);
      expect(g).toMatchObject({ inViewport: true, onTop: true });
      expect(g.height).toBeGreaterThanOrEqual(44);
    }

    await maria.prompt.answer('Марія');
    await expect.poll(() => new NamePrompt(a.user.page).chipNames()).toContain('Марія');
    await maria.user.page.reload();
    await new PhoneBoard(maria.user.page).waitForPhone();
    expect(await maria.prompt.dialog.count()).toBe(0);

    // A viewer (the projector) on a fresh device is never asked: it has no name to give.
    const screen = await newcomer(e2e, users, 'Projector', { locale: 'uk-UA' });
    await screen.board.openLink(await a.board.shareLink('viewer'));
    await screen.board.waitForConnected();
    expect(await screen.prompt.dialog.count()).toBe(0);
  });

  it('someone who skips stays a guest, named in the language of each board that shows them', async () => {
    const { a } = await e2e.cafe({ title: 'Guests' });
    await new LanguagePage(a.user.page).choose('uk');
    const link = await a.board.shareLink('participant');
    const guest = await newcomer(e2e, users, 'Guest', { locale: 'en-GB' });
    await guest.board.openLink(link);
    const name = (await guest.prompt.input.getAttribute('placeholder')) ?? '';
    expect(name).toMatch(/^Guest \d{2}$/);
    await guest.prompt.skipIt();
    const number = name.split(' ')[1];
    // English on their own board, Ukrainian on the facilitator's.
    expect((await guest.prompt.chipNames())[0]).toBe(`Guest ${number}`);
    await expect.poll(() => new NamePrompt(a.user.page).chipNames()).toContain(`Гість ${number}`);
    // Their note's author too.
    const note = await guest.board.addNote('government', 'from a guest');
    await a.board.waitForNoteText('from a guest');
    expect(await a.board.note(note).getByTestId('note.author').textContent()).toBe(`Гість ${number}`);
    // And their own board follows when they switch language.
    await new LanguagePage(guest.user.page).choose('ru');
    await expect.poll(async () => (await guest.prompt.chipNames())[0]).toBe(`Гость ${number}`);
    await expect.poll(() => new NamePrompt(a.user.page).chipNames()).toContain(`Гість ${number}`);
  });

  it('people present get different colours, the same on every board', async () => {
    const { a, b } = await e2e.cafe({ title: 'Colours' });
    const link = await a.board.shareLink('participant');
    const guests = [];
    for (const name of ['One', 'Two', 'Three']) {
      const g = await newcomer(e2e, users, name);
      await g.board.openLink(link);
      await g.prompt.skipIt();
      guests.push(g);
    }
    const boards = [a.user.page, b.user.page, ...guests.map((g) => g.user.page)];
    for (const page of boards) await expect.poll(() => new ConnectionView(page).chips.count()).toBe(5);
    // Each board's map of person → colour.
    const maps = await Promise.all(
      boards.map((page) =>
        page.getByTestId('presence.user').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-person-id'), e.getAttribute('data-color')]))),
      ),
    );
    expect(new Set(Object.values(maps[0]!)).size).toBe(5);
    for (const map of maps) expect(map).toEqual(maps[0]);
  });
});
