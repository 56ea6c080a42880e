import type { Locator } from 'playwright-core';
import { BoardBase } from './board-base';
import { boxOf } from './selectors';

type Point = { x: number; y: number };
/** The translation (and for the world, the scale) of the board's two moving elements. */
export type Layers = { world: { x: number; y: number; zoom: number }; pan: Point };

/** A pan held in the middle: pressed on empty board and moved, the button still down. */
export class PanView extends BoardBase {
  get panLayer(): Locator {
    return this.page.getByTestId('board.pan');
  }

  async layers(): Promise<Layers> {
    return this.page.evaluate(() => {
      const matrix = (testId: string) => {
        const el = document.querySelector(`[data-testid="${testId}"]`);
        // A board without a pan layer moves its world alone: the pan is none.
        if (!el && testId === 'board.pan') return new DOMMatrix();
        if (!el) throw new Error(`no ${testId}`);
        const t = getComputedStyle(el).transform;
        return new DOMMatrix(t === 'none' ? undefined : t);
      };
      const w = matrix('board.world');
      const p = matrix('board.pan');
      return { world: { x: w.e, y: w.f, zoom: w.a }, pan: { x: p.e, y: p.f } };
    });
  }

  /** Presses the mouse on empty board; returns where. */
  async press(): Promise<Point> {
    const at = await this.emptyCanvasPoint();
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.down();
    return at;
  }

  async moveTo(p: Point): Promise<void> {
    await this.page.mouse.move(p.x, p.y, { steps: 10 });
  }

  async release(): Promise<void> {
    await this.page.mouse.up();
  }

  async wheel(dx: number, dy: number): Promise<void> {
    const at = await this.emptyCanvasPoint();
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.wheel(dx, dy);
  }

  async noteBox(noteId: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return boxOf(this.note(noteId));
  }
}

/**
 * What one step of a gesture does to the notes: a MutationObserver on the world records every
 * note element whose attributes (style, class, data-*) or children change, and how many.
 */
export class NoteTouches extends PanView {
  /** Starts recording; a later `touched()` says what changed since. */
  async watch(): Promise<void> {
    await this.page.getByTestId('board.world').evaluate((world) => {
      const seen = new Set<string>();
      let records = 0;
      const handle = (list: MutationRecord[]) => {
        for (const r of list) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          const note = el?.closest('[data-testid="note"]');
          if (note) {
            records++;
            seen.add(note.getAttribute('data-note-id') ?? '?');
          }
          for (const added of [...r.addedNodes, ...r.removedNodes]) {
            if (added instanceof Element && added.matches('[data-testid="note"]')) seen.add(added.getAttribute('data-note-id') ?? '?');
          }
        }
      };
      const observer = new MutationObserver(handle);
      observer.observe(world, { attributes: true, childList: true, characterData: true, subtree: true });
      (window as unknown as { __touches: unknown }).__touches = { seen, observer, handle, records: () => records };
    });
  }

  /**
   * Waits `frames` frames, stops recording, returns the notes touched. Eight frames cover what a
   * step sets in motion, a drag's live write included (they go out at most every 50 ms).
   */
  async touched(frames = 8): Promise<{ notes: string[]; records: number }> {
    return this.page.evaluate(async (count) => {
      for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      type Touches = { seen: Set<string>; observer: MutationObserver; handle: (list: MutationRecord[]) => void; records: () => number };
      const w = (window as unknown as { __touches: Touches }).__touches;
      w.handle(w.observer.takeRecords());
      w.observer.disconnect();
      return { notes: [...w.seen], records: w.records() };
    }, frames);
  }

  /** Presses the mouse in the middle of note `id`'s visible part; returns where. */
  async pressNote(id: string): Promise<Point> {
    const at = await this.visibleCenter(this.note(id));
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.down();
    return at;
  }

  async noteCount(): Promise<number> {
    return this.page.locator('[data-testid="note"]').count();
  }
}
