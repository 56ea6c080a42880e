import type { Locator, Page } from 'playwright-core';
import { attr, boxOf, tid, type BannerReason, type ReadOnlyReason, type ShareRole } from './selectors';

/** What every board page object stands on: locators, and where on the canvas a person can act. */
export class BoardBase {
  constructor(readonly page: Page) {}

  // ---- locators ----------------------------------------------------------------------------

  get root(): Locator {
    return this.page.getByTestId('board.root');
  }
  get canvas(): Locator {
    return this.page.getByTestId('board.canvas');
  }
  get world(): Locator {
    return this.page.getByTestId('board.world');
  }
  note(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId));
  }
  notes(topicId?: string): Locator {
    return this.page.locator(tid('note') + (topicId === undefined ? '' : attr('data-topic-id', topicId)));
  }
  column(topicId: string): Locator {
    return this.page.locator(
      `${tid('board.column')}${attr('data-topic-id', topicId)}, ${tid('board.cross-row')}${attr('data-topic-id', topicId)}`,
    );
  }
  addButton(topicId: string): Locator {
    return this.page.locator(tid('board.add-note') + attr('data-topic-id', topicId));
  }
  phaseTab(phaseId: string): Locator {
    return this.page.locator(tid('board.phase-tab') + attr('data-phase-id', phaseId));
  }
  get editor(): Locator {
    return this.page.getByTestId('note.editor');
  }
  get addButtons(): Locator {
    return this.page.getByTestId('board.add-note');
  }
  banner(reason: BannerReason): Locator {
    return this.page.locator(tid('board.banner') + attr('data-reason', reason));
  }
  /** The read-only indicator; with a reason, only when it shows that reason. */
  readOnlyBadge(reason?: ReadOnlyReason): Locator {
    return this.page.locator(tid('board.readonly') + (reason === undefined ? '' : attr('data-reason', reason)));
  }
  phaseLock(phaseId: string): Locator {
    return this.page.locator(tid('board.phase-lock') + attr('data-phase-id', phaseId));
  }
  phaseLockedMarker(phaseId: string): Locator {
    return this.page.locator(tid('board.phase-locked') + attr('data-phase-id', phaseId));
  }
  get shareDialog(): Locator {
    return this.page.getByTestId('share.dialog');
  }
  shareLinkField(role: ShareRole): Locator {
    return this.page.locator(tid('share.link') + attr('data-role', role));
  }

  // ---- geometry ----------------------------------------------------------------------------

  protected async blur(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  }

  /** Centre of the part of an element that is inside the canvas viewport. */
  protected async visibleCenter(locator: Locator): Promise<{ x: number; y: number }> {
    const [el, canvas] = await Promise.all([boxOf(locator), boxOf(this.canvas)]);
    const left = Math.max(el.x, canvas.x);
    const top = Math.max(el.y, canvas.y);
    const right = Math.min(el.x + el.width, canvas.x + canvas.width);
    const bottom = Math.min(el.y + el.height, canvas.y + canvas.height);
    if (right <= left || bottom <= top) throw new Error('Target is outside the visible canvas');
    return { x: (left + right) / 2, y: (top + bottom) / 2 };
  }

  /** A point on the canvas with no note, control or text field under it. */
  protected async emptyCanvasPoint(): Promise<{ x: number; y: number }> {
    const point = await this.canvas.evaluate((canvas) => {
      const r = canvas.getBoundingClientRect();
      const blocked = '[data-testid="note"], button, a, input, textarea, select, [contenteditable="true"], [role="button"], [data-testid="board.column-header"]';
      for (let fy = 0.5; fy < 1; fy += 0.05) {
        for (let fx = 0.5; fx < 1; fx += 0.05) {
          for (const [x, y] of [
            [r.left + r.width * fx, r.top + r.height * fy],
            [r.left + r.width * (1 - fx), r.top + r.height * (1 - fy)],
          ] as const) {
            const hit = document.elementFromPoint(x, y);
            if (hit && canvas.contains(hit) && !hit.closest(blocked)) return { x, y };
          }
        }
      }
      return null;
    });
    if (!point) throw new Error('No empty spot on the canvas to grab');
    return point;
  }
}
