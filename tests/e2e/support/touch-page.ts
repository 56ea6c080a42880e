import type { BrowserContextOptions, CDPSession } from 'playwright-core';
import { BoardPage } from './board-page';
import { attr, boxOf, grabPoint, tid } from './selectors';

/** A 10" tablet held landscape: coarse pointer, no hover, touch events. */
export const TABLET: BrowserContextOptions = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };

export type Point = { x: number; y: number };
export type Offender = { what: string; width: number; height: number };

// Finger moves are sent in steps, as a real finger reports them (~60 Hz), not as one jump.
const MOVE_STEPS = 10;

/**
 * The board as a finger uses it. Touches go through the DevTools protocol (Input.dispatchTouchEvent),
 * so the page gets real touch and pointer events, several fingers at once included.
 */
export class TouchBoard extends BoardPage {
  private cdp: CDPSession | undefined;
  private down = new Map<number, Point>();

  private async send(type: 'touchStart' | 'touchMove' | 'touchEnd'): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const touchPoints = [...this.down].map(([id, p]) => ({ id, x: p.x, y: p.y, radiusX: 4, radiusY: 4, force: 1 }));
    await this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
  }

  /** Puts finger `id` down at `p`. */
  async fingerDown(id: number, p: Point): Promise<void> {
    this.down.set(id, p);
    await this.send('touchStart');
  }

  /** Moves the given fingers together to their targets, in small steps. */
  async fingersTo(targets: ReadonlyMap<number, Point>, steps = MOVE_STEPS): Promise<void> {
    const from = new Map([...targets.keys()].map((id) => [id, this.down.get(id)!] as const));
    for (let i = 1; i <= steps; i++) {
      for (const [id, to] of targets) {
        const f = from.get(id)!;
        this.down.set(id, { x: f.x + ((to.x - f.x) * i) / steps, y: f.y + ((to.y - f.y) * i) / steps });
      }
      await this.send('touchMove');
    }
  }

  async fingerUp(id: number): Promise<void> {
    this.down.delete(id);
    await this.send('touchEnd');
  }

  /** A quick tap of one finger. */
  async tap(p: Point): Promise<void> {
    await this.fingerDown(1, p);
    await this.fingerUp(1);
  }

  async doubleTap(p: Point): Promise<void> {
    await this.tap(p);
    await this.tap(p);
  }

  /** One finger from `from` by (dx, dy), then lifted. */
  async swipe(from: Point, dx: number, dy: number): Promise<void> {
    await this.fingerDown(1, from);
    await this.fingersTo(new Map([[1, { x: from.x + dx, y: from.y + dy }]]));
    await this.fingerUp(1);
  }

  /** Two fingers `spread` px apart around `centre` move until they are `spreadTo` apart. */
  async pinch(centre: Point, spread: number, spreadTo: number): Promise<void> {
    await this.fingerDown(1, { x: centre.x - spread / 2, y: centre.y });
    await this.fingerDown(2, { x: centre.x + spread / 2, y: centre.y });
    await this.fingersTo(
      new Map([
        [1, { x: centre.x - spreadTo / 2, y: centre.y }],
        [2, { x: centre.x + spreadTo / 2, y: centre.y }],
      ]),
    );
    await this.fingerUp(2);
    await this.fingerUp(1);
  }

  /** A finger rests on the note until it lifts (no clock in the test: the page says when). Returns where the finger is. */
  async longPress(noteId: string): Promise<Point> {
    const at = await this.grab(noteId);
    await this.fingerDown(1, at);
    await this.liftedNote(noteId).waitFor();
    return at;
  }

  /** Finger 1 (holding a lifted note) moves by (dx, dy) and lets go. */
  async dragHeldBy(from: Point, dx: number, dy: number): Promise<void> {
    await this.fingersTo(new Map([[1, { x: from.x + dx, y: from.y + dy }]]));
    await this.fingerUp(1);
  }

  /** The note while a finger rests on it, waiting for the long press. */
  pressedNote(noteId: string) {
    return this.page.locator(tid('note') + attr('data-note-id', noteId) + attr('data-press', 'pending'));
  }

  /** The note once a long press has lifted it: it follows the finger. */
  liftedNote(noteId: string) {
    return this.page.locator(tid('note') + attr('data-note-id', noteId) + attr('data-press', 'lifted'));
  }

  /** The note with no finger's press on it (never pressed, given up, or dropped). */
  unpressedNote(noteId: string) {
    return this.page.locator(tid('note') + attr('data-note-id', noteId) + ':not([data-press])');
  }

  /** Where a finger takes hold of a note: its body, away from the buttons. */
  grab(noteId: string): Promise<Point> {
    return grabPoint(this.note(noteId));
  }

  /** A canvas point with no note or control under it. */
  emptySpot(): Promise<Point> {
    return this.emptyCanvasPoint();
  }

  /** The middle of the visible part of a topic's column. */
  visibleCentreOf(topicId: string): Promise<Point> {
    return this.visibleCenter(this.column(topicId).first());
  }

  async noteBox(noteId: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return boxOf(this.note(noteId));
  }

  /** The board point (board units) shown at screen point `p`, from the world's transform. */
  async boardPointAt(p: Point): Promise<Point> {
    return this.world.evaluate((el, p) => {
      const m = new DOMMatrix(getComputedStyle(el).transform);
      const r = el.parentElement!.getBoundingClientRect();
      return { x: (p.x - r.left - m.e) / m.a, y: (p.y - r.top - m.f) / m.d };
    }, p);
  }

  /** The note's position in its document (what other devices receive), read from its transform. */
  async notePlacement(noteId: string): Promise<{ topic: string; x: number; y: number }> {
    return this.note(noteId).evaluate((el) => {
      const m = new DOMMatrix(getComputedStyle(el).transform);
      return { topic: el.getAttribute('data-topic-id') ?? '', x: m.e, y: m.f };
    });
  }

  /**
   * Every visible control (button, tab, link, select, field) smaller than `min` CSS px in either
   * direction. Controls on the board are measured in board units: the pinch zoom scales them, and
   * at zoom 1 they are laid out at their CSS size.
   */
  async smallTargets(min = 44): Promise<Offender[]> {
    return this.page.evaluate((min) => {
      const out: { what: string; width: number; height: number }[] = [];
      const world = document.querySelector('[data-testid="board.world"]');
      const zoom = Number(world?.getAttribute('data-zoom') ?? '1') || 1;
      for (const el of document.querySelectorAll<HTMLElement>('button, [role="tab"], select, a[href], input:not([type="hidden"])')) {
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
        const scale = world?.contains(el) ? zoom : 1;
        const width = Math.round((r.width / scale) * 10) / 10;
        const height = Math.round((r.height / scale) * 10) / 10;
        if (width + 0.5 < min || height + 0.5 < min) {
          const id = el.getAttribute('data-testid') ?? el.className;
          const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? '';
          out.push({ what: `<${el.tagName.toLowerCase()}> ${id} "${label}"`, width, height });
        }
      }
      return out;
    }, min);
  }
}
