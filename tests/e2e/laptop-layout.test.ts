import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, type User } from './support/browser';
import { CriteriaBoard, CriteriaPanel } from './support/criteria-page';
import { TimerBadgeView } from './support/facilitator-page';
import { useE2E, type Person } from './support/harness';
import { personWithLocale } from './support/i18n-page';
import { PasteLinesDialog } from './support/import-page';
import { layoutProblems, topBarRows } from './support/layout-page';
import { FIT_MIN_ZOOM } from '../../client/src/board-logic/viewport';

const e2e = useE2E();
// People with a Ukrainian browser (the harness's are English-speaking): the longest words we ship.
const localeUsers: User[] = [];
afterEach(async () => {
  await closeUsers(localeUsers);
});

const LAPTOPS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

type Room = { a: Person; b: Person; panel: CriteriaPanel; notes: string[] };

/**
 * A facilitator with a long name running a Ukrainian café from a laptop, a participant with a long
 * name at a table: notes in every column, one long; the facilitator's drawer open, a round's
 * timer running, voting open on the phase.
 */
async function busyLaptop(): Promise<Room> {
  const a = await personWithLocale(e2e, localeUsers, 'Олена Олександрівна — фасилітаторка', 'uk-UA');
  await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk', title: 'NGO Networking: конференція громадських організацій' });
  await a.board.waitForConnected();
  const link = await a.board.shareLink('participant');
  const b = await personWithLocale(e2e, localeUsers, 'Марія Коваленко-Шевченко', 'uk-UA');
  await b.board.openLink(link);
  await b.board.waitForConnected();
  const topics = await a.board.topicIds();
  const notes: string[] = [];
  for (const topic of topics) notes.push(await b.board.addNote(topic, 'Спільне напрацювання та прийняття рішень у громаді'));
  notes.push(await a.board.addNote(topics[0]!, 'Фінансування (соціальні замовлення, конкурси, проєкти) і спільні програми розвитку громади'));
  const panel = await new CriteriaPanel(a.board.page).open();
  await panel.setRounds(2, 5);
  await panel.startRound(1);
  await new TimerBadgeView(a.board.page).waitForStatus('running');
  await panel.openVoting({ phaseId: await a.board.currentPhase(), budget: 3 });
  return { a, b, panel, notes };
}

