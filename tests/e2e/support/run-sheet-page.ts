import type { Locator, Page } from 'playwright-core';
import { geometryOf, type Geometry } from './geometry';
import { attr, tid } from './selectors';

/** What the run strip says: the step kind now ('start', 'done' or a step kind), its round and seq. */
export type StripState = { now: string; round: number; seq: number };

/**
 * The run sheet's strip (now · next · time left, and for a facilitator Back and Next) and its
 * editor in the facilitator's panel, as a person uses them.
 */
export class RunStrip {
  constructor(readonly page: Page) {}

  get strip(): Locator {
    return this.page.getByTestId('run.strip');
  }
  get nextButton(): Locator {
    return this.page.getByTestId('run.next-button');
  }
  get backButton(): Locator {
    return this.page.getByTestId('run.back-button');
  }
  get nowText(): Locator {
    return this.page.getByTestId('run.now');
  }
  get nextText(): Locator {
    return this.page.getByTestId('run.next');
  }
  get timeLeft(): Locator {
    return this.page.getByTestId('run.left');
  }

  async state(): Promise<StripState> {
    return this.strip.evaluate((el) => ({
      now: el.getAttribute('data-now') ?? '',
      round: Number(el.getAttribute('data-round')),
      seq: Number(el.getAttribute('data-seq')),
    }));
  }

  /** Waits until the strip shows the press numbered `seq` (every Next and Back counts one). */
  async waitForSeq(seq: number): Promise<void> {
    await this.page.locator(tid('run.strip') + attr('data-seq', String(seq))).waitFor();
  }

  /** Presses Next (by click, or by a finger's tap) and waits until this board shows the move. */
  async next(): Promise<StripState> {
    const { seq } = await this.state();
    await this.nextButton.click();
    await this.waitForSeq(seq + 1);
    return this.state();
  }

  async back(): Promise<StripState> {
    const { seq } = await this.state();
    await this.backButton.click();
    await this.waitForSeq(seq + 1);
    return this.state();
  }

  async geometry(what: 'strip' | 'next' | 'back'): Promise<Geometry> {
    return geometryOf(what === 'strip' ? this.strip : what === 'next' ? this.nextButton : this.backButton);
  }

  /**
   * Every control on the board that is whole on screen and not under the strip's own box, which
   * a tap at its centre does not reach: what the strip would cover if it overlaid the board.
   */
  async coveredControls(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.board button, .board select, .board input, .board a[href]')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) continue;
        if (getComputedStyle(el).visibility === 'hidden') continue;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (hit && !el.contains(hit) && hit.closest('[data-testid="run.strip"]')) {
          out.push(el.getAttribute('data-testid') ?? el.textContent?.trim() ?? el.tagName);
        }
      }
      return out;
    });
  }
}

/** The run sheet editor in the facilitator's panel. */
export class RunSheetEditor {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByTestId('run.editor');
  }
  steps(): Locator {
    return this.page.getByTestId('run.step');
  }
  step(n: number): Locator {
    return this.steps().nth(n - 1);
  }
  async kinds(): Promise<string[]> {
    return this.steps().evaluateAll((els) => els.map((el) => el.getAttribute('data-kind') ?? ''));
  }
  async setNumber(n: number, field: 'rounds' | 'roundMinutes' | 'budget' | 'minutes', value: number): Promise<void> {
    const input = this.step(n).getByTestId(`run.field-${field}`);
    await input.fill(String(value));
    await input.press('Tab');
  }
  async addStep(kind: string): Promise<void> {
    const before = await this.steps().count();
    await this.page.getByTestId('run.new-kind').selectOption(kind);
    await this.page.getByTestId('run.add-step').click();
    await this.steps().nth(before).waitFor();
  }
}
