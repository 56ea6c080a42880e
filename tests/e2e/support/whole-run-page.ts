import type { Locator, Page } from 'playwright-core';
import { FacilitatorPanel, type TimerStatus } from './facilitator-page';
import { attr, tid } from './selectors';

/**
 * What the whole-run test needs beyond the other page objects: the rest of the round controls,
 * the timer as everyone sees it (status and round together), and a note's provenance.
 */

/** The facilitator's round controls: what FacilitatorPanel lacks (resume, extend, waiting for a round). */
export class RoundControls {
  readonly panel: FacilitatorPanel;

  constructor(readonly page: Page) {
    this.panel = new FacilitatorPanel(page);
  }

  /** Sets rounds and minutes and waits until the panel shows both as stored. */
  async setRounds(count: number, minutes: number): Promise<void> {
    await this.panel.open();
    await this.panel.setRounds(count, minutes);
    await this.page.waitForFunction(
      ({ count, minutes }) =>
        document.querySelector<HTMLInputElement>('[data-testid="setup.rounds-count"]')?.value === String(count) &&
        document.querySelector<HTMLInputElement>('[data-testid="setup.rounds-minutes"]')?.value === String(minutes),
      { count, minutes },
    );
    await this.startButton(1).waitFor();
  }

  startButton(round: number): Locator {
    return this.page.locator(tid('run.start-round') + attr('data-round', String(round)));
  }

  /** Starts a round and waits until the panel calls it the current one. */
  async startRound(round: number): Promise<void> {
    await this.panel.open();
    await this.panel.startRound(round);
    await this.page.locator(tid('run.round') + attr('data-round', String(round))).waitFor();
  }

  async pause(): Promise<void> {
    await this.panel.open();
    await this.panel.pause();
  }

  async resume(): Promise<void> {
    await this.panel.open();
    await this.page.getByTestId('run.timer-resume').click();
  }

  /** +1 min on the running or paused timer. */
  async extend(): Promise<void> {
    await this.panel.open();
    await this.page.getByTestId('run.timer-extend').click();
  }
}

/** The round timer in the top bar, as any role sees it. */
export class RoundTimer {
  constructor(readonly page: Page) {}

  /** Waits until the badge shows this status for this round. */
  async waitFor(status: TimerStatus, round: number): Promise<void> {
    await this.page.locator(tid('timer.badge') + attr('data-status', status) + attr('data-round', String(round))).waitFor();
  }

  /** Seconds left as shown ("4:59" → 299). */
  async seconds(): Promise<number> {
    const text = ((await this.page.getByTestId('timer.time').textContent()) ?? '').trim();
    const [m, s] = text.split(':').map(Number);
    return (m ?? Number.NaN) * 60 + (s ?? Number.NaN);
  }

  /** Waits until the badge shows more than `secs` seconds left. */
  async waitForMoreThan(secs: number): Promise<void> {
    await this.page.waitForFunction((min) => {
      const [m, s] = (document.querySelector('[data-testid="timer.time"]')?.textContent ?? '').split(':').map(Number);
      return (m ?? 0) * 60 + (s ?? 0) > min;
    }, secs);
  }
}

export type Provenance = { tableId: string; table: string; round: string; author: string };

/** Where a note came from, as its card shows it: table (id and name), round and author ('' = anonymous). */
export async function provenance(page: Page, noteId: string): Promise<Provenance> {
  const note = page.locator(tid('note') + attr('data-note-id', noteId));
  return note.evaluate((el) => ({
    tableId: el.getAttribute('data-table-id') ?? '',
    table: (el.querySelector('[data-testid="note.table"]')?.textContent ?? '').trim(),
    round: el.getAttribute('data-round') ?? '',
    author: el.querySelector('[data-testid="note.author"]')?.getAttribute('data-author') ?? '',
  }));
}

/** Waits until a note shows this count of dots (the count badge, once counts are visible). */
export async function waitForVoteCount(page: Page, noteId: string, count: number): Promise<void> {
  await page.waitForFunction(
    ({ sel, count }) => (document.querySelector(sel)?.textContent ?? '').trim() === String(count),
    { sel: tid('note.votes') + attr('data-note-id', noteId), count },
  );
}

/** The "selected criterion" mark on a note. */
export function selectedMark(page: Page, noteId: string): Locator {
  return page.locator(tid('note') + attr('data-note-id', noteId)).getByTestId('note.selected');
}

/** Ids of the notes marked as selected criteria on the phase shown, sorted. */
export async function selectedNoteIds(page: Page): Promise<string[]> {
  const ids = await page.getByTestId('note.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-note-id') ?? ''));
  return ids.sort();
}
