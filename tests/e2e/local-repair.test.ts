import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type * as Y from 'yjs';
import { checkControlValue, controlMaps, controlRoom } from '@wcb/shared';
import { A11yAudit } from './support/a11y-page';
import { BoardPage } from './support/board-page';
import { closeUsers, newUser, type User } from './support/browser';
import { geometryOf } from './support/geometry';
import { useE2E } from './support/harness';
import { HomePage } from './support/home-page';
import { RepairsNotice, StoredRoom } from './support/local-repair-page';
import { ControlClient } from './support/participant-page';
import { PhoneBoard } from './support/phone-page';
import { PHONE } from './support/quick-note-page';
import { HOSTILE_RECORDS } from '../support/hostile-records';

const e2e = useE2E();

// What an older version (or an offline edit) left in this device's copy of the setup.
const STORED = ['a phase whose title is 100 KB', 'a phase that is not a record', 'a timer of an unknown status', 'a table named with 10,000 characters'];

/** Every checked record of `doc` that the server's checks would refuse, as `root/key`. */
function malformed(doc: Y.Doc): string[] {
  return ['runSheet', 'criteria', 'phases', 'topics', 'tables', 'state'].flatMap((root) =>
    [...doc.getMap<unknown>(root).entries()]
      .filter(([key, value]) => checkControlValue(root, key, value instanceof Object && 'toJSON' in value ? (value as Y.Map<unknown>).toJSON() : value) !== null)
      .map(([key]) => `${root}/${key}`),
  );
}

/** The share tokens this device minted with the session (kept with its facilitator credentials). */
const shareTokens = (page: Page, sessionId: string): Promise<{ participant: string; viewer: string }> =>
  page.evaluate((id) => {
    const all = JSON.parse(localStorage.getItem('wcb.credentials') ?? '[]') as { sessionId: string; shareTokens?: { participant: string; viewer: string } }[];
    return all.find((c) => c.sessionId === id && c.shareTokens)!.shareTokens!;
  }, sessionId);

/** Creates a world-cafe-ngo session on this device from the home page; waits for its board (or phone view). */
async function createOn(page: Page, phone: boolean): Promise<string> {
  const home = await new HomePage(page).open();
  await home.setName('Facilitator');
  await page.getByTestId('home.template').selectOption('world-cafe-ngo');
  await page.getByTestId('home.language').selectOption('en');
  await page.getByTestId('home.title').fill('Stored long ago');
  await page.getByTestId('home.create').click();
  await page.waitForURL(/\/s\/[^/?#]+/);
  const sessionId = decodeURIComponent(/\/s\/([^/?#]+)/.exec(page.url())![1]!);
  await openedOn(page, sessionId, phone);
  return sessionId;
}

async function openedOn(page: Page, sessionId: string, phone: boolean): Promise<void> {
  if (phone) await new PhoneBoard(page).waitForPhone(sessionId);
  else await new BoardPage(page).waitForBoard(sessionId);
}

describe('a facilitator device whose own copy of the setup holds records the server refuses', () => {
  it.each([
    ['a laptop', { viewport: { width: 1280, height: 720 } }, false],
    ['a phone', PHONE, true],
  ] as [string, BrowserContextOptions, boolean][])(
    'on %s, repairs them when the session opens, says so, and syncs: nothing refused, others see the repaired setup and every note',
    async (label, device, phone) => {
      const users: User[] = [];
      try {
        const facilitator = await newUser(e2e.browser, e2e.server.url, 'Facilitator', device);
        users.push(facilitator);
        const page = facilitator.page;
        const board = new BoardPage(page);
        const sessionId = await createOn(page, phone);
        await board.waitForStatus('online');
        const tokens = await shareTokens(page, sessionId);
        const participantLink = `${e2e.server.url}/s/${sessionId}#t=${tokens.participant}`;
        const b = await e2e.person('Participant');
        await b.board.openLink(participantLink);
        await b.board.addNote('government', 'Open data portal');
        await b.board.addNote('community', 'Shared meeting rooms');
        await b.board.waitForPending('zero');

        // The board is closed; its IndexedDB copy gains what an older version would have written.
        await new HomePage(page).open();
        const stored = new StoredRoom(page, controlRoom(sessionId));
        await stored.edit((doc) => {
          for (const [name, edit] of HOSTILE_RECORDS) if (STORED.includes(name)) edit(doc);
        });
        expect(malformed(await stored.read()).sort()).toEqual(['phases/broken', 'phases/ideal', 'state/timer', 'tables/t9']);

        await page.goto(`/s/${sessionId}`);
        await openedOn(page, sessionId, phone);
        const notice = new RepairsNotice(page);
        await notice.root.waitFor();
        expect((await notice.lines()).sort()).toEqual([
          'Phase “broken”: left out',
          'Phase “ideal”: repaired (a text cut to its limit or a broken field reset)',
          'Table “t9”: repaired (a text cut to its limit or a broken field reset)',
          'The timer: left out',
        ]);
        expect(await notice.root.textContent()).toContain('the server does not accept');
        expect(await geometryOf(notice.root)).toMatchObject({ inViewport: true });
        const button = await geometryOf(notice.dismiss);
        await page.screenshot({ path: `/tmp/local-repair-${label.replace(' ', '-')}.png` });
        expect(button).toMatchObject({ inViewport: true, onTop: true });
        if (phone) expect(button.height).toBeGreaterThanOrEqual(44);
        expect(await new A11yAudit(page).blocking(`the repairs notice on ${label}`)).toEqual([]);

        // The server took the repair: another device reads the setup repaired, and nothing was refused.
        const viewer = await ControlClient.connect(e2e.server.url, sessionId, tokens.viewer);
        try {
          await expect.poll(() => (controlMaps(viewer.doc).tables.get('t9') as Y.Map<unknown> | undefined)?.get('name')).toBe('x'.repeat(80));
          const { phases, state } = controlMaps(viewer.doc);
          expect((phases.get('ideal') as Y.Map<unknown>).get('title')).toBe('x'.repeat(200));
          expect(phases.has('broken')).toBe(false);
          expect(state.has('timer')).toBe(false);
          expect(malformed(viewer.doc)).toEqual([]);
        } finally {
          viewer.destroy();
        }
        await board.waitForStatus('online');
        await board.waitForPending('zero');
        expect(await page.locator('[data-reason^="refused-"]').count()).toBe(0);
        const c = await e2e.person('Latecomer');
        await c.board.openLink(participantLink);
        await c.board.waitForNoteTexts(['Open data portal', 'Shared meeting rooms']);

        // Read and put away; opening once more has nothing left to repair.
        await notice.dismiss.click();
        await notice.root.waitFor({ state: 'detached' });
        await page.goto(`/s/${sessionId}`);
        await openedOn(page, sessionId, phone);
        await board.waitForStatus('online');
        expect(await notice.root.count()).toBe(0);
      } finally {
        await closeUsers(users);
      }
    },
  );
});
