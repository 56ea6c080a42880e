import type { Locator, Page } from 'playwright-core';

/** The facilitator's drawer and everyone's round timer, as a person uses them. */

const tid = (id: string): string => `[data-testid="${id}"]`;
const attr = (name: string, value: string): string => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

export type TimerStatus = 'idle' | 'running' | 'paused' | 'ended';

export class FacilitatorPanel {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByTestId('board.facilitate');
  }
  get panel(): Locator {
    return this.page.getByTestId('facilitator.panel');
  }
  topicLabel(topicId: string): Locator {
    return this.page.locator(tid('setup.topic-label') + attr('data-topic-id', topicId));
  }
  phaseTitles(): Locator {
    return this.page.getByTestId('setup.phase-title');
  }

  async open(): Promise<this> {
    if (!(await this.panel.isVisible())) await this.openButton.click();
    await this.panel.waitFor();
    return this;
  }

  async close(): Promise<void> {
    await this.page.getByTestId('facilitator.close').click();
    await this.panel.waitFor({ state: 'detached' });
  }

  /** Types into a field and leaves it (the change applies on blur). */
  private async commit(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    await field.press('Tab');
  }

  async renameTopic(topicId: string, label: string): Promise<void> {
    await this.commit(this.topicLabel(topicId), label);
  }

  /** Adds a phase and returns its id (the one new `setup.phase-title`). */
  async addPhase(title: string): Promise<string> {
    const before = new Set(await this.phaseTitles().evaluateAll((els) => els.map((e) => e.getAttribute('data-phase-id') ?? '')));
    await this.page.getByTestId('setup.phase-add').click();
    const handle = await this.page.waitForFunction(
      (known) =>
        [...document.querySelectorAll('[data-testid="setup.phase-title"]')]
          .map((e) => e.getAttribute('data-phase-id') ?? '')
          .find((id) => id && !known.includes(id)) ?? null,
      [...before],
    );
    const id = (await handle.jsonValue()) as string;
    await this.commit(this.page.locator(tid('setup.phase-title') + attr('data-phase-id', id)), title);
    return id;
  }

  async setRounds(count: number, minutes: number): Promise<void> {
    await this.commit(this.page.getByTestId('setup.rounds-count'), String(count));
    await this.commit(this.page.getByTestId('setup.rounds-minutes'), String(minutes));
  }

  async startRound(round: number): Promise<void> {
    const button = this.page.locator(tid('run.start-round') + attr('data-round', String(round)));
    await button.click();
  }

  async pause(): Promise<void> {
    await this.page.getByTestId('run.timer-pause').click();
  }
}

/** Everyone's round timer in the top bar. */
export class TimerBadgeView {
  constructor(readonly page: Page) {}

  get badge(): Locator {
    return this.page.getByTestId('timer.badge');
  }

  async waitForStatus(status: TimerStatus): Promise<void> {
    await this.page.locator(tid('timer.badge') + attr('data-status', status)).waitFor();
  }

  async text(): Promise<string> {
    return ((await this.page.getByTestId('timer.time').textContent()) ?? '').trim();
  }

  /** Waits until the badge shows more than `secs` seconds left. */
  async waitForMoreThan(secs: number): Promise<void> {
    await this.page.waitForFunction((min) => {
      const [m, s] = (document.querySelector('[data-testid="timer.time"]')?.textContent ?? '').split(':').map(Number);
      return (m ?? 0) * 60 + (s ?? 0) > min;
    }, secs);
  }

  get endNowButton(): Locator {
    return this.page.getByTestId('timer.end-now');
  }
  get muteButton(): Locator {
    return this.page.getByTestId('timer.mute');
  }
  /** The visible "Time is up" next to the countdown. */
  get endedLabel(): Locator {
    return this.page.getByTestId('timer.ended');
  }
  /** How many end-of-round chimes this page has played. */
  async chimes(): Promise<number> {
    return Number(await this.badge.getAttribute('data-chimed'));
  }
  async waitForChimes(count: number): Promise<void> {
    await this.page.locator(tid('timer.badge') + attr('data-chimed', String(count))).waitFor();
  }

  /** The time shown, in seconds ("0:59" → 59). */
  async seconds(): Promise<number> {
    const [m, s] = (await this.text()).split(':').map(Number);
    return (m ?? Number.NaN) * 60 + (s ?? Number.NaN);
  }
}
