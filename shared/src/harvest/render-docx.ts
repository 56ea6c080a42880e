import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableRow, TextRun, type ISectionOptions } from 'docx';
import { chartItems, phaseHasChart, phaseVoteScale } from './charts';
import { printedPhases } from './printed';
import { DOCUMENT_LABELS, type DocumentLabels } from './labels';
import { documentHeading, EVERYTHING, type DocumentOptions } from './options';
import { participationBlocks } from './render-docx-participation';
import { formBlocks } from './render-docx-forms';
import {
  CELL_PAD,
  COLOURS,
  NUMBERING,
  SIZE,
  boldCentred,
  docxText,
  gridCell,
  gridTable,
  itemList,
  textRuns,
  voteChart,
  type ItemOptions,
  type ListCounter,
} from './render-docx-parts';
import type { Harvest, HarvestItem, HarvestPhase, HarvestTopicSection } from './types';

/**
 * The results as a Word document laid out like seed 003: a centred title and the intro, then per
 * phase "N. TITLE", the question in italics and one table whose header row is the topics, with
 * the selected criteria above the material (steps phases: a numbered list per topic). Pure: it
 * runs lazily in the browser and on the server alike.
 */

// A4 in twips, 2 cm margins.
const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = 1134;

/**
 * Seed 003's tables hold three topics side by side, which is cramped on a portrait page: a phase
 * with three or more columns (topics, or matrix partners) gets a landscape section of its own.
 * Every phase starts a new section, so each one also starts on a fresh page.
 */
const isWide = (phase: HarvestPhase) => Math.max(phase.topics.length, phase.matrix?.columns.length ?? 0) >= 3;
const contentWidth = (landscape: boolean) => (landscape ? A4.height : A4.width) - 2 * MARGIN;

/** What every block of one document draws with. */
type Ctx = { labels: DocumentLabels; lists: ListCounter; options: ItemOptions };

function topicsTable(phase: HarvestPhase, ctx: Ctx, width: number): Table | null {
  const { labels, lists, options } = ctx;
  const topics = phase.topics;
  if (!topics.length) return null;
  const colW = Math.floor(width / topics.length);
  const widths = topics.map(() => colW);
  const full = colW * topics.length;
  const rows: TableRow[] = [];
  const labelRow = (label: string) =>
    new TableRow({ cantSplit: true, children: [gridCell([boldCentred(label)], full, { span: topics.length, fill: COLOURS.label })] });
  const listRow = (pick: (t: HarvestTopicSection) => HarvestItem[], numbered: boolean) =>
    new TableRow({ children: topics.map((t) => gridCell(itemList(pick(t), labels, numbered, lists, options), colW)) });

  if (topics.some((t) => t.selected.length)) rows.push(labelRow(phase.selectedLabel || labels.selected), listRow((t) => t.selected, true));
  // All material, the notes that became criteria too: seed 003's material row lists everything written.
  if (topics.some((t) => t.material.length)) {
    rows.push(labelRow(phase.materialLabel || labels.material), listRow((t) => t.material, false));
    if (options.charts && phaseHasChart(phase)) {
      const chartW = colW - 2 * CELL_PAD - 20;
      const scale = phaseVoteScale(phase);
      rows.push(
        new TableRow({
          cantSplit: true,
          children: topics.map((t) => {
            const chart = voteChart(chartItems(t), chartW, scale);
            return gridCell(chart ? [chart] : [], colW);
          }),
        }),
      );
    }
  }
  // As in seed 003, the steps row needs no label: the header row and the numbers say it.
  if (topics.some((t) => t.steps.length)) rows.push(listRow((t) => t.steps, true));
  // Notes that belong to no topic: a row of the same table, one cell across all the topics.
  if (phase.crossCutting.length) {
    rows.push(
      labelRow(labels.crossCutting),
      new TableRow({ children: [gridCell(itemList(phase.crossCutting, labels, false, lists, options), full, { span: topics.length })] }),
    );
  }
  if (!rows.length) return null;
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: topics.map((t) => gridCell([boldCentred(t.label)], colW, { fill: COLOURS.header })),
  });
  return gridTable([head, ...rows], widths);
}

function phaseBlocks(phase: HarvestPhase, ctx: Ctx, width: number): (Paragraph | Table)[] {
  const { labels, lists, options } = ctx;
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      keepNext: true,
      spacing: { before: 240, after: 120 },
      children: textRuns(phase.title, { bold: true, size: 26, color: '000000' }),
    }),
  ];
  if (phase.question) out.push(new Paragraph({ keepNext: true, spacing: { after: 160 }, children: textRuns(phase.question, { italics: true }) }));
  const table = topicsTable(phase, ctx, width);
  if (table) out.push(table, new Paragraph({}));
  // A phase without topics has no table to hold its cross-cutting notes: they follow as a list.
  if (!table && phase.crossCutting.length) {
    out.push(
      new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: textRuns(labels.crossCutting, { bold: true }) }),
      ...itemList(phase.crossCutting, labels, false, lists, options),
    );
  }
  out.push(...formBlocks(phase, labels, width));
  return out;
}

const page = (landscape: boolean): ISectionOptions['properties'] => ({
  page: {
    size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  },
});

/** The harvest as DOCX bytes (the same in Node and in the browser), with as much provenance and charts as `options` ask. */
export async function renderDocx(harvest: Harvest, options: DocumentOptions = EVERYTHING): Promise<Uint8Array> {
  const labels = DOCUMENT_LABELS[harvest.language];
  const ctx: Ctx = { labels, lists: { next: 1 }, options };
  const front: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: textRuns(documentHeading(harvest, options), { bold: true, size: 32 }) }),
  ];
  if (harvest.intro) front.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: textRuns(harvest.intro) }));
  const footer = new Paragraph({
    spacing: { before: 360 },
    children: [new TextRun({ text: `${labels.exported}: ${new Date(harvest.exportedAt).toISOString().slice(0, 10)}`, size: SIZE.small, color: COLOURS.meta })],
  });

  const sections: ISectionOptions[] = printedPhases(harvest).map((phase, i) => {
    const landscape = isWide(phase);
    const blocks = phaseBlocks(phase, ctx, contentWidth(landscape));
    // The title page is the first phase's page: seed 003 opens straight into its first table.
    return { properties: page(landscape), children: i === 0 ? [...front, ...blocks] : blocks };
  });
  if (!sections.length) sections.push({ properties: page(false), children: front });
  // Who took part, on a page of its own after the results, when asked for (options.ts says why it is off by default here).
  if (options.participation && harvest.participation && harvest.participation.total > 0) {
    sections.push({ properties: page(false), children: participationBlocks(harvest.participation, harvest.language, contentWidth(false)) });
  }
  const last = sections[sections.length - 1]!;
  sections[sections.length - 1] = { ...last, children: [...last.children, footer] };

  const doc = new Document({
    title: docxText(harvest.title),
    creator: 'World Café Board',
    styles: { default: { document: { run: { font: 'Arial', size: SIZE.body } } } },
    numbering: { config: NUMBERING },
    sections,
  });
  return Packer.pack(doc, 'uint8array');
}
