import { describe, expect, it } from 'vitest';
import { FacilitatorPanel } from './support/facilitator-page';
import { useE2E, type Person } from './support/harness';
import { LinkChoice } from './support/link-choice-page';

const e2e = useE2E();

/** The facilitator creates a session; returns it with its participant link. */
async function facilitatorSession(): Promise<{ a: Person; sessionId: string; participant: string }> {
  const a = await e2e.person('Facilitator');
  const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Own links' });
  await a.board.waitForConnected();
  return { a, sessionId, participant: await a.board.shareLink('participant') };
}

/** The board is the facilitator's: role, share button and the facilitator panel. */
async function expectFacilitator(a: Person): Promise<void> {
  expect(await a.board.role()).toBe('facilitator');
  await a.board.page.getByTestId('board.share').waitFor();
  const panel = await new FacilitatorPanel(a.board.page).open();
  await panel.close();
}

describe('links and the roles a device holds', () => {
  it('the facilitator opening a participant link of its own session chooses, and keeps the facilitator token', async () => {
    const { a, sessionId, participant } = await facilitatorSession();
    const choice = new LinkChoice(a.board.page);

    await a.board.openLink(participant);
    expect(await choice.roles()).toEqual({ own: 'facilitator', link: 'participant' });
    expect(await choice.dialog.textContent()).toContain('Open as facilitator (your own link)');
    for (const button of await choice.reach(choice.dialog)) expect(button).toMatchObject({ inViewport: true, hitsButton: true });
    // On a phone the long labels wrap; both buttons stay whole on screen and take the tap.
    const size = a.board.page.viewportSize();
    await a.board.page.setViewportSize({ width: 360, height: 640 });
    for (const button of await choice.reach(choice.dialog)) expect(button).toMatchObject({ inViewport: true, hitsButton: true });
    if (size) await a.board.page.setViewportSize(size);
    // Behind the question the board already runs with the device's own role, the default.
    expect(await a.board.role()).toBe('facilitator');
    expect(await a.board.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('link-choice.own');
    await choice.choose('own');
    await expectFacilitator(a);

    // The same link again, this time in its own role: a participant's board.
    await a.board.openLink(participant);
    await choice.choose('link');
    await a.board.page.locator('[data-testid="board.root"][data-role="participant"]').waitFor();
    await a.board.waitForConnected();
    expect(await a.board.page.getByTestId('board.share').count()).toBe(0);
    await a.board.addNote('government', 'written as a participant');

    // The facilitator token is still on the device: the bare session URL opens the facilitator's board.
    await a.board.gotoWithoutLink(sessionId);
    await a.board.waitForBoard(sessionId);
    await expectFacilitator(a);
    await a.board.waitForNoteText('written as a participant', 'government');
    await a.home.open();
    await a.board.page.locator(`[data-testid="home.recent-item"][data-session-id="${sessionId}"][data-role="facilitator"]`).waitFor();
  });

  it('a link whose token the server refuses opens the device’s own role and costs it nothing', async () => {
    const { a, sessionId, participant } = await facilitatorSession();
    const choice = new LinkChoice(a.board.page);
    // Someone forwards the old participant link after it was replaced: this device never knew its role.
    await a.board.rotateLink('participant');
    await a.board.openLink(participant);
    for (const button of await choice.reach(choice.refused)) expect(button).toMatchObject({ inViewport: true, hitsButton: true });
    await choice.dismissRefused();
    expect(await choice.dialog.count()).toBe(0);
    await expectFacilitator(a);
    await a.board.gotoWithoutLink(sessionId);
    await a.board.waitForBoard(sessionId);
    expect(await a.board.role()).toBe('facilitator');
  });
});
