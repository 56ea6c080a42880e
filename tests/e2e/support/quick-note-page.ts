import type { BrowserContextOptions } from 'playwright-core';
import { TouchBoard, type Point } from './touch-page';
import { attr, tid } from './selectors';

/** A laptop's screen, and a phone held upright: touch, no hover. */
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

/**
 * A person who starts a note and types at once, on a slow device: the page object never waits
 * between the gesture that makes the note and the keys, as a fast typist does not.
 */
export class QuickNoteBoard extends TouchBoard {
  /** Slows the page's CPU by `rate` (a busy laptop, a cheap phone), through the DevTools protocol. */
  async throttleCpu(rate: number): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }

  async zoom(): Promise<number> {
    return Number(await this.world.getAttribute('data-zoom'));
  }

  /** Zooms out with the zoom button until at most `most` (about a quarter: the whole board on a phone). */
  async zoomOutTo(most: number): Promise<number> {
    for (let presses = 0; presses < 20 && (await this.zoom()) > most; presses++) {
      const before = await this.zoom();
      await this.zoomOut();
      await this.page.waitForFunction((z) => Number(document.querySelector('[data-testid="board.world"]')?.getAttribute('data-zoom')) !== z, before);
    }
    return this.zoom();
  }

  /** Back to 100 % with the zoom level button. */
  async zoomToActualSize(): Promise<void> {
    await this.page.getByTestId('board.zoom-reset').click();
    await this.page.locator(tid('board.world') + attr('data-zoom', '1')).waitFor({ state: 'attached' });
  }

  /** A column whose "+" is on screen and takes a press at its centre; pans down to the headers if none is. */
  async reachableAddButton(): Promise<{ topic: string; at: Point }> {
    for (let pans = 0; pans < 8; pans++) {
      const found = await this.addButtonOnScreen();
      if (found) return found;
      await this.panBy(0, 120);
    }
    throw new Error('No column "+" on screen');
  }

  private async addButtonOnScreen(): Promise<{ topic: string; at: Point } | null> {
    return this.page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-testid="board.add-note"]')) {
        const r = el.getBoundingClientRect();
        const at = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        if (el.dataset.topicId !== '_cross' && document.elementFromPoint(at.x, at.y)?.closest('button') === el) return { topic: el.dataset.topicId ?? '', at };
      }
      return null;
    });
  }

  /** A point on the empty body of a column, on screen, with no note or control under it. */
  async emptyPointIn(topic: string): Promise<Point> {
    const at = await this.column(topic).first().evaluate((col) => {
      const r = col.getBoundingClientRect();
      const canvas = document.querySelector('[data-testid="board.canvas"]')!.getBoundingClientRect();
      for (let fy = 0.9; fy > 0.3; fy -= 0.05) {
        const p = { x: r.left + r.width / 2, y: r.top + r.height * fy };
        const hit = document.elementFromPoint(p.x, p.y);
        if (p.y < canvas.bottom - 8 && hit && col.contains(hit) && !hit.closest('button, [data-testid="note"], header')) return p;
      }
      return null;
    });
    if (!at) throw new Error(`No empty spot on screen in column ${topic}`);
    return at;
  }

  /**
   * Presses "+" (a finger on a touch screen, else the mouse button) and types `text` at once: the
   * first key goes down while the press is still held, the rest are sent without waiting for the
   * release and the click to be handled, as on a device too busy to keep up with a quick typist.
   */
  async addAndTypeAtOnce(at: Point, text: string, by: 'tap' | 'click'): Promise<void> {
    if (by === 'tap') await this.fingerDown(1, at);
    else {
      await this.page.mouse.move(at.x, at.y);
      await this.page.mouse.down();
    }
    await this.typeWhile(text, () => (by === 'tap' ? this.fingerUp(1) : this.page.mouse.up()));
  }

  /** Double-clicks `at`, typing `text` from the second press on (see addAndTypeAtOnce). */
  async doubleClickAndTypeAtOnce(at: Point, text: string): Promise<void> {
    const { mouse } = this.page;
    await mouse.click(at.x, at.y);
    await mouse.down({ clickCount: 2 });
    await this.typeWhile(text, () => mouse.up({ clickCount: 2 }));
  }

  private async typeWhile(text: string, release: () => Promise<void>): Promise<void> {
    const [first = '', ...rest] = [...text];
    await this.page.keyboard.type(first);
    await Promise.all([release(), this.page.keyboard.type(rest.join(''))]);
  }

  /** What the note in a column holds, as the model has it (from its accessible name: "Note: <text>, …"). */
  async savedTexts(topic: string): Promise<string[]> {
    return this.notes(topic).evaluateAll((els) => els.map((el) => /^Note: (.*?), topic /s.exec(el.getAttribute('aria-label') ?? '')?.[1] ?? ''));
  }
}
