import {
  AlignmentType,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type NumberingDefinition,
} from 'docx';
import type { DocumentLabels } from './labels';
import { provenanceOf, type DocumentOptions } from './options';
import type { HarvestItem } from './types';

/** Building blocks of the DOCX results document: inert text runs, lists, and bar charts drawn as tables. */

export const COLOURS = { header: 'F3EAD9', label: 'FAF6EE', bar: 'E8A33D', meta: '777777', count: 'A35D00' } as const;
/** Half-points: body text 10 pt, provenance 8 pt. */
export const SIZE = { body: 20, small: 16 } as const;

/** Lists of one kind share a numbering reference; each list is its own instance so numbering restarts. */
export const NUMBERED = 'wcb-numbered';
export const BULLETED = 'wcb-bulleted';

export const NUMBERING: NumberingDefinition[] = [
  {
    reference: NUMBERED,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 300 } } } }],
  },
  {
    reference: BULLETED,
    levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 300, hanging: 220 } } } }],
  },
];

/** Hands out list instances: every numbered list in the document starts again at 1. */
export type ListCounter = { next: number };

// Characters XML 1.0 cannot carry at all (a document holding one does not open): C0 controls
// other than tab/newline/CR, the two non-characters, and lone surrogate halves.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const OPENS_ISOLATE = /[\u2066-\u2068]/g;
const OPENS_EMBEDDING = /[\u202A-\u202B\u202D-\u202E]/g;

/**
 * A session text made safe for the document: characters XML cannot hold are dropped (the docx
 * library escapes & < > " ' itself), and every bidi isolate/embedding/override the text opens is
 * closed at its end, so a note's right-to-left override reorders the note alone, never the vote
 * count and provenance printed after it in the same paragraph (what <bdi> does in the HTML).
 */
export function docxText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  const isolates = clean.match(OPENS_ISOLATE)?.length ?? 0;
  const embeddings = clean.match(OPENS_EMBEDDING)?.length ?? 0;
  // Isolate closers first: each one also ends the embeddings opened inside its isolate.
  return clean + '\u2069'.repeat(isolates) + '\u202C'.repeat(embeddings);
}

/** A (possibly multi-line) text as runs: each line after the first starts with a line break. */
export function textRuns(text: string, style: Omit<IRunOptions, 'text' | 'break' | 'children'> = {}): TextRun[] {
  return docxText(text)
    .replace(/\t/g, ' ')
    .split(/\r\n?|\n/)
    .map((line, i) => new TextRun({ ...style, text: line, break: i > 0 ? 1 : undefined }));
}

/** What an item prints besides its text: the options' provenance, and its votes where charts are on. */
export type ItemOptions = Pick<DocumentOptions, 'provenance' | 'charts'>;

/** An item's text followed by its stack size, votes and where it was written (as far as asked), smaller and grey. */
export function itemRuns(item: HarvestItem, labels: DocumentLabels, options: ItemOptions): TextRun[] {
  const runs = textRuns(item.text);
  if (item.count > 1) runs.push(new TextRun({ text: ` ×${item.count}`, bold: true, color: COLOURS.count }));
  if (options.charts && item.votes > 0) runs.push(new TextRun({ text: ` · ${labels.votes(item.votes)}` }));
  const who = provenanceOf(item, labels, options.provenance);
  if (who) runs.push(new TextRun({ text: ` (${docxText(who)})`, size: SIZE.small, color: COLOURS.meta }));
  return runs;
}

/** A list of items, numbered (restarting at 1) or bulleted; no paragraphs for an empty list. */
export function itemList(items: readonly HarvestItem[], labels: DocumentLabels, numbered: boolean, lists: ListCounter, options: ItemOptions): Paragraph[] {
  const instance = lists.next++;
  return items.map(
    (item) =>
      new Paragraph({
        numbering: { reference: numbered ? NUMBERED : BULLETED, level: 0, instance },
        spacing: { after: 40 },
        children: itemRuns(item, labels, options),
      }),
  );
}

/** A cell must end in a paragraph; an empty list still needs one. */
export const orEmpty = (blocks: (Paragraph | Table)[]): (Paragraph | Table)[] =>
  blocks.length && blocks[blocks.length - 1] instanceof Paragraph ? blocks : [...blocks, new Paragraph({})];