/** Waits until the board has settled at this window size (the canvas re-fits as the drawer docks). */
async function settle(p: Person): Promise<void> {
  await p.board.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function expectNothingCoveredOrCut(p: Person, where: string): Promise<void> {
  const problems = await layoutProblems(p.board.page);
  expect(problems.map((x) => `${x.what}: ${x.problem}`), where).toEqual([]);
  expect(await topBarRows(p.board.page), `${where}: the top bar is one row`).toBe(1);
}

describe('a facilitator\'s laptop in Ukrainian', () => {
  it('covers and cuts no control at 1280×720 and 1440×900 with the drawer open, voting open and a timer running', async () => {
    const { a, b, panel } = await busyLaptop();
    for (const size of LAPTOPS) {
      for (const p of [a, b]) {
        await p.board.page.setViewportSize(size);
        await settle(p);
      }
      await expectNothingCoveredOrCut(a, `facilitator with the drawer at ${size.width}×${size.height}`);
      await a.board.page.screenshot({ path: `/tmp/laptop-${size.width}-drawer.png` });
      await expectNothingCoveredOrCut(b, `participant at ${size.width}×${size.height}`);
    }
    // The drawer closed: the board takes the room back, still with nothing covered.
    await panel.close();
    for (const size of LAPTOPS) {
      await a.board.page.setViewportSize(size);
      await settle(a);
      await expectNothingCoveredOrCut(a, `facilitator at ${size.width}×${size.height}`);
      await a.board.page.screenshot({ path: `/tmp/laptop-${size.width}.png` });
    }
  });

  it('shows a selected and a proposed criterion beside the author and table, not over them', async () => {
    const { a, b, panel, notes } = await busyLaptop();
    const first = notes[0]!;
    // The participant sits at a table: notes carry its name too.
    await b.board.page.getByTestId('board.table-picker').selectOption({ index: 1 });
    const pb = new CriteriaBoard(b.board.page);
    await pb.note(first).getByTestId('note.vote').click();
    await expect.poll(() => pb.note(first).getByTestId('note.my-dots').getAttribute('data-count')).toBe('1');
    await panel.closeVoting();
    await panel.confirm((await a.board.topicIds())[0]!);
    await pb.selectedMark(first).waitFor();
    for (const size of LAPTOPS) {
      for (const p of [a, b]) {
        await p.board.page.setViewportSize(size);
        await settle(p);
      }
      await expectNothingCoveredOrCut(a, `facilitator after voting at ${size.width}×${size.height}`);
      await expectNothingCoveredOrCut(b, `participant after voting at ${size.width}×${size.height}`);
      // Each piece of a note's meta line inside the note and clear of the others.
      const meta = await pb.note(first).evaluate((note) => {
        const box = note.getBoundingClientRect();
        const parts = [...note.querySelectorAll<HTMLElement>('.note-meta > *')].map((el) => ({ id: el.getAttribute('data-testid') ?? el.className, r: el.getBoundingClientRect() }));
        const inside = parts.every(({ r }) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5);
        const overlaps = parts.flatMap((p, i) =>
          parts.slice(i + 1).filter((q) => p.r.left < q.r.right - 0.5 && q.r.left < p.r.right - 0.5 && p.r.top < q.r.bottom - 0.5 && q.r.top < p.r.bottom - 0.5).map((q) => `${p.id}/${q.id}`),
        );
        return { inside, overlaps, ids: parts.map((p) => p.id) };
      });
      expect(meta.ids).toEqual(expect.arrayContaining(['note.author', 'note.selected']));
      expect(meta.inside, `meta inside the note at ${size.width}`).toBe(true);
      expect(meta.overlaps, `meta parts apart at ${size.width}`).toEqual([]);
      await b.board.page.screenshot({ path: `/tmp/laptop-${size.width}-criteria.png` });
    }
  });

  it('Fit shows a board of many notes at a readable zoom, from the columns\' headers, with nothing covered', async () => {
    const a = await personWithLocale(e2e, localeUsers, 'Олена', 'uk-UA');
    await a.user.page.setViewportSize({ width: 1280, height: 720 });
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk' });
    await a.board.waitForConnected();
    const [first, second] = await a.board.topicIds();
    const lines = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what} ${i + 1}`);
    await new PasteLinesDialog(a.board.page).paste(first!, lines(30, 'Ідея громади').join('\n'), 30);
    await new PasteLinesDialog(a.board.page).paste(second!, lines(12, 'Пропозиція').join('\n'), 12);
    await a.board.waitForNoteTexts([...lines(30, 'Ідея громади'), ...lines(12, 'Пропозиція')]);
    await a.board.zoomOut();
    await a.board.zoomOut();
    const before = await a.board.worldTransform();
    await a.board.zoomFit();
    const fitted = await a.board.waitForTransformChange(before);
    // Note text of at least 10 px (17 px × 0.6), not the 20-33% mosaic of a whole tall board.
    expect(fitted.zoom).toBeGreaterThanOrEqual(FIT_MIN_ZOOM);
    await settle(a);
    const problems = await layoutProblems(a.board.page);
    expect(problems.map((x) => `${x.what}: ${x.problem}`)).toEqual([]);
    const headers = await a.board.page.locator('[data-testid="board.column"] [data-testid="board.column-header"]').evaluateAll((els) => {
      const canvas = document.querySelector('[data-testid="board.canvas"]')!.getBoundingClientRect();
      return els.map((el) => {
        const r = el.getBoundingClientRect();
        return r.left >= canvas.left - 0.5 && r.right <= canvas.right + 0.5 && r.top >= canvas.top - 0.5 && r.bottom <= canvas.bottom + 0.5;
      });
    });
    expect(headers).toEqual([true, true, true]);
    await a.board.page.screenshot({ path: '/tmp/laptop-fit.png' });
  });

  it('locks a phase only from the facilitator\'s drawer, after a question; no toggle sits beside the tabs', async () => {
    const a = await personWithLocale(e2e, localeUsers, 'Олена', 'uk-UA');
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk' });
    await a.board.waitForConnected();
    const page = a.board.page;
    expect(await page.locator('.tabs [data-testid="board.phase-lock"]').count()).toBe(0);
    const panel = await new CriteriaPanel(page).open();
    const toggle = a.board.phaseLock('reality');
    await toggle.click();
    // Asked first: cancelling locks nothing.
    await page.locator('[data-testid="board.phase-lock-cancel"][data-phase-id="reality"]').click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await a.board.phaseLockedMarker('reality').count()).toBe(0);
    await toggle.click();
    await page.locator('[data-testid="board.phase-lock-confirm"][data-phase-id="reality"]').click();
    await page.locator('[data-testid="board.phase-lock"][data-phase-id="reality"][aria-pressed="true"]').waitFor();
    // The tab shows the lock; unlocking needs no question.
    await a.board.phaseLockedMarker('reality').waitFor();
    await a.board.phaseLock('reality').click();
    await a.board.phaseLockedMarker('reality').waitFor({ state: 'detached' });
    await panel.close();
  });
});
