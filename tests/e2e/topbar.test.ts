import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';

const e2e = useE2E();

// Below this a tab's label shows a couple of letters and an ellipsis: unreadable from a seat.
const MIN_LABEL_PX = 72;

describe('top bar on a laptop screen', () => {
  it('keeps every phase tab label readable at 1440×900, scrolling the tabs rather than crushing them', async () => {
    const a = await e2e.person('Facilitator');
    await a.user.page.setViewportSize({ width: 1440, height: 900 });
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Regional development strategy café 2026' });
    await a.board.waitForConnected();
    // What of each label is on screen: clipped by its tab (ellipsis) and by the tab strip (scrolling).
    const labels = await a.board.page.locator('[data-testid="board.phase-tab"] .tab-title').evaluateAll((els) =>
      els.map((el) => {
        const strip = el.closest('.tabs')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        const shown = Math.max(0, Math.min(box.right, strip.right) - Math.max(box.left, strip.left));
        return { text: el.textContent ?? '', shown, full: el.scrollWidth };
      }),
    );
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) {
      // Either the whole title fits, or a readable part of it shows.
      expect(label.shown, label.text).toBeGreaterThanOrEqual(Math.min(label.full, MIN_LABEL_PX));
    }
    // The bar itself never grows wider than the window.
    const overflow = await a.board.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await a.board.page.screenshot({ path: '/tmp/h5-topbar.png' });
  });
});
