import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_MS } from '../../client/src/views/board/projector-frame';
import { closeUsers, type User } from './support/browser';
import { useE2E, type Person } from './support/harness';
import { personWithLocale } from './support/i18n-page';
import { PasteLinesDialog } from './support/import-page';
import { FollowControls } from './support/follow-page';
import { ProjectorPage } from './support/projector-page';

const e2e = useE2E();
// People with a Ukrainian browser (the harness's are English-speaking), closed after each test.
const localeUsers: User[] = [];
afterEach(async () => {
  await closeUsers(localeUsers);
});

type Hall = { a: Person; fa: FollowControls; viewerLink: string };

/** A facilitator's session, connected, and the viewer link they would put on the hall's screen. */
async function hall(title: string): Promise<Hall> {
  const a = await e2e.person('Facilitator');
  await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title });
  await a.board.waitForConnected();
  const viewerLink = await a.board.shareLink('viewer');
  return { a, fa: new FollowControls(a.board.page), viewerLink };
}

/** The hall's screen: a new device opening the viewer link. */
async function projectorFor(link: string, setup?: (p: Person) => Promise<void>): Promise<{ v: Person; p: ProjectorPage }> {
  const v = await e2e.person('Hall screen');
  await setup?.(v);
  await v.board.openLink(link);
  const p = new ProjectorPage(v.board.page);
  await p.waitForProjector();
  return { v, p };
}

/**
 * The wall shows the whole phase: every topic column's header (its own, or pinned on a lower page)
 * inside the window and the canvas, nothing over it.
 */
async function expectWholePhase(p: ProjectorPage, when: string): Promise<void> {
  await p.waitForStill();
  const headers = await p.columnHeaders();
  expect(headers.length, when).toBeGreaterThanOrEqual(3);
  for (const h of headers) {
    expect(h.inside, `${h.topic} header inside the screen ${when}`).toBe(true);
    expect(h.visible, `${h.topic} header not covered ${when}`).toBe(true);
  }
}

