import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, newUser, type User } from './support/browser';
import { geometryOf } from './support/geometry';
import { useE2E } from './support/harness';
import { LongNoteBoard } from './support/long-note-page';
import { HomePage } from './support/pages';
import { TABLET } from './support/touch-page';

const e2e = useE2E();
const tablets: User[] = [];
afterEach(async () => {
  await closeUsers(tablets);
});

const words = (n: number): string => Array.from({ length: n }, (_, i) => `слово${i % 10}`).join(' ');

describe('long notes', () => {
  it('a paste past the limit says how much did not fit, and the counter shows near the limit', async () => {
    const { a, b } = await e2e.cafe({ title: 'Long paste' });
    await a.user.page.setViewportSize({ width: 1280, height: 720 });
    const board = new LongNoteBoard(a.user.page);
    const id = await board.openNewNote('government');
    await board.paste('x'.repeat(5000));
    await expect.poll(() => board.tooLong.textContent()).toBe('3,000 characters did not fit: a note holds 2,000 at most.');
    expect(await board.editorLength()).toBe(2000);
    expect(await board.counter.textContent()).toBe('2,000 / 2,000');
    for (const shown of [board.counter, board.tooLong]) expect(await geometryOf(shown)).toMatchObject({ inViewport: true, onTop: true });

    // Typing into a full note says so too, and adds nothing.
    await board.editor.press('End');
    await board.editor.pressSequentially('yz');
    await expect.poll(() => board.tooLong.textContent()).toBe('The note is full: 2,000 characters at most.');
    expect(await board.editorLength()).toBe(2000);
    await board.stopEditing();
    await expect.poll(() => new LongNoteBoard(b.user.page).text(id).evaluate((el) => (el.textContent ?? '').length)).toBe(2000);
  });

  it('the counter stays quiet until the note nears its limit', async () => {
    const { a } = await e2e.cafe({ title: 'Counter' });
    const board = new LongNoteBoard(a.user.page);
    await board.openNewNote('community');
    await board.editor.pressSequentially('short');
    expect(await board.counter.count()).toBe(0);
    await board.page.keyboard.insertText('y'.repeat(1795));
    await board.counter.waitFor();
    expect(await board.counter.textContent()).toBe('1,800 / 2,000');
    expect(await board.tooLong.textContent()).toBe('');
  });

  it('a long note shows "More" where it is cut, opens to its whole text, and closes again', async () => {
    const { a, b } = await e2e.cafe({ title: 'More' });
    await a.user.page.setViewportSize({ width: 1440, height: 900 });
    const board = new LongNoteBoard(a.user.page);
    const short = await board.addNote('government', 'short note');
    const id = await board.openNewNote('community');
    // Three times what a note shows, less than an opened note shows (longer ones scroll inside it).
    await board.page.keyboard.insertText(words(28));
    await board.stopEditing();
    await board.more(id).waitFor();
    expect(await board.more(short).count()).toBe(0);
    expect(await board.cutOff(id)).toBe(true);
    const collapsed = await board.noteHeight(id);
    // Pointing at the note brings its toolbar; "More" stays visible and on top.
    await board.note(id).hover();
    expect(await geometryOf(board.more(id))).toMatchObject({ inViewport: true, onTop: true });

    await board.more(id).click();
    await expect.poll(() => board.more(id).getAttribute('aria-expanded')).toBe('true');
    expect(await board.more(id).textContent()).toBe('Less');
    expect(await board.cutOff(id)).toBe(false);
    expect(await board.noteHeight(id)).toBeGreaterThan(collapsed + 40);
    expect(await geometryOf(board.more(id))).toMatchObject({ inViewport: true, onTop: true });
    await board.more(id).click();
    await expect.poll(() => board.noteHeight(id)).toBe(collapsed);

    // A note that grows while someone else looks at it gets its "More" there too.
    const theirs = new LongNoteBoard(b.user.page);
    await theirs.waitForNoteText('short note');
    expect(await theirs.more(short).count()).toBe(0);
    await board.startEditing(short);
    await board.page.keyboard.insertText(` ${words(28)}`);
    await board.stopEditing();
    await theirs.more(short).waitFor();
  });

  it('on a tablet, "More" is a finger-sized target', async () => {
    const user = await newUser(e2e.browser, e2e.server.url, 'Tablet', TABLET);
    tablets.push(user);
    const home = await new HomePage(user.page).open();
    await home.setName('Tablet');
    await home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Tablet more' });
    const board = new LongNoteBoard(user.page);
    await board.waitForConnected();
    const id = await board.openNewNote('community');
    await board.page.keyboard.insertText(words(40));
    await board.stopEditing();
    // Controls on a note scale with the board; at 100% they are finger-sized.
    await board.page.getByTestId('board.zoom-reset').tap();
    const more = await geometryOf(board.more(id));
    expect(more).toMatchObject({ inViewport: true, onTop: true });
    expect(Math.min(more.width, more.height)).toBeGreaterThanOrEqual(44);
    await board.more(id).tap();
    await expect.poll(() => board.more(id).getAttribute('aria-expanded')).toBe('true');
  });
});
