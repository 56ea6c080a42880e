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

  /** Waits until the board shows `phaseId` (its tab selected too; a projector hides the tabs). */
  async waitForPhase(phaseId: string, timeout?: number): Promise<void> {
    await this.page.locator(tid('board.root') + attr('data-phase-id', phaseId)).waitFor({ timeout });
    // A projector (a viewer link) shows the phase's name instead of the tabs.
    if ((await this.page.locator(tid('board.phase-tab')).count()) === 0) return;
    await this.page.locator(tid('board.phase-tab') + attr('data-phase-id', phaseId) + '[aria-selected="true"]').waitFor({ timeout });
  }

  /** Waits until the tab of `phaseId` carries the mark of the facilitator's (current) phase. */
  async waitForCurrentMark(phaseId: string, timeout?: number): Promise<void> {
    await this.page.locator(tid('board.phase-tab') + attr('data-phase-id', phaseId) + attr('data-current', 'true')).waitFor({ timeout });
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

  /** The board point shown at the centre of this device's canvas (from the world's transform). */
  async centrePoint(): Promise<{ x: number; y: number }> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="board.canvas"]');
      const world = document.querySelector('[data-testid="board.world"]');
      if (!canvas || !world) throw new Error('No board canvas');
      const m = new DOMMatrix(getComputedStyle(world).transform);
      // The canvas's exact (fractional) size, as the board measures it, not rounded client pixels.
      const r = canvas.getBoundingClientRect();
      return { x: (r.width / 2 - m.e) / m.a, y: (r.height / 2 - m.f) / m.d };
    });
  }

  /** Waits until the board point at the centre of this canvas is within `tolerance` (board units) of `point`. */
  async waitForCentre(point: { x: number; y: number }, tolerance = 1, timeout?: number): Promise<{ x: number; y: number }> {
    await this.page.waitForFunction(
      ({ point, tolerance }) => {
        const canvas = document.querySelector('[data-testid="board.canvas"]');
        const world = document.querySelector('[data-testid="board.world"]');
        if (!canvas || !world) return false;
        const m = new DOMMatrix(getComputedStyle(world).transform);
        const r = canvas.getBoundingClientRect();
        const x = (r.width / 2 - m.e) / m.a;
        const y = (r.height / 2 - m.f) / m.d;
        return Math.abs(x - point.x) <= tolerance && Math.abs(y - point.y) <= tolerance;
      },
      { point, tolerance },
      { timeout },
    );
    return this.centrePoint();
  }
}
