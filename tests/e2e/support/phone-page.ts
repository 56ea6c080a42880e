import type { BrowserContextOptions, Locator } from 'playwright-core';
import { PHONE, QuickNoteBoard } from './quick-note-page';
import { attr, boxOf, tid } from './selectors';

export { PHONE };
/** The phone of quick-note-page.ts on its side. */
export const PHONE_LANDSCAPE: BrowserContextOptions = { ...PHONE, viewport: { width: 844, height: 390 } };

/** A control a finger may press: its size, whether it is whole on screen, and whether a tap at its centre reaches it. */
export type Reach = { what: string; width: number; height: number; inViewport: boolean; hit: boolean };

/** What the screen gives the notes and the header, in CSS px and as a share of the viewport. */
export type PhoneLayout = { viewport: { width: number; height: number }; header: number; headerRows: number; notes: number; notesShare: number; pageScrollsSideways: boolean };

/**
 * The board as a person holds it on a phone (views/phone/): a one-line header with the menu, one
 * topic at a time as a list of cards, the "add" button and the dots left at the bottom. Fingers
 * go through the DevTools protocol (TouchBoard), so the page gets real touch and pointer events.
 */
export class PhoneBoard extends QuickNoteBoard {
  get header(): Locator {
    return this.page.getByTestId('phone.header');
  }
  get notesArea(): Locator {
    return this.page.getByTestId('phone.notes');
  }
  get addNoteButton(): Locator {
    return this.page.getByTestId('phone.add-note');
  }
  get currentTopic(): Locator {
    return this.page.getByTestId('phone.topic-current');
  }
  get menuSheet(): Locator {
    return this.page.getByTestId('phone.menu-sheet');
  }
  get dotsLeft(): Locator {
    return this.page.getByTestId('board.dots-left');
  }
  voteButton(noteId: string): Locator {
    return this.page.locator(tid('note.vote') + attr('data-note-id', noteId));
  }
  myDots(noteId: string): Locator {
    return this.note(noteId).getByTestId('note.my-dots');
  }

  /** The phone layout of this session is on screen (a list of notes, or a form). */
  async waitForPhone(sessionId?: string): Promise<void> {
    const root = tid('board.root') + attr('data-view', 'phone') + (sessionId === undefined ? '' : attr('data-session-id', sessionId));
    await this.page.locator(root).waitFor();
    await this.page.locator(`${tid('phone.phase')}, ${tid('form.root')}`).first().waitFor();
  }

  /** Opens a share link on this phone and waits for the phone layout. */
  async join(link: string): Promise<void> {
    await this.openLink(link, { waitForBoard: false });
    await this.waitForPhone();
  }

  /** A finger's tap at the middle of what a person sees of `target`. */
  async tapOn(target: Locator): Promise<void> {
    await target.scrollIntoViewIfNeeded();
    const box = await boxOf(target);
    await this.tap({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }

  async topicId(): Promise<string> {
    return (await this.currentTopic.getAttribute('data-topic-id')) ?? '';
  }

  /** Shows a topic (or '_cross', the cross-cutting row) through the topic list under its name. */
  async showTopic(topicId: string): Promise<void> {
    await this.tapOn(this.currentTopic);
    const option = this.page.locator(tid('phone.topic-option') + attr('data-topic-id', topicId));
    await this.tapOn(option);
    await this.page.getByTestId('phone.topic-sheet').waitFor({ state: 'detached' });
    await this.page.locator(tid('phone.topic-current') + attr('data-topic-id', topicId)).waitFor();
  }

  /** Steps to the next (1) or previous (-1) topic with the arrows beside its name. */
  async stepTopic(step: 1 | -1): Promise<string> {
    const before = await this.topicId();
    await this.tapOn(this.page.getByTestId(step === 1 ? 'phone.topic-next' : 'phone.topic-prev'));
    await this.page.waitForFunction((before) => document.querySelector('[data-testid="phone.topic-current"]')?.getAttribute('data-topic-id') !== before, before);
    return this.topicId();
  }

  async openMenu(): Promise<Locator> {
    await this.tapOn(this.page.getByTestId('phone.menu'));
    await this.menuSheet.waitFor();
    return this.menuSheet;
  }

  async closeSheet(): Promise<void> {
    await this.tapOn(this.page.getByTestId('phone.sheet-close'));
    await this.page.locator('dialog.phone-sheet').waitFor({ state: 'detached' });
  }

  /** Picks a phase in the menu; waits until the phone shows it. */
  async showPhase(phaseId: string): Promise<void> {
    await this.openMenu();
    await this.tapOn(this.page.locator(tid('phone.phase') + attr('data-phase-id', phaseId)));
    await this.menuSheet.waitFor({ state: 'detached' });
    await this.page.locator(tid('board.root') + attr('data-phase-id', phaseId)).waitFor();
  }

  /** Picks a table in the menu. */
  async pickTable(tableName: string): Promise<void> {
    await this.openMenu();
    await this.page.getByTestId('board.table-picker').selectOption({ label: tableName });
    await this.closeSheet();
  }

  /** Taps "add", types the text, taps "Done"; returns the new note's id. */
  async writeNote(text: string): Promise<string> {
    const before = new Set(await this.noteIds());
    await this.tapOn(this.addNoteButton);
    await this.editor.waitFor();
    await this.page.keyboard.type(text);
    const id = (await this.noteIds()).find((n) => !before.has(n)) ?? '';
    await this.tapOn(this.note(id).getByTestId('phone.card-done'));
    await this.note(id).getByTestId('note.editor').waitFor({ state: 'detached' });
    return id;
  }

  /** Presses "add" with a finger and types `text` at once, never waiting for the page (QuickNoteBoard). */
  async addAndTypeRightAway(text: string): Promise<void> {
    await this.addNoteButton.scrollIntoViewIfNeeded();
    const box = await boxOf(this.addNoteButton);
    await this.addAndTypeAtOnce({ x: box.x + box.width / 2, y: box.y + box.height / 2 }, text, 'tap');
  }

  /** The dots left are whole on screen, and a tap at their centre lands on them. */
  async budgetInSight(): Promise<boolean> {
    return this.dotsLeft.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && !!at && el.contains(at);
    });
  }