const NO_BORDERS = TableBorders.NONE;
const plainCell = (children: (Paragraph | Table)[], width: number, columnSpan = 1, fill?: string) =>
  new TableCell({
    children: orEmpty(children),
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    borders: NO_BORDERS,
    margins: { top: 10, bottom: 10, left: 40, right: 40 },
    shading: fill ? { type: ShadingType.CLEAR, fill, color: 'auto' } : undefined,
  });

const smallText = (text: string, align?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ alignment: align, children: textRuns(text, { size: SIZE.small }) });

// A bar is drawn as a run of shaded grid columns: BAR_STEPS columns share the bar's width, so a
// row's bar spans as many of them as its share earns. Tables rather than images: they need no
// picture parts, print crisply, and LibreOffice and Word lay them out alike.
const BAR_STEPS = 10;

/** Bar cells of one row: `share` (0–1) of the steps shaded, the rest left blank. */
function barCells(share: number, stepWidth: number): TableCell[] {
  // A vote is never rounded away: any share above nothing shades at least one step.
  const filled = share > 0 ? Math.max(1, Math.min(BAR_STEPS, Math.round(share * BAR_STEPS))) : 0;
  const cells: TableCell[] = [];
  if (filled) cells.push(plainCell([new Paragraph({ children: [new TextRun({ text: '', size: SIZE.small })] })], filled * stepWidth, filled, COLOURS.bar));
  if (filled < BAR_STEPS) cells.push(plainCell([], (BAR_STEPS - filled) * stepWidth, BAR_STEPS - filled));
  return cells;
}

const CHART_LABEL = 48;

/**
 * A topic's most voted ideas (chartItems) as a small bar chart: a borderless table of label | bar
 * whose width is the votes' share of the phase's `scale` | count. Null when nothing has a vote.
 */
export function voteChart(top: readonly HarvestItem[], width: number, scale: number): Table | null {
  if (!top.length || scale <= 0) return null;
  const labelW = Math.round(width * 0.45);
  const countW = Math.round(width * 0.12);
  const step = Math.max(1, Math.floor((width - labelW - countW) / BAR_STEPS));
  const rows = top.map((item) => {
    const label = item.text.length > CHART_LABEL ? `${item.text.slice(0, CHART_LABEL - 1)}…` : item.text;
    return new TableRow({
      cantSplit: true,
      children: [plainCell([smallText(label.replace(/\s+/g, ' '))], labelW), ...barCells(item.votes / scale, step), plainCell([smallText(String(item.votes))], countW)],
    });
  });
  return new Table({
    rows,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: labelW + step * BAR_STEPS + countW, type: WidthType.DXA },
    columnWidths: [labelW, ...Array<number>(BAR_STEPS).fill(step), countW],
  });
}

/** Lines of a survey summary with a share: bar | line text, in a borderless table. */
export function shareTable(lines: readonly { text: string; share: number }[], width: number): Table {
  const barW = Math.round(width * 0.3);
  const step = Math.max(1, Math.floor(barW / BAR_STEPS));
  const textW = width - step * BAR_STEPS;
  return new Table({
    rows: lines.map((line) => new TableRow({ cantSplit: true, children: [...barCells(line.share, step), plainCell([smallText(line.text)], textW)] })),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: step * BAR_STEPS + textW, type: WidthType.DXA },
    columnWidths: [...Array<number>(BAR_STEPS).fill(step), textW],
  });
}

/** Cell padding of the ruled tables, in twips; a nested chart is that much narrower than its cell. */
export const CELL_PAD = 90;

/** A cell of a ruled table (thin single lines, the library's default borders). */
export function gridCell(children: (Paragraph | Table)[], width: number, opts: { span?: number; fill?: string } = {}): TableCell {
  return new TableCell({
    children: orEmpty(children),
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    margins: { top: 60, bottom: 60, left: CELL_PAD, right: CELL_PAD },
    shading: opts.fill ? { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } : undefined,
  });
}

/** A ruled table with a fixed grid, so LibreOffice and Word give the columns the same widths. */
export function gridTable(rows: TableRow[], columnWidths: number[]): Table {
  return new Table({
    rows,
    layout: TableLayoutType.FIXED,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
  });
}

export const boldCentred = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: textRuns(text, { bold: true }) });
