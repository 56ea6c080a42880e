import type { Locator } from 'playwright-core';
import { BoardNotes } from './board-notes';
import { attr, boxOf, tid, type ShareRole, type WorldTransform } from './selectors';

/**
 * The board page object (tldraw-style: tests read as what a person does). Every wait goes through
 * locators or page.waitForFunction; nothing sleeps.
 */
export class BoardPage extends BoardNotes {
  // ---- navigation --------------------------------------------------------------------------

  /**
   * Opens a board link (as copied from the share dialog) on this person's device. Links carry the
   * facilitator's origin; each simulated device reaches the server through its own origin, so only
   * the path and the fragment (the token) are kept.
   */
  async openLink(link: string, opts: { waitForBoard?: boolean } = {}): Promise<this> {
    const url = new URL(link);
    await this.page.goto(url.pathname + url.search + url.hash);
    const sessionId = decodeURIComponent(/\/s\/([^/?#]+)/.exec(url.pathname)![1]!);
    // The token leaves the address bar as soon as the app has kept it.
    await this.page.waitForFunction(() => !location.hash.includes('t='));
    if (opts.waitForBoard !== false) await this.waitForBoard(sessionId);
    return this;
  }

  /** Opens a session by its bare URL, with whatever token this device has kept (maybe none). */
  async gotoWithoutLink(sessionId: string): Promise<void> {
    await this.page.goto(`/s/${encodeURIComponent(sessionId)}`);
    await this.root.waitFor();
  }

  // ---- facilitator -------------------------------------------------------------------------

  async openShareDialog(): Promise<Locator> {
    if (!(await this.shareDialog.isVisible())) await this.page.getByTestId('board.share').click();
    await this.shareDialog.waitFor();
    return this.shareDialog;
  }

  async closeShareDialog(): Promise<void> {
    await this.page.getByTestId('share.close').click();
    await this.shareDialog.waitFor({ state: 'detached' });
  }

  /** The participant or viewer link from the share dialog (opened and closed again). */
  async shareLink(role: ShareRole): Promise<string> {
    await this.openShareDialog();
    const field = this.shareLinkField(role);
    await this.page.waitForFunction((sel) => (document.querySelector<HTMLInputElement>(sel)?.value ?? '') !== '', tid('share.link') + attr('data-role', role));
    const link = await field.inputValue();
    await this.closeShareDialog();
    return link;
  }

  /** Replaces a share link with a new token; returns the new link. */
  async rotateLink(role: ShareRole): Promise<string> {
    await this.openShareDialog();
    const before = await this.shareLinkField(role).inputValue();
    await this.page.locator(tid('share.rotate') + attr('data-role', role)).click();
    await this.page.waitForFunction(
      ({ sel, before }) => {
        const value = document.querySelector<HTMLInputElement>(sel)?.value ?? '';
        return value !== '' && value !== before;
      },
      { sel: tid('share.link') + attr('data-role', role), before },
    );
    const link = await this.shareLinkField(role).inputValue();
    await this.closeShareDialog();
    return link;
  }

  /**
   * Locks or unlocks a phase as the facilitator does: in the facilitator's panel (opened for it and
   * closed again if it was closed), confirming a lock, and waits for the toggle to show it.
   */
  async setPhaseLocked(phaseId: string, locked: boolean): Promise<void> {
    const panel = this.page.getByTestId('facilitator.panel');
    const wasOpen = await panel.isVisible();
    if (!wasOpen) await this.page.getByTestId('board.facilitate').click();
    const toggle = this.phaseLock(phaseId);
    if ((await toggle.getAttribute('aria-pressed')) !== String(locked)) {
      await toggle.click();
      if (locked) await this.page.locator(tid('board.phase-lock-confirm') + attr('data-phase-id', phaseId)).click();
    }
    await this.page.locator(tid('board.phase-lock') + attr('data-phase-id', phaseId) + attr('aria-pressed', String(locked))).waitFor();
    if (!wasOpen) {
      await this.page.getByTestId('facilitator.close').click();
      await panel.waitFor({ state: 'detached' });
    }
  }

  /** The role the board works with (data-role on the root). */
  async role(): Promise<string> {
    return (await this.root.getAttribute('data-role')) ?? '';
  }

  /** The board of this session is rendered with its topic columns. */
  async waitForBoard(sessionId?: string): Promise<void> {
    const root = sessionId === undefined ? this.root : this.page.locator(tid('board.root') + attr('data-session-id', sessionId));
    await root.waitFor();
    await this.page.getByTestId('board.column').first().waitFor();
  }

  async sessionId(): Promise<string> {
    return (await this.root.getAttribute('data-session-id')) ?? '';
  }

  async currentPhase(): Promise<string> {
    return (await this.root.getAttribute('data-phase-id')) ?? '';
  }

  async switchPhase(phaseId: string): Promise<void> {
    await this.phaseTab(phaseId).click();
    await this.page.locator(tid('board.root') + attr('data-phase-id', phaseId)).waitFor();
    await this.page.locator(tid('board.phase-tab') + attr('data-phase-id', phaseId) + '[aria-selected="true"]').waitFor();
  }

  async phaseIds(): Promise<string[]> {
    return this.page.getByTestId('board.phase-tab').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase-id') ?? ''));
  }

  async topicIds(): Promise<string[]> {
    return this.page.getByTestId('board.column').evaluateAll((els) => els.map((e) => e.getAttribute('data-topic-id') ?? ''));
  }

  async columnHeaders(): Promise<string[]> {
    // The heading only: the header also holds the cell's buttons.
    return this.page.getByTestId('board.column-header').evaluateAll((els) => els.map((e) => (e.querySelector('h3')?.textContent ?? '').trim()));
  }

  // ---- connection ----------------------------------------------------------------------------

  async connectionStatus(): Promise<string> {
    return (await this.page.getByTestId('badge.connection').getAttribute('data-status')) ?? '';
  }

  async waitForStatus(status: 'online' | 'offline' | 'syncing', timeout?: number): Promise<void> {
    await this.page.locator(tid('badge.connection') + attr('data-status', status)).waitFor({ timeout });
  }

  /** The board is connected to the server (online, or still syncing). */
  async waitForConnected(timeout?: number): Promise<void> {
    await this.page.locator(tid('badge.connection') + ':not([data-status="offline"])').waitFor({ timeout });
  }

  /** Local changes not yet acknowledged by the server (0 when the badge shows nothing). */
  async pending(): Promise<number> {
    const badge = this.page.getByTestId('badge.pending');
    if ((await badge.count()) === 0 || !(await badge.first().isVisible())) return 0;
    const n = Number.parseInt(((await badge.first().textContent()) ?? '').replace(/\D+/g, ''), 10);
    return Number.isFinite(n) ? n : 0;
  }

  async waitForPending(predicate: 'zero' | 'positive', timeout?: number): Promise<void> {
    await this.page.waitForFunction(
      (predicate) => {
        const el = document.querySelector<HTMLElement>('[data-testid="badge.pending"]');
        const visible = !!el && el.getClientRects().length > 0;
        const n = visible ? Number.parseInt((el.textContent ?? '').replace(/\D+/g, ''), 10) || 0 : 0;
        return predicate === 'zero' ? n === 0 : n > 0;
      },
      predicate,
      { timeout },
    );
  }

  // ---- presence ----------------------------------------------------------------------------

  /** Moves the mouse to (x, y) in canvas pixels from the canvas's top-left corner. */
  async moveCursor(x: number, y: number): Promise<void> {
    const box = await boxOf(this.canvas);
    await this.page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  }

  async remoteCursorNames(): Promise<string[]> {
    return this.page.getByTestId('cursor.name').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).sort());
  }

  async waitForRemoteCursor(name: string, timeout?: number): Promise<void> {
    await this.page.locator(tid('cursor'), { has: this.page.locator(tid('cursor.name'), { hasText: name }) }).first().waitFor({ timeout });
  }

  async presenceNames(): Promise<string[]> {
    return this.page.getByTestId('presence.user').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).sort());
  }

  // ---- undo --------------------------------------------------------------------------------

  async undo(): Promise<void> {
    await this.page.getByTestId('board.undo').click();
  }
  async redo(): Promise<void> {
    await this.page.getByTestId('board.redo').click();
  }
  /** Ctrl+Z with nothing focused (undo is the board's, not a text field's). */
  async undoKey(): Promise<void> {
    await this.blur();
    await this.page.keyboard.press('Control+z');
  }
  async redoKey(): Promise<void> {
    await this.blur();
    await this.page.keyboard.press('Control+Shift+z');
  }

  // ---- viewport ----------------------------------------------------------------------------

  async worldTransform(): Promise<WorldTransform> {
    return this.world.evaluate((el) => {
      const transform = getComputedStyle(el).transform;
      const m = new DOMMatrix(transform === 'none' ? undefined : transform);
      return {
        zoom: Number(el.getAttribute('data-zoom')),
        transform,
        matrix: { a: m.a, b: m.b, c: m.c, d: m.d, e: m.e, f: m.f },
      };
    });
  }

  /** Drags the empty canvas (no note or control under the pointer) by (dx, dy) screen pixels. */
  async panBy(dx: number, dy: number): Promise<void> {
    const start = await this.emptyCanvasPoint();
    const { mouse } = this.page;
    await mouse.move(start.x, start.y);
    await mouse.down();
    await mouse.move(start.x + dx, start.y + dy, { steps: 10 });
    await mouse.up();
  }

  /** Ctrl + mouse wheel over the empty canvas (negative deltaY zooms in). */
  async ctrlWheel(deltaY: number): Promise<void> {
    const p = await this.emptyCanvasPoint();
    await this.page.mouse.move(p.x, p.y);
    await this.page.keyboard.down('Control');
    await this.page.mouse.wheel(0, deltaY);
    await this.page.keyboard.up('Control');
  }

  async zoomIn(): Promise<void> {
    await this.page.getByTestId('board.zoom-in').click();
  }
  async zoomOut(): Promise<void> {
    await this.page.getByTestId('board.zoom-out').click();
  }
  async zoomFit(): Promise<void> {
    await this.page.getByTestId('board.zoom-fit').click();
  }

  /** Waits until the world's transform differs from `before`. */
  async waitForTransformChange(before: WorldTransform, timeout?: number): Promise<WorldTransform> {
    await this.page.waitForFunction(
      ({ transform, zoom }) => {
        const el = document.querySelector('[data-testid="board.world"]');
        return !!el && (getComputedStyle(el).transform !== transform || Number(el.getAttribute('data-zoom')) !== zoom);
      },
      { transform: before.transform, zoom: before.zoom },
      { timeout },
    );
    return this.worldTransform();
  }
}
