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