  /** The texts of the cards on screen, in list order. */
  async cardTexts(): Promise<string[]> {
    return this.notes().evaluateAll((els) => els.map((el) => el.querySelector('[data-testid="note.text"]')?.textContent ?? el.querySelector('textarea')?.value ?? ''));
  }

  /** The header, the note area and sideways scrolling, measured. */
  async layout(): Promise<PhoneLayout> {
    return this.page.evaluate(() => {
      const header = document.querySelector('[data-testid="phone.header"]')!.getBoundingClientRect();
      const notes = document.querySelector('[data-testid="phone.notes"], [data-testid="form.root"]')!.getBoundingClientRect();
      // Rows of the header: distinct vertical bands its visible children sit in.
      const tops = [...document.querySelector('[data-testid="phone.header"]')!.children]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => Math.round(r.top + r.height / 2));
      const rows = tops.filter((y, i) => tops.findIndex((other) => Math.abs(other - y) < 12) === i).length;
      return {
        viewport: { width: innerWidth, height: innerHeight },
        header: header.height,
        headerRows: rows,
        notes: notes.height,
        notesShare: notes.height / innerHeight,
        pageScrollsSideways: document.scrollingElement!.scrollWidth > innerWidth + 0.5,
      };
    });
  }

  /**
   * Every control a person can see now (in the open sheet, if one is open: the rest is inert):
   * its size (a check box or radio button by its label, which takes the tap), whether it is whole
   * on screen, and whether `elementFromPoint` at the centre of its visible part is the control.
   * A control scrolled out of its list is not visible; one half scrolled is measured by its part.
   */
  async reach(within?: string): Promise<Reach[]> {
    return this.page.evaluate((within) => {
      type Box = { l: number; t: number; r: number; b: number };
      const cut = (a: Box, b: Box): Box => ({ l: Math.max(a.l, b.l), t: Math.max(a.t, b.t), r: Math.min(a.r, b.r), b: Math.min(a.b, b.b) });
      const box = (r: DOMRect): Box => ({ l: r.left, t: r.top, r: r.right, b: r.bottom });
      const modal = [...document.querySelectorAll('dialog')].find((d) => d.open && d.matches(':modal'));
      const scope: ParentNode = (within ? document.querySelector(within) : null) ?? modal ?? document;
      const out: { what: string; width: number; height: number; inViewport: boolean; hit: boolean }[] = [];
      const selector = 'button, [role="tab"], select, a[href], input:not([type="hidden"]), textarea:not([aria-hidden="true"])';
      for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
        const style = getComputedStyle(el);
        const own = el.getBoundingClientRect();
        if (own.width === 0 || own.height === 0 || style.visibility === 'hidden' || el.closest('[inert]')) continue;
        const label = el.matches('input[type="checkbox"], input[type="radio"]') ? el.closest('label') : null;
        const target = label ?? el;
        const r = target.getBoundingClientRect();
        let visible = cut(box(r), { l: 0, t: 0, r: innerWidth, b: innerHeight });
        for (let p = target.parentElement; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p);
          if (/auto|scroll|hidden|clip/.test(o.overflowX + o.overflowY)) visible = cut(visible, box(p.getBoundingClientRect()));
        }
        if (visible.r - visible.l < 1 || visible.b - visible.t < 1) continue;
        const at = document.elementFromPoint((visible.l + visible.r) / 2, (visible.t + visible.b) / 2);
        const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24) ?? '';
        out.push({
          what: `<${el.tagName.toLowerCase()}> ${name}`,
          width: Math.round(r.width * 10) / 10,
          height: Math.round(r.height * 10) / 10,
          inViewport: r.left >= -0.5 && r.right <= innerWidth + 0.5 && visible.t >= -0.5 && visible.b <= innerHeight + 0.5,
          hit: !!at && (target === at || target.contains(at)),
        });
      }
      return out;
    }, within);
  }

  /** The controls that fail a finger: smaller than `min`, partly off screen, or covered at their centre. */
  async unreachable(min = 44, within?: string): Promise<string[]> {
    return (await this.reach(within))
      .filter((c) => c.width + 0.5 < min || c.height + 0.5 < min || !c.inViewport || !c.hit)
      .map((c) => `${c.what} ${c.width}×${c.height}${c.inViewport ? '' : ' off screen'}${c.hit ? '' : ' covered'}`);
  }

  /**
   * Text that runs past a side of the screen, or past the box that clips it: every text node's
   * lines, measured unclipped. Only an ellipsis (text-overflow on the clipping box) is a choice
   * that may hide the end of a line; anything else cut is a word lost.
   */
  async textCutAtEdge(within?: string): Promise<string[]> {
    return this.page.evaluate((within) => {
      const modal = [...document.querySelectorAll('dialog')].find((d) => d.open && d.matches(':modal'));
      const root = (within ? document.querySelector(within) : null) ?? modal ?? document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest('option, [aria-hidden="true"], .visually-hidden')) continue;
        // The nearest box that clips this text sideways, and whether it ends the line with an ellipsis.
        let clip: DOMRect | null = null;
        let ellipsis = false;
        for (let p: HTMLElement | null = parent; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p);
          if (!/auto|scroll|hidden|clip/.test(o.overflowX)) continue;
          clip = p.getBoundingClientRect();
          ellipsis = o.textOverflow === 'ellipsis';
          break;
        }
        const range = document.createRange();
        range.selectNodeContents(node);
        const text = node.textContent.trim().slice(0, 30);
        for (const line of range.getClientRects()) {
          if (line.width === 0 || line.height === 0) continue;
          // Scrolled out of sight up or down in a list: not on screen now.
          if (clip && (line.bottom <= clip.top || line.top >= clip.bottom)) continue;
          if (line.left < -0.5 || line.right > innerWidth + 0.5) {
            if (!(ellipsis && clip && clip.left >= -0.5 && clip.right <= innerWidth + 0.5)) out.push(`"${text}" ${Math.round(line.left)}..${Math.round(line.right)} past the screen`);
          } else if (clip && !ellipsis && (line.left < clip.left - 0.5 || line.right > clip.right + 0.5)) {
            out.push(`"${text}" ${Math.round(line.left)}..${Math.round(line.right)} cut by its box ${Math.round(clip.left)}..${Math.round(clip.right)}`);
          }
        }
      }
      return out;
    }, within);
  }

  /** `screenProblems` at every stretch of a long list or form, scrolled a screen at a time, then back to the top. */
  async problemsThroughout(scroller: Locator): Promise<string[]> {
    const found = new Set<string>();
    const stretches = await scroller.evaluate((el) => Math.ceil(el.scrollHeight / (el.clientHeight * 0.8)));
    for (let i = 0; i < stretches; i++) {
      await scroller.evaluate((el, i) => (el.scrollTop = i * el.clientHeight * 0.8), i);
      await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
      for (const problem of await this.screenProblems()) found.add(problem);
    }
    await scroller.evaluate((el) => (el.scrollTop = 0));
    return [...found];
  }

  /**
   * Everything a demanding first look checks, in one list of problems (empty: all good): of the
   * whole screen, or of one part of it (`within`, a selector: a panel over the board).
   */
  async screenProblems(within?: string): Promise<string[]> {
    const layout = await this.layout();
    return [
      ...(await this.unreachable(44, within)),
      ...(await this.textCutAtEdge(within)).map((t) => `text cut: ${t}`),
      ...(layout.pageScrollsSideways ? ['the page scrolls sideways'] : []),
    ];
  }
}
