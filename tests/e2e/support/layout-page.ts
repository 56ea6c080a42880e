import type { Page } from 'playwright-core';

/**
 * The page's geometry as a person sees it: what of each control is on screen, whether something
 * else lies on top of it, whether its words are cut. Used at real laptop sizes (laptop-layout.test.ts).
 */

/** What is wrong with one control, in words a failing test can print. */
export type LayoutProblem = { what: string; problem: string };

/**
 * Every control a person can see on the page (buttons, links, fields, tabs) and every word in the
 * top bar, the question bar, the columns' headers and the notes' meta lines, checked:
 * - its box lies inside the window, and inside whatever clips it (a scrolling drawer may cut it
 *   top or bottom: it scrolls; nothing may cut it sideways);
 * - the element at its centre is the control itself (or something inside it): nothing covers it;
 * - its text is not cut: scrollWidth ≤ clientWidth, unless the element ends it with an ellipsis.
 * Hidden things (display none, visually hidden, wholly clipped away) are not controls on screen.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { what: string; problem: string }[] = [];
    const W = window.innerWidth;
    const H = window.innerHeight;
    const name = (el: Element): string => {
      const id = el.getAttribute('data-testid');
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text}"`;
    };
    const hidden = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const css = getComputedStyle(e);
        if (css.display === 'none' || css.visibility === 'hidden' || css.opacity === '0') return true;
        if (e.classList.contains('visually-hidden') || e.getAttribute('aria-hidden') === 'true') return true;
        if (css.clipPath === 'inset(50%)') return true;
      }
      return false;
    };
    /** The ancestors that clip `el`, innermost first, and whether each scrolls vertically. */
    const clippers = (el: Element): { rect: DOMRect; scrollsY: boolean }[] => {
      const out: { rect: DOMRect; scrollsY: boolean }[] = [];
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const css = getComputedStyle(e);
        if (css.overflowX === 'visible' && css.overflowY === 'visible') continue;
        out.push({ rect: e.getBoundingClientRect(), scrollsY: css.overflowY === 'auto' || css.overflowY === 'scroll' });
      }
      return out;
    };
    const controls = [
      ...document.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, textarea, [role="tab"], summary, .lang-picker-compact'),
    ];
    for (const el of controls) {
      if (hidden(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      // What of it is on screen after every clipping ancestor.
      let shown = { left: Math.max(0, r.left), top: Math.max(0, r.top), right: Math.min(W, r.right), bottom: Math.min(H, r.bottom) };
      const clips = clippers(el);
      for (const c of clips) {
        shown = {
          left: Math.max(shown.left, c.rect.left),
          top: Math.max(shown.top, c.rect.top),
          right: Math.min(shown.right, c.rect.right),
          bottom: Math.min(shown.bottom, c.rect.bottom),
        };
      }
      if (shown.right - shown.left < 1 || shown.bottom - shown.top < 1) continue;
      const what = name(el);
      // Top or bottom past the window is fine inside something that scrolls (the drawer).
      const scrolled = clips.some((c) => c.scrollsY);
      if (r.left < -1 || r.right > W + 1 || (!scrolled && (r.top < -1 || r.bottom > H + 1))) {
        problems.push({ what, problem: `outside the window: ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))}` });
      }
      for (const c of clips) {
        if (r.left < c.rect.left - 1 || r.right > c.rect.right + 1) problems.push({ what, problem: 'cut at the side by what holds it' });
        else if (!c.scrollsY && (r.top < c.rect.top - 1 || r.bottom > c.rect.bottom + 1)) problems.push({ what, problem: 'cut top or bottom by what holds it' });
      }
      const cx = (shown.left + shown.right) / 2;
      const cy = (shown.top + shown.bottom) / 2;
      const hit = document.elementFromPoint(cx, cy);
      // A label laid over its own select (the compact language picker) counts as the control.
      if (hit && hit !== el && !el.contains(hit) && !(hit instanceof HTMLLabelElement && hit.contains(el)) && !hit.contains(el)) {
        problems.push({ what, problem: `covered by ${name(hit)}` });
      }
    }
    const texts = document.querySelectorAll<HTMLElement>(
      '.topbar *, .board-subbar *, [data-testid="board.column-header"] *, .note-meta *, [data-testid="facilitator.panel"] *',
    );
    for (const el of texts) {
      if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement || el instanceof SVGElement) continue;
      if (!el.textContent?.trim() || hidden(el)) continue;
      const css = getComputedStyle(el);
      if (css.overflowX === 'visible') continue;
      const cut = el.scrollWidth > el.clientWidth + 1;
      const ellipsis = css.textOverflow === 'ellipsis' || css.webkitLineClamp !== 'none';
      if (cut && !ellipsis) problems.push({ what: name(el), problem: `text cut without an ellipsis (${el.scrollWidth} > ${el.clientWidth})` });
    }
    // Column titles break between words only: every word of a label on one line.
    for (const label of document.querySelectorAll<HTMLElement>('.cell-label')) {
      const node = label.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE || hidden(label)) continue;
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) problems.push({ what: name(label), problem: `"${m[0]}" broken across lines` });
      }
    }
    return problems;
  });
}

/**
 * How many rows the top bar's controls stand in: each control's vertical middle, grouped when they
 * are within a few pixels of each other.
 */
export async function topBarRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.querySelector('header.topbar');
    if (!bar) throw new Error('No top bar');
    const middles: number[] = [];
    for (const el of bar.querySelectorAll<HTMLElement>('button, a[href], select, h1, .badge, .presence, .timer-badge')) {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2 || getComputedStyle(el).visibility === 'hidden') continue;
      const m = r.top + r.height / 2;
      if (!middles.some((x) => Math.abs(x - m) < 12)) middles.push(m);
    }
    return middles.length;
  });
}
