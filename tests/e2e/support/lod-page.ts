import type { Locator, Page } from 'playwright-core';
import { attr, tid } from './selectors';

/** Level of detail on the board as a person meets it: zooming out and in, and what a note becomes. */
export class LodBoard {
  constructor(readonly page: Page) {}

  note(id: string): Locator {
    return this.page.locator(`${tid('note')}${attr('data-note-id', id)}`);
  }

  async zoom(): Promise<number> {
    return Number(await this.page.getByTestId('board.world').getAttribute('data-zoom'));
  }

  /** Presses the zoom button (out or in) until `done(zoom)`, waiting for each press to land. */
  async zoomUntil(direction: 'in' | 'out', done: (zoom: number) => boolean): Promise<number> {
    for (let presses = 0; presses < 20; presses++) {
      const before = await this.zoom();
      if (done(before)) return before;
      await this.page.getByTestId(`board.zoom-${direction}`).click();
      await this.page.waitForFunction(
        (z) => Number(document.querySelector('[data-testid="board.world"]')?.getAttribute('data-zoom')) !== z,
        before,
      );
    }
    throw new Error(`zoom never reached the wanted level (now ${await this.zoom()})`);
  }

  /** The event listeners registered on note `id`'s element itself (CDP), by event type. */
  async ownListeners(id: string): Promise<string[]> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const selector = `[data-testid="note"][data-note-id="${id}"]`;
      const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})` });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      return listeners.map((l) => l.type);
    } finally {
      await cdp.detach();
    }
  }

  /** Waits until note `id` shows its text editor. */
  async waitForEditor(id: string): Promise<void> {
    await this.note(id).getByTestId('note.editor').waitFor();
  }

  /** 'chip' for a light note, 'card' for a full one; waits until the note shows as `kind`. */
  async waitForKind(id: string, kind: 'chip' | 'card'): Promise<void> {
    const note = this.note(id);
    await (kind === 'chip' ? note.and(this.page.locator('[data-lod="chip"]')) : note.getByTestId('note.text')).waitFor();
  }

  async accessible(id: string): Promise<{ role: string | null; roleDescription: string | null; name: string | null; tabIndex: number }> {
    return this.note(id).evaluate((el: HTMLElement) => ({
      role: el.getAttribute('role'),
      roleDescription: el.getAttribute('aria-roledescription'),
      name: el.getAttribute('aria-label'),
      tabIndex: el.tabIndex,
    }));
  }

  /** Moves keyboard focus with Tab until a note has it; returns that note's id. */
  async tabToANote(): Promise<string> {
    await this.page.getByTestId('board.canvas').focus();
    for (let presses = 0; presses < 40; presses++) {
      await this.page.keyboard.press('Tab');
      const id = await this.page.evaluate(() => document.activeElement?.closest('[data-testid="note"]')?.getAttribute('data-note-id') ?? null);
      if (id) return id;
    }
    throw new Error('Tab never reached a note');
  }

  /** Waits until the focused element is the full card of note `id`. */
  async waitForFocusedCard(id: string): Promise<void> {
    await this.page.waitForFunction((noteId) => {
      const el = document.activeElement;
      return el?.getAttribute('data-note-id') === noteId && el.getAttribute('data-lod') !== 'chip' && !!el.querySelector('[data-testid="note.text"]');
    }, id);
  }
}
