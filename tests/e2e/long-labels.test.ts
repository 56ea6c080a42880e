import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type * as Y from 'yjs';
import { MAX_LABEL, MAX_QUESTION, MAX_TABLE_NAME, readSession, renameTable, renameTopic, setSessionTitle, updatePhase } from '@wcb/shared';
import { closeUsers, newUser, type User } from './support/browser';
import { geometryOf } from './support/geometry';
import { useE2E } from './support/harness';
import { horizontalOverflows } from './support/overflow';
import { ControlClient, storedToken } from './support/participant-page';
import { HomePage } from './support/pages';
import { PHONE, PhoneBoard } from './support/phone-page';
import { ProjectorPage } from './support/projector-page';
import { RunStrip } from './support/run-sheet-page';
import { BoardPage } from './support/board-page';

const e2e = useE2E();
const devices: User[] = [];
afterEach(async () => {
  await closeUsers(devices);
});

// Screenshots to look at (RUN_SHOTS=/tmp/shots), as run-sheet.test.ts does.
const SHOTS = process.env.RUN_SHOTS;
const LAPTOP = { width: 1280, height: 720 };
const PROJECTOR = { viewport: { width: 1920, height: 1080 } };

/**
 * Every setup text at its limit and with no space in it (a pasted URL, a German compound, a
 * keyboard held down): nothing to wrap at but what the layout allows.
 */
function writeUnbrokenLabels(doc: Y.Doc): void {
  setSessionTitle(doc, 'T'.repeat(MAX_LABEL));
  const session = readSession(doc);
  for (const phase of session.phases) updatePhase(doc, phase.id, { title: 'P'.repeat(MAX_LABEL), question: 'Q'.repeat(MAX_QUESTION), corner: 'C'.repeat(MAX_LABEL) });
  for (const topic of session.topics) renameTopic(doc, topic.id, 'O'.repeat(MAX_LABEL));
  for (const table of session.tables) renameTable(doc, table.id, 'N'.repeat(MAX_TABLE_NAME));
}

/** A new device with `name` entered, opening `link` (a phone shows its own layout, not the board's columns). */
async function device(name: string, options: Parameters<typeof newUser>[3], link: string): Promise<BoardPage> {
  const user = await newUser(e2e.browser, e2e.server.url, name, options);
  devices.push(user);
  await (await new HomePage(user.page).open()).setName(name);
  return new BoardPage(user.page).openLink(link, { waitForBoard: false });
}

/** The question shows `lines` lines at most until More is pressed, then all of it; Less cuts it again. */
async function expectQuestionCut(page: Page, lines: number, touch: boolean): Promise<void> {
  const question = page.getByTestId('board.question');
  const more = page.getByTestId('board.question-more');
  const shape = () => question.evaluate((el) => ({ height: el.getBoundingClientRect().height, line: Number.parseFloat(getComputedStyle(el).lineHeight) }));
  const cut = await shape();
  expect(cut.height).toBeLessThanOrEqual(lines * cut.line + 1);
  await more.scrollIntoViewIfNeeded();
  const g = await geometryOf(more);
  expect(g).toMatchObject({ inViewport: true, onTop: true });
  if (touch) expect(Math.min(g.width, g.height)).toBeGreaterThanOrEqual(44);
  expect(await more.getAttribute('aria-expanded')).toBe('false');
  await more.click();
  await expect.poll(async () => (await shape()).height).toBeGreaterThan(lines * cut.line * 2);
  expect(await more.getAttribute('aria-expanded')).toBe('true');
  await more.click();
  await expect.poll(async () => (await shape()).height).toBeLessThanOrEqual(lines * cut.line + 1);
}

describe('setup texts at their limits', () => {
  it('unbroken titles, questions, topics and table names stay inside the facilitator laptop, the participant phone and the projector; the question is cut with More', async () => {
    const { a, sessionId } = await e2e.cafe();
    const laptop = a.board.page;
    await laptop.setViewportSize(LAPTOP);
    const [participantLink, viewerLink] = [await a.board.shareLink('participant'), await a.board.shareLink('viewer')];
    const control = await ControlClient.connect(e2e.server.url, sessionId, await storedToken(laptop, sessionId));
    const shows = (page: typeof laptop) => page.evaluate(() => document.body.textContent?.includes('O'.repeat(60)) ?? false);
    try {
      writeUnbrokenLabels(control.doc);
      await expect.poll(() => shows(laptop)).toBe(true);
    } finally {
      control.destroy();
    }

    const phone = await device('Olena', PHONE, participantLink);
    await new PhoneBoard(phone.page).header.waitFor();
    const wall = await device('Hall screen', PROJECTOR, viewerLink);
    await new ProjectorPage(wall.page).waitForProjector();
    const screens = [
      { name: 'laptop', page: laptop },
      { name: 'phone', page: phone.page },
      { name: 'projector', page: wall.page },
    ];
    for (const { name, page } of screens) {
      // The long labels have arrived (the topic headers carry them), then the layout has settled.
      await expect.poll(() => shows(page), { message: name }).toBe(true);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/long-labels-${name}.png` });
      expect(await horizontalOverflows(page), name).toEqual([]);
    }
    // The run strip's next step is the longest line a facilitator reads; Next stays in reach.
    const strip = new RunStrip(laptop);
    expect(await geometryOf(strip.nextButton)).toMatchObject({ inViewport: true, onTop: true });
    // The question is cut to a few lines, with More to read it whole (a finger's size on the phone).
    await expectQuestionCut(laptop, 3, false);
    await expectQuestionCut(phone.page, 4, true);
  });
});
