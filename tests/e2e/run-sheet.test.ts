import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, newUser, type User } from './support/browser';
import { useE2E } from './support/harness';
import { BoardPage, HomePage } from './support/pages';
import { PHONE, PhoneBoard } from './support/phone-page';
import { RunSheetEditor, RunStrip } from './support/run-sheet-page';
import { FacilitatorPanel } from './support/facilitator-page';
import { attr, tid } from './support/selectors';
import { storedToken } from './support/participant-page';

const e2e = useE2E();
const devices: User[] = [];
afterEach(async () => {
  await closeUsers(devices);
});

const SHOTS = process.env.RUN_SHOTS;
const PROJECTOR = { viewport: { width: 1920, height: 1080 } };

async function device(name: string, options: Parameters<typeof newUser>[3]): Promise<User> {
  const user = await newUser(e2e.browser, e2e.server.url, name, options);
  devices.push(user);
  await (await new HomePage(user.page).open()).setName(name);
  return user;
}

/** What each step of seed 003's run sheet looks like on every board once Next has reached it. */
type Expect = { now: string; round: number; phase: string; timer?: { status: 'running' | 'idle'; round: number }; voting?: boolean; locked?: string };
const SEED_003: Expect[] = [
  { now: 'phase', round: 1, phase: 'ideal', timer: { status: 'running', round: 1 } },
  { now: 'phase', round: 2, phase: 'ideal', timer: { status: 'running', round: 2 } },
  { now: 'phase', round: 3, phase: 'ideal', timer: { status: 'running', round: 3 } },
  { now: 'vote', round: 0, phase: 'ideal', timer: { status: 'running', round: 0 }, voting: true },
  { now: 'lock', round: 0, phase: 'ideal', timer: { status: 'idle', round: 0 }, voting: false, locked: 'ideal' },
  { now: 'break', round: 0, phase: 'ideal', timer: { status: 'running', round: 0 }, locked: 'ideal' },
  { now: 'phase', round: 1, phase: 'reality', timer: { status: 'running', round: 1 } },
  { now: 'phase', round: 2, phase: 'reality', timer: { status: 'running', round: 2 } },
  { now: 'phase', round: 3, phase: 'reality', timer: { status: 'running', round: 3 } },
  { now: 'lock', round: 0, phase: 'reality', timer: { status: 'idle', round: 0 }, locked: 'reality' },
  { now: 'phase', round: 1, phase: 'steps', timer: { status: 'running', round: 0 } },
  { now: 'lock', round: 0, phase: 'steps', timer: { status: 'idle', round: 0 }, locked: 'steps' },
  { now: 'results', round: 0, phase: 'ideal', timer: { status: 'idle', round: 0 }, voting: false },
];

const phaseOf = (page: BoardPage['page']) => page.getByTestId('board.root').getAttribute('data-phase-id');

