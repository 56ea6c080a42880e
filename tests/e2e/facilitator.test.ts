import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { FacilitatorPanel, TimerBadgeView } from './support/facilitator-page';

const e2e = useE2E();

/** A facilitator's session and a participant on it, both connected. */
const cafe = () => e2e.cafe({ title: 'Run a café' });

describe('facilitator panel', () => {
  it('renaming a topic and adding a phase reach the participant live; only the facilitator can facilitate', async () => {
    const { a, b } = await cafe();
    expect(await b.board.page.getByTestId('board.facilitate').count()).toBe(0);
    // Everyone sees the timer, idle until a round starts.
    await new TimerBadgeView(b.board.page).waitForStatus('idle');

    const panel = await new FacilitatorPanel(a.board.page).open();
    const topic = (await a.board.topicIds())[0]!;
    await panel.renameTopic(topic, 'Local council');
    const phase = await panel.addPhase('Next steps');

    await b.board.page.waitForFunction(
      (id) => document.querySelector(`[data-testid="board.column"][data-topic-id="${id}"]`)?.textContent?.includes('Local council') ?? false,
      topic,
    );
    await b.board.phaseTab(phase).waitFor();
    expect(await b.board.phaseTab(phase).getAttribute('title')).toBe('Next steps');
    expect(await b.board.page.getByTestId('board.facilitate').count()).toBe(0);
  });

  it('starting a round runs the same timer for everyone, and pausing freezes it for everyone', async () => {
    const { a, b } = await cafe();
    const panel = await new FacilitatorPanel(a.board.page).open();
    await panel.setRounds(2, 1);
    await a.board.page.locator('[data-testid="run.start-round"][data-round="1"]').waitFor();
    await a.board.page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="setup.rounds-count"]')?.value === '2');
    await panel.startRound(1);

    const timers = [new TimerBadgeView(a.board.page), new TimerBadgeView(b.board.page)];
    for (const timer of timers) {
      await timer.waitForStatus('running');
      const secs = await timer.seconds();
      expect(secs).toBeGreaterThan(0);
      expect(secs).toBeLessThanOrEqual(60);
      expect(await timer.badge.getAttribute('data-round')).toBe('1');
    }

    await panel.pause();
    for (const timer of timers) await timer.waitForStatus('paused');
    const [ta, tb] = [await timers[0]!.text(), await timers[1]!.text()];
    expect(ta).toMatch(/^[01]:\d\d$/);
    expect(tb).toBe(ta);
  });

  it('ending the round now shows "time is up" to everyone and chimes once where not muted', async () => {
    const { a, b } = await cafe();
    const panel = await new FacilitatorPanel(a.board.page).open();
    await panel.setRounds(2, 1);
    await a.board.page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="setup.rounds-count"]')?.value === '2');
    await panel.startRound(1);
    await panel.close();
    const mine = new TimerBadgeView(a.board.page);
    const theirs = new TimerBadgeView(b.board.page);
    for (const timer of [mine, theirs]) await timer.waitForStatus('running');
    // Only whoever runs the café can end a round.
    expect(await theirs.endNowButton.count()).toBe(0);
    // The facilitator mutes this device (a projector in the room chimes instead); the participant
    // has touched the page, so the browser lets it play sound.
    await mine.muteButton.click();
    await a.board.page.locator('[data-testid="timer.mute"][aria-pressed="true"]').waitFor();
    await theirs.badge.click();
    expect(await theirs.chimes()).toBe(0);

    await mine.endNowButton.click();
    for (const timer of [mine, theirs]) {
      await timer.waitForStatus('ended');
      await timer.endedLabel.waitFor();
      expect(await timer.endedLabel.textContent()).toBe('Time is up');
      expect(await timer.text()).toBe('0:00');
    }
    await theirs.waitForChimes(1);
    expect(await mine.chimes()).toBe(0);
    expect(await mine.endNowButton.count()).toBe(0);
  });

  it('the timer can be extended and reset, and voting opened and closed from the panel', async () => {
    const { a, b } = await cafe();
    const panel = await new FacilitatorPanel(a.board.page).open();
    await panel.setRounds(2, 1);
    await panel.startRound(1);
    const mine = new TimerBadgeView(a.board.page);
    const theirs = new TimerBadgeView(b.board.page);
    await mine.waitForStatus('running');
    await a.board.page.getByTestId('run.timer-extend').click();
    // One more minute than a round: more than 1:00 left, on both devices.
    for (const timer of [mine, theirs]) await timer.waitForMoreThan(60);
    await a.board.page.getByTestId('run.timer-reset').click();
    await mine.waitForStatus('idle');
    await theirs.waitForStatus('idle');
    await a.board.page.locator('[data-testid="run.round"][data-round="1"]').waitFor();

    await a.board.page.getByTestId('voting.budget').fill('5');
    await a.board.page.getByTestId('voting.open').click();
    await a.board.page.locator('[data-testid="voting.status"][data-open="true"]').waitFor();
    await a.board.page.getByTestId('voting.close').click();
    await a.board.page.locator('[data-testid="voting.status"][data-open="false"]').waitFor();
  });
});
