/**
 * Text colour for a label on a person's colour: black or white, whichever contrasts more (WCAG
 * relative luminance). Presence colours are bright and dark alike; no single ink reads on all.
 */

const channel = (v: number): number => {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance of a #rrggbb colour, or null for anything else. */
export function luminance(hex: string): number | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => channel(parseInt(h!, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export const contrastRatio = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** '#000000' or '#ffffff' on `background`; white when the colour is unreadable as #rrggbb. */
export function readableInk(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  if (l === null) return '#ffffff';
  return contrastRatio(l, 0) > contrastRatio(l, 1) ? '#000000' : '#ffffff';
}
