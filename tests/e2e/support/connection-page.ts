import type { Locator, Page } from 'playwright-core';
import { tid } from './selectors';

export type BadgeReading = { status: string; pendingNotes: number; pendingOther: number; text: string };

/** The connection badge and who is here, as a person reads them in the top bar. */
export class ConnectionView {
  constructor(readonly page: Page) {}

  get badge(): Locator {
    return this.page.getByTestId('badge.connection');
  }
  get pendingChip(): Locator {
    return this.page.getByTestId('badge.pending');
  }
  get peopleCount(): Locator {
    return this.page.getByTestId('presence.count');
  }
  get chips(): Locator {
    return this.page.getByTestId('presence.user');
  }

  async read(): Promise<BadgeReading> {
    return this.badge.evaluate((el) => ({
      status: el.getAttribute('data-status') ?? '',
      pendingNotes: Number(el.getAttribute('data-pending-notes') ?? 0),
      pendingOther: Number(el.getAttribute('data-pending-other') ?? 0),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    }));
  }

  /**
   * Reads the badge every animation frame in the page until `stop()`, so a moment of "online,
   * nothing pending" between two polls from here cannot slip by unseen.
   */
  async record(): Promise<{ stop(): Promise<BadgeReading[]> }> {
    await this.page.evaluate((badgeSelector) => {
      const w = window as unknown as { __badgeLog: unknown[]; __badgeStop: boolean };
      w.__badgeLog = [];
      w.__badgeStop = false;
      const tick = () => {
        const el = document.querySelector(badgeSelector);
        if (el) {
          w.__badgeLog.push({
            status: el.getAttribute('data-status') ?? '',
            pendingNotes: Number(el.getAttribute('data-pending-notes') ?? 0),
            pendingOther: Number(el.getAttribute('data-pending-other') ?? 0),
            text: (el.textContent ?? '').trim(),
          });
        }
        if (!w.__badgeStop) requestAnimationFrame(tick);
      };
      tick();
    }, tid('badge.connection'));
    return {
      stop: () =>
        this.page.evaluate(() => {
          const w = window as unknown as { __badgeLog: BadgeReading[]; __badgeStop: boolean };
          w.__badgeStop = true;
          return w.__badgeLog;
        }),
    };
  }

  /** Waits (in the page, every frame) until the badge shows this; returns how long that took. */
  async waitFor(expected: { status?: string; pendingNotes?: number }, timeout = 20_000): Promise<number> {
    const start = Date.now();
    await this.page.waitForFunction(
      ({ selector, expected }) => {
        const el = document.querySelector(selector);
        if (!el) return false;
        if (expected.status !== undefined && el.getAttribute('data-status') !== expected.status) return false;
        return expected.pendingNotes === undefined || Number(el.getAttribute('data-pending-notes')) === expected.pendingNotes;
      },
      { selector: tid('badge.connection'), expected },
      { timeout, polling: 'raf' },
    );
    return Date.now() - start;
  }

  async chipColors(): Promise<string[]> {
    return this.chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-color') ?? ''));
  }
}
