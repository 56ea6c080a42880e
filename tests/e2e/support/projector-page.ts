import type { Locator, Page } from 'playwright-core';
import { FollowControls } from './follow-page';
import { attr, tid } from './selectors';

/** How a note's text looks on this screen: its CSS size, the world's zoom, and what that makes. */
export type NoteTextSize = { fontPx: number; zoom: number; screenPx: number; lineHeightPx: number };

/**
 * The projector view, as the screen on a hall's wall shows it (a viewer link), and the high-contrast
 * theme and reduced motion as any board has them. Follow-mode reads come from FollowControls.
 */
export class ProjectorPage {
  readonly follow: FollowControls;
  constructor(readonly page: Page) {
    this.follow = new FollowControls(page);
  }

  get bar(): Locator {
    return this.page.getByTestId('projector.bar');
  }
  get toggle(): Locator {
    return this.page.getByTestId('projector.toggle');
  }
  get contrastToggle(): Locator {
    // The zoom controls carry one too; the projector hides them.
    return this.page.locator('[data-testid="contrast.toggle"]:visible');
  }
  get question(): Locator {
    return this.bar.getByTestId('board.question');
  }
  get phaseName(): Locator {
    return this.page.getByTestId('projector.phase');
  }

  /** Waits until the board is (or is not) in the projector view. */
  async waitForProjector(on = true, timeout?: number): Promise<void> {
    await this.page.locator(tid('board.root') + attr('data-view', on ? 'projector' : 'board')).waitFor({ timeout });
  }

  /** Waits until the projector has received the facilitator's spotlight number `seq`. */
  async waitForSpotlight(seq: number, timeout?: number): Promise<void> {
    await this.page.locator(tid('projector.bar') + attr('data-spotlight-seq', String(seq))).waitFor({ timeout });
  }

  /** Waits until the board shows `phaseId` (no tabs here: the root says which phase). */
  async waitForPhase(phaseId: string, timeout?: number): Promise<void> {
    await this.page.locator(tid('board.root') + attr('data-phase-id', phaseId)).waitFor({ timeout });
  }

  async leave(): Promise<void> {
    await this.toggle.click();
    await this.waitForProjector(false);
  }
  async enter(): Promise<void> {
    await this.toggle.click();
    await this.waitForProjector(true);
  }

  /** The page indicator of a phase the projector pages through ("Page 2 of 3"); absent on one page. */
  get pageIndicator(): Locator {
    return this.page.getByTestId('projector.page');
  }

  /** Waits until the projector shows page `page` (1-based) of its phase. */
  async waitForPage(page: number, timeout?: number): Promise<void> {
    await this.page.locator(tid('projector.page') + attr('data-page', String(page))).waitFor({ timeout });
  }

  /** How many pages the phase has on this screen (1 when it fits). */
  async pageCount(): Promise<number> {
    return (await this.pageIndicator.count()) ? Number(await this.pageIndicator.getAttribute('data-pages')) : 1;
  }

