import { BODY, COLORS, type FlowLayout, type Line, type Run } from './pdf-layout';

/**
 * A ruled table for the PDF harvest, seed 003's shape: a header row of topics, full-width label
 * rows, rows of per-column lists, and rows of one cell across all columns. A row taller than what
 * is left of the page goes on over the next one, line by line, under the repeated header row.
 */

const PAD = 4;
const GAP = 2;

/** An entry of a cell's list: its runs and the marker hung to its left ("1.", "•"), if any. */
export type Entry = { runs: Run[]; marker?: string };
export type TableRow =
  | { kind: 'label'; text: string }
  | { kind: 'lists'; cells: Entry[][] }
  | { kind: 'span'; entries: Entry[] };

type Placed = { line: Line; x: number; marker?: string; gap: number };

export class PdfTable {
  private readonly colW: number;

  constructor(
    private readonly layout: FlowLayout,
    private readonly header: readonly string[],
  ) {
    this.colW = layout.width / header.length;
  }

  /** The header row, then each row in turn. */
  draw(rows: readonly TableRow[]): void {
    const l = this.layout;
    l.ensure(BODY * 6);
    this.drawHeader();
    for (const row of rows) {
      if (row.kind === 'label') this.drawCells([this.lines([{ runs: [{ text: row.text, weight: 'bold' }] }], l.width, true)], [l.width], true);
      else if (row.kind === 'span') this.drawCells([this.lines(row.entries, l.width)], [l.width], false);
      else this.drawCells(row.cells.map((c) => this.lines(c, this.colW)), row.cells.map(() => this.colW), false);
    }
    l.space(10);
  }

  private drawHeader(): void {
    const cells = this.header.map((text) => this.lines([{ runs: [{ text, weight: 'bold' }] }], this.colW, true));
    this.drawCells(cells, this.header.map(() => this.colW), true, false);
  }

  /** Wraps a cell's entries into placed lines; `centre`d lines stand in the middle of the cell. */
  private lines(entries: readonly Entry[], width: number, centre = false): Placed[] {
    const out: Placed[] = [];
    entries.forEach((entry, e) => {
      const hanging = entry.marker ? Math.max(12, this.layout.measure(entry.marker) + 5) : 0;
      const inner = width - 2 * PAD - hanging;
      this.layout.wrap(entry.runs, inner).forEach((line, i) => {
        const x = centre ? (width - line.width) / 2 : PAD + hanging;
        out.push({ line, x, marker: i === 0 ? entry.marker : undefined, gap: i === 0 && e > 0 ? GAP : 0 });
      });
    });
    return out;
  }

  /**
   * One table row: cells side by side, each a column of lines. What does not fit above the page's
   * bottom continues on the next page (after the header row again, unless this is the header).
   */
  private drawCells(cells: Placed[][], widths: number[], fill: boolean, repeatHeader = true): void {
    const l = this.layout;
    const left = cells.map(() => 0);
    let fresh = false;
    const height = (c: Placed[], from: number, to: number) => c.slice(from, to).reduce((s, p) => s + p.line.height + p.gap, 0);
    for (;;) {
      const room = l.cursor - l.bottom - 2 * PAD;
      const ends = cells.map((c, i) => {
        let end = left[i]!;
        let used = 0;
        while (end < c.length && used + c[end]!.line.height + c[end]!.gap <= room) used += c[end]!.line.height + c[end++]!.gap;
        return end;
      });
      const stuck = ends.every((e, i) => e === left[i]) && cells.some((c, i) => left[i]! < c.length);
      // Nothing of a non-empty row fits: start it on a fresh page; there, a line always goes.
      if (stuck && !fresh) {
        l.newPage();
        if (repeatHeader) this.drawHeader();
        fresh = true;
        continue;
      }
      if (stuck) ends.forEach((e, i) => (ends[i] = Math.min(cells[i]!.length, e + 1)));
      fresh = false;
      const bandH = Math.max(BODY, ...cells.map((c, i) => height(c, left[i]!, ends[i]!))) + 2 * PAD;
      const top = l.take(bandH);
      let x = l.left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        l.current.drawRectangle({ x, y: top - bandH, width: w, height: bandH, borderColor: COLORS.rule, borderWidth: 0.5, ...(fill ? { color: COLORS.fill } : {}) });
        let y = top - PAD;
        for (const p of c.slice(left[i], ends[i])) {
          y -= p.gap + p.line.height;
          const baseline = y + p.line.height - p.line.height / 1.3;
          if (p.marker) l.current.drawText(l.clean(p.marker), { x: x + PAD, y: baseline, font: l.font(), size: BODY, color: COLORS.grey });
          l.drawLine(p.line, x + p.x, baseline);
        }
        left[i] = ends[i]!;
        x += w;
      });
      if (cells.every((c, i) => left[i]! >= c.length)) return;
      l.newPage();
      if (repeatHeader) this.drawHeader();
    }
  }
}
