import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { PicturesPanel } from './support/pictures-page';

const e2e = useE2E();

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('board pictures', () => {
  it('the facilitator downloads each board phase, and the figure of who took part, as SVG and as PNG', async () => {
    const { a, b } = await e2e.cafe({ title: 'Pictures' });
    await b.board.addNote('government', 'Budget <open>');
    await a.board.addNote('community', 'Councils & us');
    await a.board.waitForNoteTexts(['Budget <open>', 'Councils & us']);

    const panel = new PicturesPanel(a.board.page);
    const today = new Date().toISOString().slice(0, 10);
    const svgs = await panel.download('svg', 4);
    expect(svgs.map((f) => f.fileName).sort()).toEqual(
      [
        `Pictures-ASSESSING-THE-CURRENT-REALITY-${today}.svg`,
        `Pictures-FORMING-THE-IDEAL-VISION-OF-INTERACTION-${today}.svg`,
        `Pictures-STEPS-TO-REALISE-THE-IDEAL-VISION-${today}.svg`,
        `Pictures-Who-took-part-${today}.svg`,
      ].sort(),
    );
    const ideal = svgs.find((f) => f.fileName.includes('IDEAL-VISION-OF'))!;
    expect(ideal.text).toMatch(/^<\?xml[^>]*>\s*<svg /);
    expect(ideal.text).toContain('Budget &lt;open&gt;');
    expect(ideal.text).toContain('Councils &amp; us');
    expect(ideal.text).toContain('GOVERNMENT');
    expect(ideal.text).toContain('FORMING THE IDEAL VISION OF INTERACTION');
    const reality = svgs.find((f) => f.fileName.includes('REALITY'))!;
    expect(reality.text).not.toContain('Budget');
    // The figure counts the session's notes (two, one per topic), names no one.
    const figure = svgs.find((f) => f.fileName.includes('Who-took-part'))!;
    expect(figure.text).toMatch(/^<\?xml[^>]*>\s*<svg /);
    expect(figure.text).toContain('Who took part');
    expect(figure.text).toContain('GOVERNMENT');
    expect(figure.text).not.toContain('Budget');

    const pngs = await panel.download('png', 4);
    expect(pngs.every((f) => f.fileName.endsWith('.png'))).toBe(true);
    for (const png of pngs) {
      expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
      // Drawn at twice the picture's size: sharp enough for slides and print.
      const svg = svgs.find((f) => f.fileName.replace(/\.svg$/, '') === png.fileName.replace(/\.png$/, ''))!;
      const svgWidth = Number(/<svg [^>]*width="(\d+)"/.exec(svg.text)![1]);
      expect(png.bytes.readUInt32BE(16)).toBe(svgWidth * 2);
      expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(0);
    }
  });
});
