import type { Page } from 'playwright-core';
import { attr, tid } from './selectors';

export type Seen = { box: { x: number; y: number; width: number; height: number }; visibleShare: number; centre: { x: number; y: number } | null };

/** How much of a note a person actually sees on the board, measured with the page's own hit testing. */
export async function seenNote(page: Page, noteId: string): Promise<Seen> {
  return page.locator(tid('note') + attr('data-note-id', noteId)).evaluate((note) => {
    const r = note.getBoundingClientRect();
    const hits: { x: number; y: number }[] = [];
    const N = 8;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const p = { x: r.left + (r.width * (i + 0.5)) / N, y: r.top + (r.height * (j + 0.5)) / N };
        if (document.elementFromPoint(p.x, p.y)?.closest('[data-testid="note"]') === note) hits.push(p);
      }
    }
    // The visible centre: the visible sample nearest the middle of all visible samples.
    const mid = hits.reduce((m, p) => ({ x: m.x + p.x / hits.length, y: m.y + p.y / hits.length }), { x: 0, y: 0 });
    const centre = hits.length ? hits.reduce((best, p) => (Math.hypot(p.x - mid.x, p.y - mid.y) < Math.hypot(best.x - mid.x, best.y - mid.y) ? p : best)) : null;
    return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, visibleShare: hits.length / (N * N), centre };
  });
}

/** The note (its id) that `document.elementFromPoint` finds at a screen point, or null. */
export async function noteAtPoint(page: Page, p: { x: number; y: number }): Promise<string | null> {
  return page.evaluate((p) => document.elementFromPoint(p.x, p.y)?.closest<HTMLElement>('[data-testid="note"]')?.dataset.noteId ?? null, p);
}
