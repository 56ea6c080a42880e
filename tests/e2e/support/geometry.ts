import type { Locator } from 'playwright-core';

/** Where a control is and whether a person can reach it: on screen, on top, big enough. */
export type Geometry = {
  width: number;
  height: number;
  /** The whole box is inside the viewport. */
  inViewport: boolean;
  /** `document.elementFromPoint` at the box's centre is the element or inside it (nothing covers it). */
  onTop: boolean;
};

export async function geometryOf(locator: Locator): Promise<Geometry> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      width: r.width,
      height: r.height,
      inViewport: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      onTop: !!hit && el.contains(hit),
    };
  });
}
