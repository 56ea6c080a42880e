import type { Locator, Page } from 'playwright-core';
import { attr, tid } from './selectors';

/** Follow mode as a person uses it: the facilitator's "bring everyone here", everyone else's pill. */


export class FollowControls {
  constructor(readonly page: Page) {}

  get pill(): Locator {
    return this.page.getByTestId('follow.pill');
  }
  get toggle(): Locator {
    return this.page.getByTestId('follow.toggle');
  }
  get spotlightButton(): Locator {
    return this.page.getByTestId('follow.spotlight');
  }

  /** Facilitator: brings everyone to the phase and viewport on this screen. */
  async bringEveryoneHere(): Promise<void> {
    await this.spotlightButton.click();
  }

  /** Participant or viewer: follow the facilitator again. */
  async follow(): Promise<void> {
    await this.toggle.click();
    await this.waitForFollowing(true);
  }

  async following(): Promise<boolean> {
    return (await this.pill.getAttribute('data-following')) === 'true';
  }

  async waitForFollowing(following: boolean, timeout?: number): Promise<void> {
    await this.page.locator(tid('follow.pill') + attr('data-following', String(following))).waitFor({ timeout });
  }

  /** Waits until the board shows `phaseId` (its tab selected too). */
  async waitForPhase(phaseId: string, timeout?: number): Promise<void> {
    await this.page.locator(tid('board.root') + attr('data-phase-id', phaseId)).waitFor({ timeout });
    await this.page.locator(tid('board.phase-tab') + attr('data-phase-id', phaseId) + '[aria-selected="true"]').waitFor({ timeout });
  }

  async zoom(): Promise<number> {
    return Number(await this.page.getByTestId('board.world').getAttribute('data-zoom'));
  }

  /** Waits until this device has received the facilitator's spotlight number `seq`. */
  async waitForSpotlight(seq: number, timeout?: number): Promise<void> {
    await this.page.locator(tid('follow.pill') + attr('data-spotlight-seq', String(seq))).waitFor({ timeout });
  }

  /** Waits until the board's zoom is within `tolerance` of `zoom` (a followed move animates). */
  async waitForZoom(zoom: number, tolerance = 0.01, timeout?: number): Promise<number> {
    await this.page.waitForFunction(
      ({ zoom, tolerance }) => {
        const el = document.querySelector('[data-testid="board.world"]');
        return !!el && Math.abs(Number(el.getAttribute('data-zoom')) - zoom) <= tolerance;
      },
      { zoom, tolerance },
      { timeout },
    );
    return this.zoom();
  }
}
