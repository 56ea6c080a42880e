import type { Locator, Page } from 'playwright-core';

/**
 * Page objects for the board (tldraw-style: tests read as what a person does). Every wait goes
 * through locators or page.waitForFunction; nothing sleeps.
 */

const tid = (id: string): string => `[data-testid="${id}"]`;
const attr = (name: string, value: string): string => `[${name}="${cssEscape(value)}"]`;
const cssEscape = (v: string): string => v.replace(/["\\]/g, '\\$&');

export type ShareRole = 'participant' | 'viewer';
export type ReadOnlyReason = 'viewer' | 'locked' | 'denied';
export type BannerReason = 'no-token' | 'unauthorized' | 'unknown-session' | 'newer' | 'loading' | 'connecting' | 'offline-empty' | 'not-found';

export type CreateSessionOptions = { template?: string; language?: 'uk' | 'ru' | 'en'; title?: string };
export type WorldTransform = { zoom: number; transform: string; matrix: DOMMatrixLike };
export type DOMMatrixLike = { a: number; b: number; c: number; d: number; e: number; f: number };

export class HomePage {
  constructor(readonly page: Page) {}

  async open(): Promise<this> {
    await this.page.goto('/');
    await this.page.getByTestId('home.create').waitFor();
    return this;
  }

  async setName(name: string): Promise<void> {
    const input = this.page.getByTestId('home.name');
    await input.fill(name);
    await input.press('Tab');
  }

  /** Creates a session from the home screen and waits for its board; returns the session id. */
  async createSession(opts: CreateSessionOptions = {}): Promise<string> {
    if (opts.template !== undefined) await this.page.getByTestId('home.template').selectOption(opts.template);
    if (opts.language !== undefined) await this.page.getByTestId('home.language').selectOption(opts.language);
    if (opts.title !== undefined) await this.page.getByTestId('home.title').fill(opts.title);
    await this.page.getByTestId('home.create').click();
    await this.page.waitForURL(/\/s\/[^/?#]+/);
    const sessionId = decodeURIComponent(/\/s\/([^/?#]+)/.exec(this.page.url())![1]!);
    await new BoardPage(this.page).waitForBoard(sessionId);
    return sessionId;
  }

  async recent(): Promise<{ sessionId: string; text: string }[]> {
    return this.page.getByTestId('home.recent-item').evaluateAll((els) =>
      els.map((el) => ({ sessionId: el.getAttribute('data-session-id') ?? '', text: (el.textContent ?? '').trim() })),
    );
  }

  async join(idOrLink: string): Promise<void> {
    await this.page.getByTestId('home.join-input').fill(idOrLink);
    await this.page.getByTestId('home.join-go').click();
  }
}

export class BoardPage {
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

  /** Locks or unlocks a phase with its toggle and waits for the toggle to show it. */
  async setPhaseLocked(phaseId: string, locked: boolean): Promise<void> {
    const toggle = this.phaseLock(phaseId);
    if ((await toggle.getAttribute('aria-pressed')) !== String(locked)) await toggle.click();
    await this.page.locator(tid('board.phase-lock') + attr('data-phase-id', phaseId) + attr('aria-pressed', String(locked))).waitFor();
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
    return this.page.getByTestId('board.column-header').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }

  // ---- notes -------------------------------------------------------------------------------

  async noteIds(): Promise<string[]> {
    return this.notes().evaluateAll((els) => els.map((e) => e.getAttribute('data-note-id') ?? ''));
  }

  /** Clicks "+" in a topic cell (or the cross row), types the text, leaves the editor; returns the note id. */
  async addNote(topicId: string, text: string): Promise<string> {
    const before = new Set(await this.noteIds());
    await this.addButton(topicId).click();
    await this.editor.waitFor();
    const noteId = await this.editingNoteId(before);
    await this.typeAndLeave(text);
    await this.waitForText(noteId, text);
    return noteId;
  }

  /** Opens the editor of an existing note (double-click), as a person does. */
  async startEditing(noteId: string): Promise<Locator> {
    const note = this.note(noteId);
    await note.getByTestId('note.text').dblclick();
    const editor = note.getByTestId('note.editor');
    await editor.waitFor();
    return editor;
  }

  /** Leaves the editor with Escape. */
  async stopEditing(): Promise<void> {
    await this.editor.press('Escape');
    await this.editor.waitFor({ state: 'detached' });
  }

  async editNote(noteId: string, text: string): Promise<void> {
    await this.startEditing(noteId);
    await this.typeAndLeave(text);
    await this.waitForText(noteId, text);
  }

  /** Real pointer drag: press on the note, move in steps into the target cell (+dx,dy), release. */
  async dragNote(noteId: string, toTopicId: string, dx = 0, dy = 0): Promise<void> {
    const note = this.note(noteId);
    await note.scrollIntoViewIfNeeded();
    const from = await grabPoint(note);
    const target = await this.visibleCenter(this.column(toTopicId).first());
    const { mouse } = this.page;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 5, from.y + 5, { steps: 2 });
    await mouse.move(target.x + dx, target.y + dy, { steps: 12 });
    await mouse.up();
    await this.page.locator(tid('note') + attr('data-note-id', noteId) + attr('data-topic-id', toTopicId)).waitFor();
  }

  /** Selects the note, then picks a colour from its palette. */
  async recolor(noteId: string, color: string): Promise<void> {
    await this.select(noteId);
    await this.noteControl(noteId, tid('note.color') + attr('data-color', color)).click();
    await this.page.locator(tid('note') + attr('data-note-id', noteId) + attr('data-color', color)).waitFor();
  }

  async deleteNote(noteId: string): Promise<void> {
    await this.select(noteId);
    await this.noteControl(noteId, tid('note.delete')).click();
    await this.note(noteId).waitFor({ state: 'detached' });
  }

  /** A click on the note's body selects it (shows its palette and delete button). */
  async select(noteId: string): Promise<void> {
    const note = this.note(noteId);
    const p = await grabPoint(note);
    await this.page.mouse.click(p.x, p.y);
  }

  async noteText(noteId: string): Promise<string> {
    return ((await this.note(noteId).getByTestId('note.text').textContent()) ?? '').trim();
  }

  async noteAttr(noteId: string, name: 'data-topic-id' | 'data-color'): Promise<string> {
    return (await this.note(noteId).getAttribute(name)) ?? '';
  }

  /** Texts of the notes shown (in one topic cell, or all), sorted. */
  async noteTexts(topicId?: string): Promise<string[]> {
    const texts = await this.notes(topicId).evaluateAll((els) =>
      els.map((e) => (e.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim()),
    );
    return texts.sort();
  }

  /** Waits until a note with exactly this text is shown (optionally in a topic); returns its id. */
  async waitForNoteText(text: string, topicId?: string, timeout?: number): Promise<string> {
    const handle = await this.page.waitForFunction(
      ({ text, topicId }) => {
        for (const el of document.querySelectorAll('[data-testid="note"]')) {
          if (topicId !== undefined && el.getAttribute('data-topic-id') !== topicId) continue;
          if ((el.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim() === text) {
            return el.getAttribute('data-note-id') || true;
          }
        }
        return false;
      },
      { text, topicId },
      { timeout },
    );
    const id = await handle.jsonValue();
    return typeof id === 'string' ? id : '';
  }

  async waitForNoNoteText(text: string): Promise<void> {
    await this.page.waitForFunction(
      (text) =>
        ![...document.querySelectorAll('[data-testid="note"] [data-testid="note.text"]')].some(
          (el) => (el.textContent ?? '').trim() === text,
        ),
      text,
    );
  }

  /** Waits until the board shows exactly these note texts (any order, duplicates counted). */
  async waitForNoteTexts(expected: readonly string[], timeout?: number): Promise<void> {
    const want = [...expected].sort();
    await this.page
      .waitForFunction(
        (want) => {
          const got = [...document.querySelectorAll('[data-testid="note"]')]
            .map((e) => (e.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim())
            .sort();
          return got.length === want.length && got.every((t, i) => t === want[i]);
        },
        want,
        { timeout },
      )
      .catch(async (error: unknown) => {
        throw new Error(`Board never showed ${JSON.stringify(want)}; it shows ${JSON.stringify(await this.noteTexts())}`, {
          cause: error,
        });
      });
  }

  async waitForText(noteId: string, text: string): Promise<void> {
    await this.page.waitForFunction(
      ({ noteId, text }) => {
        const el = document.querySelector(`[data-testid="note"][data-note-id="${CSS.escape(noteId)}"] [data-testid="note.text"]`);
        return (el?.textContent ?? '').trim() === text;
      },
      { noteId, text },
    );
  }

  async editingIndicators(): Promise<string[]> {
    return this.page.getByTestId('note.editing-by').evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0).map((e) => (e.textContent ?? '').trim()),
    );
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

  // ---- internals ---------------------------------------------------------------------------

  private async blur(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  }

  /** The note whose editor is open: the editor's enclosing note, else the one note that is new. */
  private async editingNoteId(before: Set<string>): Promise<string> {
    const inside = await this.editor.evaluate((el) => el.closest('[data-testid="note"]')?.getAttribute('data-note-id') ?? '');
    if (inside) return inside;
    const handle = await this.page.waitForFunction((before) => {
      const fresh = [...document.querySelectorAll('[data-testid="note"]')]
        .map((e) => e.getAttribute('data-note-id') ?? '')
        .filter((id) => id && !before.includes(id));
      return fresh.length === 1 ? fresh[0] : false;
    }, [...before]);
    return (await handle.jsonValue()) as string;
  }

  private async typeAndLeave(text: string): Promise<void> {
    await this.editor.fill(text);
    await this.stopEditing();
  }

  /** A control of one note (palette swatch, delete): it lives inside the note and shows when the note is selected. */
  private noteControl(noteId: string, selector: string): Locator {
    return this.note(noteId).locator(selector);
  }

  /** Centre of the part of an element that is inside the canvas viewport. */
  private async visibleCenter(locator: Locator): Promise<{ x: number; y: number }> {
    const [el, canvas] = await Promise.all([boxOf(locator), boxOf(this.canvas)]);
    const left = Math.max(el.x, canvas.x);
    const top = Math.max(el.y, canvas.y);
    const right = Math.min(el.x + el.width, canvas.x + canvas.width);
    const bottom = Math.min(el.y + el.height, canvas.y + canvas.height);
    if (right <= left || bottom <= top) throw new Error('Target is outside the visible canvas');
    return { x: (left + right) / 2, y: (top + bottom) / 2 };
  }

  /** A point on the canvas with no note, control or text field under it. */
  private async emptyCanvasPoint(): Promise<{ x: number; y: number }> {
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

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`No bounding box for ${String(locator)}`);
  return box;
}

/** Where a person grabs a note: on its body, away from the text and the controls. */
async function grabPoint(note: Locator): Promise<{ x: number; y: number }> {
  const box = await boxOf(note);
  return { x: box.x + box.width / 2, y: box.y + Math.min(8, box.height / 4) };
}