  /**
   * Waits until the world has stopped moving: the same transform for a quarter of a second of
   * frames (a page turn glides, and eases in: its first frames barely move).
   */
  async waitForStill(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const world = document.querySelector<HTMLElement>('[data-testid="board.world"]');
          let last = world?.style.transform;
          let since = performance.now();
          const check = () => {
            const now = world?.style.transform;
            if (now !== last) [last, since] = [now, performance.now()];
            if (performance.now() - since >= 250) resolve();
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
  }

  /**
   * Every topic column's header as the wall shows it: the column's own header, or on a lower page
   * the one pinned to the top. For each: its box, whether it lies inside the window and the canvas,
   * and whether the element at its centre is that header (nothing covers it).
   */
  async columnHeaders(): Promise<{ topic: string; pinned: boolean; inside: boolean; visible: boolean; box: { x: number; y: number; width: number; height: number } }[]> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="board.canvas"]')!.getBoundingClientRect();
      const topics = [...document.querySelectorAll('[data-testid="board.column"]')].map((c) => c.getAttribute('data-topic-id') ?? '');
      return topics.map((topic) => {
        const pinned = document.querySelector<HTMLElement>(`[data-testid="projector.column-header"][data-topic-id="${CSS.escape(topic)}"]`);
        const own = document.querySelector<HTMLElement>(`[data-testid="board.column"][data-topic-id="${CSS.escape(topic)}"] [data-testid="board.column-header"]`)!;
        const el = pinned ?? own;
        const r = el.getBoundingClientRect();
        const inside =
          r.left >= -0.5 && r.top >= -0.5 && r.right <= window.innerWidth + 0.5 && r.bottom <= window.innerHeight + 0.5 &&
          r.left >= canvas.left - 0.5 && r.right <= canvas.right + 0.5 && r.top >= canvas.top - 0.5 && r.bottom <= canvas.bottom + 0.5;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { topic, pinned: !!pinned, inside, visible: !!hit && (el === hit || el.contains(hit)), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      });
    });
  }

  /** How much of the canvas the phase fills across and down (1 = edge to edge, less its margins). */
  async fill(): Promise<{ across: number; down: number; zoom: number }> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="board.canvas"]')!.getBoundingClientRect();
      const cells = [...document.querySelectorAll('[data-testid="board.column"], [data-testid="board.cross-row"]')].map((c) => c.getBoundingClientRect());
      const left = Math.min(...cells.map((r) => r.left));
      const right = Math.max(...cells.map((r) => r.right));
      const top = Math.min(...cells.map((r) => r.top));
      const bottom = Math.max(...cells.map((r) => r.bottom));
      const world = document.querySelector('[data-testid="board.world"]')!;
      return { across: (right - left) / canvas.width, down: (bottom - top) / canvas.height, zoom: new DOMMatrix(getComputedStyle(world).transform).a };
    });
  }

  /** The size of a note's text on screen: computed font-size × the world's scale, and its measured line box. */
  async noteTextSize(noteId: string): Promise<NoteTextSize> {
    return this.page.evaluate((id) => {
      const text = document.querySelector(`[data-testid="note"][data-note-id="${CSS.escape(id)}"] [data-testid="note.text"]`);
      const world = document.querySelector('[data-testid="board.world"]');
      if (!text || !world) throw new Error(`No note ${id} on the board`);
      const fontPx = Number.parseFloat(getComputedStyle(text).fontSize);
      const zoom = new DOMMatrix(getComputedStyle(world).transform).a;
      // A measured line: a one-character range's box is the line box as the screen shows it.
      const range = document.createRange();
      const node = text.firstChild;
      let lineHeightPx = 0;
      if (node && node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').length > 0) {
        range.setStart(node, 0);
        range.setEnd(node, 1);
        lineHeightPx = range.getBoundingClientRect().height;
      }
      return { fontPx, zoom, screenPx: fontPx * zoom, lineHeightPx };
    }, noteId);
  }

  /** Whether the high-contrast theme is in effect, and the colours it paints with. */
  async theme(): Promise<{ attribute: string | null; bg: string; ink: string; noteBorder: string | null }> {
    return this.page.evaluate(() => {
      const root = document.documentElement;
      const css = getComputedStyle(root);
      const note = document.querySelector('[data-testid="note"]');
      return {
        attribute: root.getAttribute('data-contrast'),
        // Computed, so the minifier's spelling of the variables does not matter.
        bg: css.backgroundColor,
        ink: css.color,
        noteBorder: note ? getComputedStyle(note).borderTopWidth : null,
      };
    });
  }

  async waitForContrast(on: boolean, timeout?: number): Promise<void> {
    await this.page.locator('html' + attr('data-contrast', on ? 'more' : 'normal')).waitFor({ state: 'attached', timeout });
  }

  /**
   * The contrast ratio (WCAG) of an element's text against the first opaque background behind it.
   * `selector` must match one element on the page.
   */
  async contrastRatio(selector: string): Promise<number> {
    return this.page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`No ${sel}`);
      const parse = (c: string): [number, number, number, number] => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        if (!m) throw new Error(`Unreadable colour ${c}`);
        const [r, g, b, a] = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
        return [r!, g!, b!, a ?? 1];
      };
      let bgEl: Element | null = el;
      let bg: [number, number, number, number] = [255, 255, 255, 1];
      while (bgEl) {
        const c = parse(getComputedStyle(bgEl).backgroundColor);
        if (c[3] >= 1) {
          bg = c;
          break;
        }
        bgEl = bgEl.parentElement;
      }
      const lum = ([r, g, b]: readonly number[]) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const fg = lum(parse(getComputedStyle(el).color));
      const back = lum(bg);
      return (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
    }, selector);
  }

  /**
   * Starts recording every transform the world is given from now on (a followed move that animates
   * leaves a trail of in-between frames; a jump leaves one).
   */
  async recordWorldTransforms(): Promise<void> {
    await this.page.evaluate(() => {
      const world = document.querySelector('[data-testid="board.world"]');
      if (!world) throw new Error('No board world');
      const seen: string[] = [];
      (window as unknown as { __worldTransforms: string[] }).__worldTransforms = seen;
      new MutationObserver(() => seen.push((world as HTMLElement).style.transform)).observe(world, { attributes: true, attributeFilter: ['style'] });
    });
  }

  async recordedWorldTransforms(): Promise<string[]> {
    return this.page.evaluate(() => [...((window as unknown as { __worldTransforms?: string[] }).__worldTransforms ?? [])]);
  }

  /** The computed transition and animation of the world and of a note (what reduced motion turns off). */
  async motionStyles(): Promise<{ world: string; note: string | null; noteAnimation: string | null }> {
    return this.page.evaluate(() => {
      const world = document.querySelector('[data-testid="board.world"]');
      const note = document.querySelector('[data-testid="note"]');
      if (!world) throw new Error('No board world');
      return {
        world: getComputedStyle(world).transitionDuration,
        note: note ? getComputedStyle(note).transitionDuration : null,
        noteAnimation: note ? getComputedStyle(note).animationName : null,
      };
    });
  }
}
