import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS } from '@wcb/shared';
import { contrastRatio, luminance, readableInk } from '../../client/src/board-logic/ink';

describe('readable ink on a person\'s colour', () => {
  it('reads at WCAG AA (4.5:1) on every presence colour', () => {
    for (const color of PRESENCE_COLORS) {
      const ink = readableInk(color);
      const ratio = contrastRatio(luminance(color)!, luminance(ink)!);
      expect(ratio, `${ink} on ${color}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is black on light colours and white on dark ones', () => {
    expect(readableInk('#fff1a6')).toBe('#000000');
    expect(readableInk('#1f4e79')).toBe('#ffffff');
  });

  it('falls back to white for a colour it cannot read', () => {
    expect(readableInk('tomato')).toBe('#ffffff');
  });
});
