import type { DocumentLabels } from './labels';
import { BODY, COLORS, type FlowLayout } from './pdf-layout';
import { surveyRows } from './survey-rows';
import type { HarvestItem, HarvestMatrix, HarvestSurvey } from './types';

/** Drawn blocks of the PDF harvest that are more than text: vote bars, the matrix grid, survey bars. */

const LABEL_W = 200;
const BAR_MAX = 200;

/** Cuts cleaned text to `max` points, with an ellipsis when anything was cut. */
function fit(layout: FlowLayout, text: string, max: number, size: number): string {
  if (layout.measure(text, size) <= max) return text;
  const chars = Array.from(text);
  while (chars.length && layout.measure(`${chars.join('')}…`, size) > max) chars.pop();
  return `${chars.join('')}…`;
}

/** A horizontal bar per most voted idea (chartItems): label, a bar as its share of the phase's `scale`, the count. */
export function voteChart(layout: FlowLayout, top: readonly HarvestItem[], indent: number, scale: number): void {
  if (!top.length || scale <= 0) return;
  const size = 8;
  const rowH = 13;
  layout.ensure(rowH * top.length + 6);
  layout.space(4);
  for (const item of top) {
    const band = layout.take(rowH);
    const x = layout.left + indent;
    const baseline = band - rowH + 3.5;
    const label = fit(layout, layout.clean(item.text.replace(/\s+/g, ' ')), LABEL_W - 6, size);
    const page = layout.current;
    page.drawText(label, { x, y: baseline, font: layout.font(), size, color: COLORS.text });
    const w = Math.max(2, (item.votes / scale) * Math.min(BAR_MAX, layout.width - indent - LABEL_W - 30));
    page.drawRectangle({ x: x + LABEL_W, y: band - rowH + 2, width: w, height: rowH - 4, color: COLORS.accent });
    page.drawText(String(item.votes), { x: x + LABEL_W + w + 4, y: baseline, font: layout.font('bold'), size, color: COLORS.text });
  }
  layout.space(4);
}

const GRID_SIZE = 8;
const PAD = 3;
const GRID_MAX_COLUMNS = 8;

/**
 * The matrix as a real grid: a header row of columns, a row label and "✓ text" per cell, Σ of ticks
 * at the end; the header repeats after a page break. Past eight columns the cells get too narrow
 * to read, so each row becomes a line "Row: Column ✓ text; …" instead.
 */
export function matrixGrid(layout: FlowLayout, m: HarvestMatrix): void {
  if (!m.columns.length) return;
  const cellText = (c: { ticked: boolean; text: string } | undefined) => [c?.ticked ? '✓' : '', c?.text ?? ''].filter(Boolean).join(' ');
  if (m.columns.length > GRID_MAX_COLUMNS) {
    m.rows.forEach((r, i) => {
      const cells = m.columns
        .map((c, j) => ({ c, t: cellText(m.cells[i]?.[j]) }))
        .filter((x) => x.t)
        .map((x) => `${x.c.label} ${x.t}`);
      layout.paragraph([{ text: `${r.label}: `, weight: 'bold' }, { text: `${cells.join('; ')} (Σ ${r.ticks})` }], { spaceAfter: 3 });
    });
    return;
  }
  const sumW = 24;
  const labelW = Math.min(140, layout.width * 0.28);
  const colW = (layout.width - labelW - sumW) / m.columns.length;
  const widths = [labelW, ...m.columns.map(() => colW), sumW];
  const header = [m.corner, ...m.columns.map((c) => c.label), 'Σ'];
  const body = m.rows.map((r, i) => [r.label, ...m.columns.map((_, j) => cellText(m.cells[i]?.[j])), String(r.ticks)]);
  const totals = ['Σ', ...m.columns.map((c) => String(c.ticks)), String(m.ticks)];
  const drawRow = (cells: string[], bold: boolean, fill: boolean) => {
    const wrapped = cells.map((text, k) =>
      layout.wrap([{ text, size: GRID_SIZE, weight: bold || k === 0 ? 'bold' : 'regular' }], widths[k]! - 2 * PAD),
    );
    const height = Math.max(...wrapped.map((lines) => lines.reduce((s, l) => s + l.height, 0))) + 2 * PAD;
    if (!layout.fits(height)) {
      layout.newPage();
      if (!bold) drawRow(header, true, true);
    }
    const top = layout.take(height);
    const page = layout.current;
    let x = layout.left;
    wrapped.forEach((lines, k) => {
      const w = widths[k]!;
      page.drawRectangle({ x, y: top - height, width: w, height, borderColor: COLORS.rule, borderWidth: 0.5, ...(fill ? { color: COLORS.fill } : {}) });
      let y = top - PAD;
      for (const line of lines) {
        y -= line.height;
        const text = line.pieces.map((p) => p.text).join('');
        const font = line.pieces[0]?.font ?? layout.font();
        if (text.trim()) page.drawText(text, { x: x + PAD, y: y + line.height * 0.25, font, size: GRID_SIZE, color: COLORS.text });
      }
      x += w;
    });
  };
  drawRow(header, true, true);
  for (const row of body) drawRow(row, false, false);
  drawRow(totals, true, false);
  layout.space(8);
}

/** A survey question: its label, then each summary line; numeric lines get a bar for their share. */
export function surveyQuestion(layout: FlowLayout, q: HarvestSurvey['sections'][number]['questions'][number], labels: DocumentLabels): void {
  layout.paragraph([{ text: q.label, weight: 'bold' }], { spaceBefore: 4, spaceAfter: 2 });
  const barMax = 120;
  for (const row of surveyRows(q, labels)) {
    if (row.share === undefined) {
      layout.paragraph([{ text: `“${row.text}”`, color: COLORS.grey }], { indent: 12, marker: { text: '•', color: COLORS.grey }, hanging: 10, spaceAfter: 2 });
      continue;
    }
    const lineH = BODY * 1.3;
    layout.ensure(lineH);
    const top = layout.cursor;
    const w = Math.max(1, Math.round(row.share * barMax));
    layout.current.drawRectangle({ x: layout.left + 12, y: top - lineH + 3, width: barMax, height: lineH - 5, color: COLORS.fill });
    layout.current.drawRectangle({ x: layout.left + 12, y: top - lineH + 3, width: w, height: lineH - 5, color: COLORS.accent });
    layout.paragraph([{ text: row.text }], { indent: 12 + barMax + 8, spaceAfter: 2 });
  }
}