describe('projector view', () => {
  it('a viewer link opens the projector on the facilitator\'s phase, shown whole, and follows it without a click', async () => {
    const { a, fa, viewerLink } = await hall('Hall');
    // The share dialog says what the viewer link is for.
    const dialog = await a.board.openShareDialog();
    expect(await dialog.getByTestId('share.projector-hint').textContent()).toContain('projector');
    await a.board.closeShareDialog();

    // Sent before the projector is even switched on: it must still land there.
    await a.board.switchPhase('reality');
    await fa.bringEveryoneHere();

    const { v, p } = await projectorFor(viewerLink);
    // Only the essentials: no phase tabs, no note controls, the question in the bar.
    await p.waitForPhase('reality');
    expect(await v.board.page.getByTestId('board.phase-tab').count()).toBe(0);
    expect(await v.board.addButtons.count()).toBe(0);
    expect(await p.phaseName.textContent()).toBeTruthy();
    await v.board.waitForConnected();
    await p.waitForSpotlight(1);
    await expectWholePhase(p, 'on opening');
    const framed = await p.fill();

    // The facilitator moves on with the tabs alone: the projector follows, with nobody touching it.
    await a.board.switchPhase('steps');
    await p.waitForPhase('steps');
    expect(await p.question.textContent()).toBeTruthy();
    await expectWholePhase(p, 'on the next phase');
    // A press from a corner, zoomed in: the wall keeps showing the whole phase, as large as before.
    await a.board.zoomIn();
    await a.board.zoomIn();
    await a.board.panBy(120, -40);
    await fa.bringEveryoneHere();
    await p.waitForSpotlight(2);
    await expectWholePhase(p, 'after a press');
    expect((await p.fill()).zoom).toBeCloseTo(framed.zoom, 2);
    // Nor does a guest's wheel change it.
    await v.board.ctrlWheel(400);
    await expectWholePhase(p, 'after a wheel');

    // A guest may step out to look around, and back in.
    await p.leave();
    await v.board.phaseTab('ideal').click();
    await p.follow.waitForFollowing(false);
    await p.enter();
    await p.waitForPhase('steps');
    await expectWholePhase(p, 'back in');
  });

  it('shows every column with its header, as large as fits, at 1280×720, 1440×900 and 1920×1080 (Ukrainian)', async () => {
    const a = await personWithLocale(e2e, localeUsers, 'Олена', 'uk-UA');
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk' });
    await a.board.waitForConnected();
    const topics = await a.board.topicIds();
    let id = '';
    for (const topic of topics) id = await a.board.addNote(topic, 'Спільне напрацювання та прийняття рішень у громаді');
    const viewerLink = await a.board.shareLink('viewer');
    const v = await personWithLocale(e2e, localeUsers, 'Зал', 'uk-UA');
    await v.board.openLink(viewerLink);
    const p = new ProjectorPage(v.board.page);
    await p.waitForProjector();
    await v.board.waitForNoteText('Спільне напрацювання та прийняття рішень у громаді');
    for (const size of [
      { width: 1280, height: 720, minText: 14 },
      { width: 1440, height: 900, minText: 16 },
      { width: 1920, height: 1080, minText: 20 },
    ]) {
      await v.board.page.setViewportSize(size);
      await expectWholePhase(p, `at ${size.width}×${size.height}`);
      // As large as fits: edge to edge across or down, less the margins.
      const fill = await p.fill();
      expect(Math.max(fill.across, fill.down), `fill at ${size.width}`).toBeGreaterThan(0.9);
      expect((await p.noteTextSize(id)).screenPx, `note text at ${size.width}`).toBeGreaterThanOrEqual(size.minText);
      await v.board.page.screenshot({ path: `/tmp/projector-${size.width}.png` });
    }
    // The bar is in large type too.
    const sizes = await v.board.page.evaluate(() =>
      ['projector.title', 'board.question'].map((id) => Number.parseFloat(getComputedStyle(document.querySelector(`[data-testid="${id}"]`)!).fontSize)),
    );
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(22);
  });

  it('turns the pages of a long phase by itself, the columns\' headers pinned on the lower pages; a clicker turns them too', async () => {
    const { a, viewerLink } = await hall('Long phase');
    const lines = Array.from({ length: 14 }, (_, i) => `idea number ${i + 1} from the first table`);
    await new PasteLinesDialog(a.board.page).paste('government', lines.join('\n'), lines.length);
    const { v, p } = await projectorFor(viewerLink, async (person) => {
      await person.user.page.setViewportSize({ width: 1280, height: 720 });
      await person.user.page.clock.install();
    });
    await v.board.waitForNoteTexts(lines);
    await p.waitForPage(1);
    expect(await p.pageCount()).toBeGreaterThan(1);
    await expectWholePhase(p, 'page 1');
    const first = await p.columnHeaders();
    expect(first.every((h) => !h.pinned)).toBe(true);

    // Nobody touches it: the next page after a while.
    await v.user.page.clock.fastForward(PAGE_MS);
    await p.waitForPage(2);
    await expectWholePhase(p, 'page 2');
    expect((await p.columnHeaders()).every((h) => h.pinned)).toBe(true);
    await v.board.page.screenshot({ path: '/tmp/projector-page-2.png' });
    const id = await v.board.page.locator('[data-testid="note"]').first().getAttribute('data-note-id');
    expect((await p.noteTextSize(id!)).screenPx).toBeGreaterThanOrEqual(14);

    // A presenter's clicker sends PageUp and PageDown.
    await v.board.page.keyboard.press('PageUp');
    await p.waitForPage(1);
    await expectWholePhase(p, 'back on page 1');
    expect((await p.columnHeaders()).every((h) => !h.pinned)).toBe(true);
    await v.board.page.keyboard.press('PageDown');
    await p.waitForPage(2);
  });

  it('the high-contrast theme applies on request and under prefers-contrast: more', async () => {
    const { a, viewerLink } = await hall('Contrast');
    await a.board.addNote('community', 'Black on colour');
    const { v, p } = await projectorFor(viewerLink);
    await v.board.waitForNoteText('Black on colour', 'community');
    await p.waitForContrast(false);

    // One click in the projector view.
    await p.contrastToggle.click();
    await p.waitForContrast(true);
    expect(await p.contrastToggle.getAttribute('aria-pressed')).toBe('true');
    const theme = await p.theme();
    expect(theme.bg).toBe('rgb(255, 255, 255)');
    expect(theme.ink).toBe('rgb(0, 0, 0)');
    expect(Number.parseFloat(theme.noteBorder ?? '0')).toBeGreaterThanOrEqual(3);
    for (const sel of ['[data-testid="note.text"]', '[data-testid="projector.title"]', '[data-testid="board.question"]', '[data-testid="board.column"] .cell-label']) {
      expect(await p.contrastRatio(sel)).toBeGreaterThanOrEqual(7);
    }
    // Kept on this device: a reload opens in the same theme.
    await v.board.page.reload();
    await p.waitForProjector();
    await p.waitForContrast(true);
    await p.contrastToggle.click();
    await p.waitForContrast(false);

    // The system asks for more contrast: on without a click, on the facilitator's full board too.
    await a.board.page.emulateMedia({ contrast: 'more' });
    const fp = new ProjectorPage(a.board.page);
    await fp.waitForContrast(true);
    expect(await fp.contrastToggle.getAttribute('aria-pressed')).toBe('true');
    expect(await fp.contrastRatio('[data-testid="note.text"]')).toBeGreaterThanOrEqual(7);
    // The person's explicit choice still wins over the system's.
    await fp.contrastToggle.click();
    await fp.waitForContrast(false);
  });

  it('with reduced motion the projector turns a page without a transition', async () => {
    const { a, viewerLink } = await hall('Still');
    const lines = Array.from({ length: 14 }, (_, i) => `still idea ${i + 1}`);
    await new PasteLinesDialog(a.board.page).paste('government', lines.join('\n'), lines.length);
    const { v, p } = await projectorFor(viewerLink, async (person) => {
      await person.user.page.setViewportSize({ width: 1280, height: 720 });
      await person.user.page.emulateMedia({ reducedMotion: 'reduce' });
    });
    await v.board.waitForNoteTexts(lines);
    const motion = await p.motionStyles();
    expect(motion.world).toBe('0s');
    expect(motion.note).toBe('0s');
    expect(motion.noteAnimation).toBe('none');
    await p.waitForPage(1);
    await p.waitForStill();

    await p.recordWorldTransforms();
    await v.board.page.keyboard.press('PageDown');
    await p.waitForPage(2);
    await p.waitForStill();
    // One step, straight to the page: no frames on the way.
    const frames = await p.recordedWorldTransforms();
    expect(frames.length).toBeGreaterThan(0);
    expect(new Set(frames).size).toBe(1);
    expect(frames[0]).toBe(await v.board.world.evaluate((el) => (el as HTMLElement).style.transform));
  });
});
