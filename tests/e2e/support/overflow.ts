import type { Page } from 'playwright-core';

/** An element of the page's chrome that reaches past the window's sides, or whose text runs out of its own box. */
export type Overflow = { what: string; left: number; right: number; clipsText: boolean };

/**
 * Every visible element outside the board's zoomable world (whose notes and columns may lie off
 * screen by design) that sticks out of the window sideways, or whose content is wider than its
 * box without an ellipsis saying so: what a long unbroken word does to a layout that assumed spaces.
 */
export async function horizontalOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: Overflow[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      // The world and the grid behind it are larger than the window by design (pan and zoom).
      if (el.closest('[data-testid="board.world"], .canvas-grid')) continue;
      const r = el.getBoundingClientRect();
      // Screen-reader-only text is a 1 px box by design.
      if (r.width <= 1 || r.height <= 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const outside = r.left < -0.5 || r.right > innerWidth + 0.5;
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      // Text cut with an ellipsis, or a box that scrolls, is shown as meant.
      const clipsText = hasText && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis' && !/auto|scroll/.test(style.overflowX);
      if (!outside && !clipsText) continue;
      const what = el.dataset.testid ?? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      found.push({ what, left: Math.round(r.left), right: Math.round(r.right), clipsText });
    }
    return found;
  });
}
