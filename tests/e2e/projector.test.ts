import { describe, expect, it } from 'vitest';
import { useE2E, type Person } from './support/harness';
import { FollowControls } from './support/follow-page';
import { ProjectorPage } from './support/projector-page';

const e2e = useE2E();

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

describe('projector view', () => {
  it('a viewer link opens the projector and follows the facilitator\'s phase and spotlight without a click', async () => {
    const { a, fa, viewerLink } = await hall('Hall');
    // The share dialog says what the viewer link is for.
    const dialog = await a.board.openShareDialog();
    expect(await dialog.getByTestId('share.projector-hint').textContent()).toContain('projector');
    await a.board.closeShareDialog();

    // Sent before the projector is even switched on: it must still land there.
    await a.board.switchPhase('reality');
    await a.board.zoomIn();
    await a.board.panBy(-150, 60);
    await fa.bringEveryoneHere();
    const first = await fa.centrePoint();

    const { v, p } = await projectorFor(viewerLink);
    // Only the essentials: no phase tabs, no note controls, the question in the bar.
    await p.waitForPhase('reality');
    expect(await v.board.page.getByTestId('board.phase-tab').count()).toBe(0);
    expect(await v.board.addButtons.count()).toBe(0);
    expect(await p.phaseName.textContent()).toBeTruthy();
    await v.board.waitForConnected();
    await p.waitForSpotlight(1);
    const seen = await p.follow.waitForCentre(first, 0.5);
    expect(seen.x).toBeCloseTo(first.x, 0);

    // The facilitator moves on: the projector follows, phase and place, with nobody touching it.
    await a.board.switchPhase('steps');
    await a.board.panBy(120, -40);
    await fa.bringEveryoneHere();
    const second = await fa.centrePoint();
    await p.waitForSpotlight(2);
    await p.waitForPhase('steps');
    await p.follow.waitForCentre(second, 0.5);
    expect(await p.question.textContent()).toBeTruthy();

    // A guest may step out to look around, and back in.
    await p.leave();
    await v.board.phaseTab('ideal').click();
    await p.follow.waitForFollowing(false);
    await p.enter();
    await p.waitForPhase('steps');
    await p.follow.waitForCentre(second, 0.5);
  });

  it('the projector shows notes in type of at least 24 px', async () => {
    const { a, fa, viewerLink } = await hall('Large type');
    const id = await a.board.addNote('government', 'Readable from the back row');
    // The facilitator looks at the whole board, zoomed out: small on a laptop, not on the wall.
    await a.board.zoomOut();
    await a.board.zoomOut();
    await fa.bringEveryoneHere();
    const laptop = await new ProjectorPage(a.board.page).noteTextSize(id);
    expect(laptop.screenPx).toBeLessThan(24);

    const { v, p } = await projectorFor(viewerLink);
    await v.board.waitForNoteText('Readable from the back row', 'government');
    await p.waitForSpotlight(1);
    await p.follow.waitForCentre(await fa.centrePoint(), 0.5);
    const wall = await p.noteTextSize(id);
    expect(wall.screenPx).toBeGreaterThanOrEqual(24);
    // Measured, not only computed: the first character's line box on screen.
    expect(wall.lineHeightPx).toBeGreaterThanOrEqual(24);
    // Zooming out by hand cannot shrink it either.
    await v.board.ctrlWheel(400);
    await v.board.ctrlWheel(400);
    expect((await p.noteTextSize(id)).screenPx).toBeGreaterThanOrEqual(24);
    // The bar is in large type too.
    const sizes = await v.board.page.evaluate(() =>
      ['projector.title', 'board.question'].map((id) => Number.parseFloat(getComputedStyle(document.querySelector(`[data-testid="${id}"]`)!).fontSize)),
    );
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(24);
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

  it('with reduced motion the follower jumps to the spotlight without transition', async () => {
    const { a, fa, viewerLink } = await hall('Still');
    await a.board.addNote('government', 'No gliding');
    const { v, p } = await projectorFor(viewerLink, (person) => person.user.page.emulateMedia({ reducedMotion: 'reduce' }));
    await v.board.waitForNoteText('No gliding', 'government');
    const motion = await p.motionStyles();
    expect(motion.world).toBe('0s');
    expect(motion.note).toBe('0s');
    expect(motion.noteAnimation).toBe('none');

    await p.recordWorldTransforms();
    await a.board.zoomIn();
    await a.board.panBy(-200, 100);
    await fa.bringEveryoneHere();
    const target = await fa.centrePoint();
    await p.waitForSpotlight(1);
    await p.follow.waitForCentre(target, 0.5);
    // One step, straight to the target: no frames on the way.
    const frames = await p.recordedWorldTransforms();
    expect(frames.length).toBeGreaterThan(0);
    expect(new Set(frames).size).toBe(1);
    expect(frames[0]).toBe(await v.board.world.evaluate((el) => (el as HTMLElement).style.transform));
  });
});
