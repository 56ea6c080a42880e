import { describe, expect, it } from 'vitest';
import { ControlSockets } from './support/control-sockets';
import { geometryOf } from './support/geometry';
import { useE2E } from './support/harness';
import { PhaseSockets } from './support/phase-sockets';

const e2e = useE2E();

/** A facilitator's session and a participant whose phase sockets the test can speak for. */
async function participantWithSockets() {
  const a = await e2e.person('Facilitator');
  const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Refusals' });
  await a.board.waitForConnected();
  const link = await a.board.shareLink('participant');
  const b = await e2e.person('Participant');
  const sockets = await PhaseSockets.install(b.user.page);
  await b.board.openLink(link);
  return { a, b, sessionId, sockets };
}

describe('refused writes', () => {
  it('a full room says the change was not saved and stays on this device; the board stays writable', async () => {
    const { b, sockets } = await participantWithSockets();
    await b.board.waitForStatus('online');
    await b.board.addNote('government', 'one note too many');
    sockets.deny('room-full');
    const banner = b.board.page.locator('[data-testid="board.banner"][data-reason="refused-room-full"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('stay on this device and are not shared');
    // Deleting notes frees room: nothing turned read-only.
    expect(await b.board.readOnlyBadge().count()).toBe(0);
    await b.board.addButton('government').waitFor();
  });

  it('a read-only refusal says so, and the board stops offering writes', async () => {
    const { b, sockets } = await participantWithSockets();
    await b.board.waitForStatus('online');
    sockets.deny('read-only');
    await b.board.page.locator('[data-testid="board.banner"][data-reason="refused-read-only"]').waitFor();
    await b.board.readOnlyBadge('denied').waitFor();
    expect(await b.board.addButtons.count()).toBe(0);
  });

  it('a phase the server does not know yet only waits, and the wait ends once it does', async () => {
    const { b, sockets } = await participantWithSockets();
    await b.board.waitForStatus('online');
    await sockets.refuseUnknownPhase(true);
    const waiting = b.board.page.locator('[data-testid="board.banner"][data-reason="waiting-phase"]');
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('Waiting for the facilitator');
    expect(await b.board.page.locator('[data-testid="board.banner"][data-reason^="refused-"]').count()).toBe(0);
    await sockets.refuseUnknownPhase(false);
    await waiting.waitFor({ state: 'detached' });
    await b.board.waitForStatus('online');
  });

  it('a control record the server refuses (1007 invalid-record) is said on the board, and the device does not come back to send it again', async () => {
    const a = await e2e.person('Facilitator');
    const page = a.user.page;
    // The page's timers under the test's hand: the provider's backoff (at most 2.5 s) is run through at once.
    await page.clock.install();
    const sockets = await ControlSockets.install(page);
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Refused record' });
    await a.board.waitForStatus('online');
    const before = sockets.opened;
    await sockets.refuseRecord();
    const banner = page.locator('[data-testid="board.banner"][data-reason="refused-invalid-record"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('reload the page: the board repairs such records when it opens');
    expect(await geometryOf(banner)).toMatchObject({ inViewport: true });
    await page.clock.runFor(30_000);
    expect(sockets.opened).toBe(before);
    await page.screenshot({ path: '/tmp/refused-invalid-record.png' });
  });
});