describe('the run sheet', () => {
  it(
    "a whole seed-003 café driven only by Next on the facilitator's board, seen on a participant's phone and on the projector",
    async () => {
      const fac = await e2e.person('Facilitator');
      await fac.user.page.setViewportSize({ width: 1280, height: 720 });
      await fac.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Run sheet' });
      await fac.board.waitForConnected();
      const participantLink = await fac.board.shareLink('participant');
      const viewerLink = await fac.board.shareLink('viewer');

      const phoneUser = await device('Petro', PHONE);
      const phone = new PhoneBoard(phoneUser.page);
      await phone.join(participantLink);
      await phone.waitForConnected();
      const wallUser = await device('Wall', PROJECTOR);
      const wall = new BoardPage(wallUser.page);
      await wall.openLink(viewerLink);
      await wall.waitForConnected();
      await wallUser.page.locator(tid('board.root') + attr('data-view', 'projector')).waitFor();

      const facStrip = new RunStrip(fac.board.page);
      const strips = [facStrip, new RunStrip(phone.page), new RunStrip(wall.page)];
      // Before the first Next, only the facilitator sees the strip (with what Next will do).
      await facStrip.nextText.waitFor();
      expect(await facStrip.state()).toMatchObject({ now: 'start', seq: 0 });
      expect(await strips[1]!.strip.count()).toBe(0);

      let idea = '';
      for (const [i, step] of SEED_003.entries()) {
        await facStrip.next();
        for (const [j, s] of strips.entries()) {
          const who = ['facilitator', 'phone', 'projector'][j]!;
          await s.waitForSeq(i + 1);
          expect(await s.state(), `${who} after Next ${i + 1}`).toEqual({ now: step.now, round: step.round, seq: i + 1 });
          await expect.poll(() => phaseOf(s.page)).toBe(step.phase);
          if (step.timer) {
            // An idle badge is in the page but hidden.
            const badge = tid('timer.badge') + attr('data-status', step.timer.status) + attr('data-round', String(step.timer.round));
            await s.page.locator(badge).first().waitFor({ state: 'attached' });
          }
          if (step.timer?.status === 'running') expect(await s.timeLeft.textContent(), who).toMatch(/\d+:\d\d/);
          if (step.timer?.status === 'idle') expect(await s.timeLeft.count(), who).toBe(0);
        }
        if (step.voting === true) await phone.dotsLeft.waitFor();
        if (step.voting === false) await phone.dotsLeft.waitFor({ state: 'detached' });
        if (step.locked) {
          await phone.readOnlyBadge('locked').waitFor();
          await fac.board.page.locator(tid('board.phase-locked') + attr('data-phase-id', step.locked)).first().waitFor();
        }
        if (i === 0) {
          // On the wall (1920×1080) and the phone the strip is whole on screen and covers nothing.
          for (const s of strips.slice(1)) {
            expect(await s.geometry('strip')).toMatchObject({ inViewport: true, onTop: true });
            expect(await s.coveredControls()).toEqual([]);
          }
          // The phone writes in the first round and puts a dot on it in the vote.
          idea = await phone.writeNote('open budget hearings');
        }
        if (step.now === 'vote') {
          await phone.tapOn(phone.voteButton(idea));
          await phone.page.locator(tid('board.dots-left') + attr('data-left', '2')).waitFor();
        }
        if (SHOTS) for (const [j, s] of strips.entries()) await s.page.screenshot({ path: `${SHOTS}/step-${i + 1}-${j}.png` });
      }
      // Results: everyone on the voted phase, voting closed, the dot counted on the wall.
      await wall.page.waitForFunction(
        (id) => (document.querySelector(`[data-testid="note.votes"][data-note-id="${id}"]`)?.textContent ?? '').trim() === '1',
        idea,
      );
      // The column's vote chart floats above its header: the wall frames it whole, under the strip.
      const chart = await wall.page.locator(tid('board.vote-bars')).first().boundingBox();
      const canvas = await wall.page.locator(tid('board.canvas')).boundingBox();
      expect(chart && canvas).toBeTruthy();
      expect(chart!.y).toBeGreaterThanOrEqual(canvas!.y);
      expect(chart!.y + chart!.height).toBeLessThanOrEqual(canvas!.y + canvas!.height);
      // Past the last step the strip says the café is over and Next is spent.
      await facStrip.next();
      for (const s of strips) await expect.poll(async () => (await s.state()).now).toBe('done');
      expect(await facStrip.nextButton.isDisabled()).toBe(true);
    },
    240_000,
  );

  it('the strip covers no control at 390×844 (touch), 1280×720 and 1920×1080, and its buttons are reachable', async () => {
    const fac = await e2e.person('Facilitator');
    await fac.home.createSession({ template: 'world-cafe-ngo', language: 'uk' });
    await fac.board.waitForConnected();
    const participantLink = await fac.board.shareLink('participant');
    const facStrip = new RunStrip(fac.board.page);
    await facStrip.next();

    for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await fac.board.page.setViewportSize(size);
      for (const what of ['strip', 'next', 'back'] as const) {
        const g = await facStrip.geometry(what);
        expect(g, `${what} at ${size.width}`).toMatchObject({ inViewport: true, onTop: true });
      }
      expect(await facStrip.coveredControls(), `${size.width}×${size.height}`).toEqual([]);
    }
    const phoneUser = await device('Petro', PHONE);
    const phone = new PhoneBoard(phoneUser.page);
    await phone.join(participantLink);
    const phoneStrip = new RunStrip(phone.page);
    await phoneStrip.waitForSeq(1);
    expect(await phoneStrip.geometry('strip')).toMatchObject({ inViewport: true, onTop: true });
    expect(await phoneStrip.coveredControls()).toEqual([]);
    expect(await phone.screenProblems()).toEqual([]);
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/phone-strip.png` });
    // A facilitator on a phone (touch): Back and Next are finger-sized, and the panel's editor fits.
    const olena = await device('Olena', PHONE);
    await olena.page.getByTestId('home.language').selectOption('en');
    await olena.page.getByTestId('home.create').click();
    const facPhone = new PhoneBoard(olena.page);
    await facPhone.waitForPhone();
    const facPhoneStrip = new RunStrip(olena.page);
    await facPhone.tapOn(facPhoneStrip.nextButton);
    await facPhoneStrip.waitForSeq(1);
    for (const what of ['strip', 'next', 'back'] as const) {
      const g = await facPhoneStrip.geometry(what);
      expect(g, what).toMatchObject({ inViewport: true, onTop: true });
      if (what !== 'strip') expect(Math.min(g.height, g.width), what).toBeGreaterThanOrEqual(44);
    }
    expect(await facPhoneStrip.coveredControls()).toEqual([]);
    expect(await facPhone.screenProblems()).toEqual([]);
    if (SHOTS) await olena.page.screenshot({ path: `${SHOTS}/phone-facilitator-strip.png` });
    await facPhone.openMenu();
    await facPhone.tapOn(olena.page.getByTestId('board.facilitate'));
    const editor = new RunSheetEditor(olena.page);
    await editor.step(1).scrollIntoViewIfNeeded();
    expect(await facPhone.screenProblems('[data-testid="facilitator.panel"]')).toEqual([]);
    await editor.step(9).scrollIntoViewIfNeeded();
    expect(await facPhone.screenProblems('[data-testid="facilitator.panel"]')).toEqual([]);
    if (SHOTS) await olena.page.screenshot({ path: `${SHOTS}/phone-run-editor.png` });
  });

  it('Back undoes a step for everyone; a Next pressed offline applies there and reaches the others on reconnect', async () => {
    const { a: fac, b: part } = await e2e.cafe();
    const facStrip = new RunStrip(fac.board.page);
    const partStrip = new RunStrip(part.board.page);
    for (let i = 0; i < 4; i++) await facStrip.next();
    await partStrip.waitForSeq(4);
    await part.board.page.getByTestId('board.dots-left').waitFor();
    await facStrip.back();
    await partStrip.waitForSeq(5);
    expect(await partStrip.state()).toMatchObject({ now: 'phase', round: 3 });
    await part.board.page.getByTestId('board.dots-left').waitFor({ state: 'detached' });

    await fac.user.goOffline();
    await facStrip.next();
    expect(await facStrip.state()).toMatchObject({ now: 'vote', seq: 6 });
    expect(await partStrip.state()).toMatchObject({ seq: 5 });
    await fac.user.goOnline();
    await partStrip.waitForSeq(6);
    expect(await partStrip.state()).toMatchObject({ now: 'vote' });
    await part.board.page.getByTestId('board.dots-left').waitFor();
  });

  it('one facilitator on a laptop and a phone: Next on either moves the other, and both pressed at once while offline advance one step', async () => {
    const { a: laptop, b: part, sessionId } = await e2e.cafe();
    await laptop.user.page.setViewportSize({ width: 1280, height: 720 });
    // The facilitator sheet of the printed kit carries this link (its QR code) for a second device.
    const facilitatorLink = `${e2e.server.url}/s/${sessionId}#t=${await storedToken(laptop.board.page, sessionId)}`;
    const phoneUser = await device('Olena', PHONE);
    const phone = new PhoneBoard(phoneUser.page);
    await phone.join(facilitatorLink);
    await phone.waitForConnected();
    const [onLaptop, onPhone, onPart] = [new RunStrip(laptop.board.page), new RunStrip(phone.page), new RunStrip(part.board.page)];
    await onPhone.nextButton.waitFor();

    await onLaptop.next();
    await onPhone.waitForSeq(1);
    await phone.tapOn(onPhone.nextButton);
    await onLaptop.waitForSeq(2);
    await onPart.waitForSeq(2);
    expect(await onLaptop.state()).toEqual({ now: 'phase', round: 2, seq: 2 });

    // Both devices lose the venue Wi-Fi, and the facilitator presses Next on each of them.
    await Promise.all([laptop.user.goOffline(), phoneUser.goOffline()]);
    await onLaptop.next();
    await phone.tapOn(onPhone.nextButton);
    await onPhone.waitForSeq(3);
    await Promise.all([laptop.user.goOnline(), phoneUser.goOnline()]);
    // Merged, the two presses made at the same step are one step: round 3, not the vote after it.
    for (const strip of [onLaptop, onPhone, onPart]) {
      await expect.poll(() => strip.state()).toMatchObject({ now: 'phase', round: 3 });
    }
    await part.board.page.locator(tid('timer.badge') + attr('data-status', 'running') + attr('data-round', '3')).first().waitFor({ state: 'attached' });
    expect(await part.board.page.getByTestId('board.dots-left').count()).toBe(0);
    // The phone is a facilitator's: its strip has both buttons, finger-sized and reachable.
    for (const what of ['next', 'back'] as const) {
      const g = await onPhone.geometry(what);
      expect(g, what).toMatchObject({ inViewport: true, onTop: true });
      expect(Math.min(g.height, g.width), what).toBeGreaterThanOrEqual(44);
    }
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/phone-second-facilitator.png` });
  });

  it('the facilitator edits the run sheet in the panel: minutes, a new step, the order', async () => {
    const { a: fac, b: part } = await e2e.cafe({ language: 'ru' });
    const panel = await new FacilitatorPanel(fac.board.page).open();
    const editor = new RunSheetEditor(fac.board.page);
    await editor.editor.waitFor();
    expect(await editor.kinds()).toEqual(['phase', 'vote', 'lock', 'break', 'phase', 'lock', 'phase', 'lock', 'results']);
    await editor.setNumber(1, 'roundMinutes', 7);
    await editor.addStep('break');
    await editor.step(10).getByTestId('run.step-up').click();
    await expect.poll(() => editor.kinds()).toEqual(['phase', 'vote', 'lock', 'break', 'phase', 'lock', 'phase', 'lock', 'break', 'results']);
    // Keyboard reachable: the Next button is focusable and pressed with Enter.
    await panel.close();
    const facStrip = new RunStrip(fac.board.page);
    await facStrip.nextButton.focus();
    await fac.board.page.keyboard.press('Enter');
    const partStrip = new RunStrip(part.board.page);
    await partStrip.waitForSeq(1);
    await part.board.page.locator(tid('timer.badge') + attr('data-status', 'running')).first().waitFor();
    const seconds = await part.board.page.getByTestId('timer.time').first().textContent();
    const [m] = (seconds ?? '').split(':').map(Number);
    expect(m).toBeLessThanOrEqual(7);
    // The strip names the step in the session's language (the phase's own title).
    expect(await partStrip.nowText.textContent()).toContain('ФОРМИРОВАНИЕ ИДЕАЛЬНОГО ВИДЕНИЯ');
  });
});
