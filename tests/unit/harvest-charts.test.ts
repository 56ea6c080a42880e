import { PDFPage, rgb } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVERYTHING, renderHtml } from '@wcb/shared/harvest';
import { renderDocx } from '@wcb/shared/render-docx';
import { renderPdf } from '@wcb/shared/render-pdf';
import { docxBars, documentXml, pdfFonts, votedHarvest } from '../support/harvest-docs';

const ACCENT = rgb(0.91, 0.64, 0.24);

afterEach(() => vi.restoreAllMocks());

describe('vote charts share one scale per phase', () => {
  it('DOCX: a 1-vote bar is a third of a 3-vote bar in the next column, counts printed, no bar without votes', async () => {
    const bars = docxBars(documentXml(await renderDocx(votedHarvest())));
    expect(bars).toEqual([
      { note: 'three dots', bar: 10, count: '3' },
      { note: 'one dot', bar: 3, count: '1' },
    ]);
  }, 30_000);

  it('HTML: the SVG bars are as long as their votes on the phase scale, each with its count', () => {
    const html = renderHtml(votedHarvest());
    const bars = [...html.matchAll(/<rect x="0" y="\d+" width="(\d+)"[^>]*\/><text [^>]*>(\d+)<\/text>/g)].map((m) => ({ width: Number(m[1]), count: m[2] }));
    expect(bars).toHaveLength(2);
    expect(bars.map((b) => b.count)).toEqual(['3', '1']);
    expect(bars[1]!.width / bars[0]!.width).toBeCloseTo(1 / 3, 1);
    expect(html).not.toMatch(/no dots<\/text>/);
  });

  it('PDF: the bars drawn are in proportion 3 : 1, one per voted note', async () => {
    const rects: number[] = [];
    const draw = PDFPage.prototype.drawRectangle;
    vi.spyOn(PDFPage.prototype, 'drawRectangle').mockImplementation(function (this: PDFPage, opts = {}) {
      const c = opts.color as { red: number; green: number; blue: number } | undefined;
      if (c && c.red === ACCENT.red && c.green === ACCENT.green && c.blue === ACCENT.blue) rects.push(Number(opts.width));
      draw.call(this, opts);
    });
    // The vote charts alone: the participation figure draws bars of its own.
    await renderPdf(votedHarvest(), pdfFonts(), { ...EVERYTHING, participation: false });
    expect(rects).toHaveLength(2);
    expect(rects[1]! / rects[0]!).toBeCloseTo(1 / 3, 2);
  }, 30_000);
});
