import type { BrowserContextOptions } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, newUser, type User } from './support/browser';
import { useE2E } from './support/harness';
import { HomePage } from './support/pages';
import { LAPTOP, QuickNoteBoard } from './support/quick-note-page';
import { TABLET } from './support/touch-page';

const e2e = useE2E();
const devices: User[] = [];
afterEach(async () => {
  await closeUsers(devices);
});

// Typed the moment the note is asked for: the first word is what got lost.
const PHRASE = 'Довіра між ГО і владою';
// A busy laptop or a cheap phone: six times slower than this machine.
const SLOW = 6;

async function slowDevice(name: string, device: BrowserContextOptions): Promise<QuickNoteBoard> {
  const user = await newUser(e2e.browser, e2e.server.url, name, device);
  devices.push(user);
  const home = await new HomePage(user.page).open();
  await home.setName(name);
  await home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Type at once' });
  const board = new QuickNoteBoard(user.page);
  await board.throttleCpu(SLOW);
  return board;
}

/** Adds a note with "+" and types at once; returns the column, whose one note must hold the phrase. */
async function plusThenType(board: QuickNoteBoard, by: 'tap' | 'click'): Promise<string> {
  const { topic, at } = await board.reachableAddButton();
  await board.addAndTypeAtOnce(at, PHRASE, by);
  return topic;
}

describe('keys typed right after asking for a note land in it', () => {
  for (const [device, options, by] of [
    ['a laptop', LAPTOP, 'click'],
    // A phone has its own list view and add button (phone.test.ts); the board's "+" under a finger is a tablet's.
    ['a touch tablet', TABLET, 'tap'],
  ] as const) {
    it(`on ${device} with a slow CPU, "+" then typing at once keeps every word, zoomed out and at 100 %`, async () => {
      const board = await slowDevice(device, options);

      expect(await board.zoomOutTo(0.26)).toBeLessThanOrEqual(0.26);
      const far = await plusThenType(board, by);
      await expect.poll(() => board.savedTexts(far), { timeout: 20_000 }).toEqual([PHRASE]);
      await board.page.keyboard.press('Escape');

      await board.zoomToActualSize();
      const near = await plusThenType(board, by);
      const expected = near === far ? [PHRASE, PHRASE] : [PHRASE];
      await expect.poll(async () => (await board.savedTexts(near)).sort(), { timeout: 20_000 }).toEqual(expected);
    });
  }

  it('on a slow laptop zoomed out, "N" and a double click then typing at once keep every word', async () => {
    const board = await slowDevice('Laptop', LAPTOP);
    expect(await board.zoomOutTo(0.26)).toBeLessThanOrEqual(0.26);

    await board.canvas.focus();
    await Promise.all([board.page.keyboard.press('n'), board.page.keyboard.type(PHRASE)]);
    await expect.poll(() => board.savedTexts('government'), { timeout: 20_000 }).toEqual([PHRASE]);
    await board.page.keyboard.press('Escape');

    const spot = await board.emptyPointIn('community');
    await board.doubleClickAndTypeAtOnce(spot, PHRASE);
    await expect.poll(() => board.savedTexts('community'), { timeout: 20_000 }).toEqual([PHRASE]);
  });
});
