import { PDFDocument } from 'pdf-lib';
import { chartItems, phaseHasChart, phaseVoteScale } from './charts';
import { printedPhases } from './printed';
import { DOCUMENT_LABELS, type DocumentLabels } from './labels';
import { documentHeading, EVERYTHING, provenanceOf, type DocumentOptions } from './options';
import { matrixGrid, surveyQuestion, voteChart } from './pdf-blocks';
import { participationFigure } from './pdf-participation';
import { BODY, COLORS, FlowLayout, type Run } from './pdf-layout';
import { embedFonts, type PdfFonts } from './pdf-fonts';
import { PdfTable, type Entry, type TableRow } from './pdf-table';
import type { Harvest, HarvestItem, HarvestPhase, HarvestTopicSection } from './types';

export type { PdfFonts } from './pdf-fonts';

const LIST_INDENT = 8;

/** A note's line: its text, then ×count for a stack, the votes, and where it was written in small grey. */
/** The labels and the options every block of one document draws with. */
type Ctx = { labels: DocumentLabels; options: DocumentOptions };

function itemRuns(item: HarvestItem, { labels, options }: Ctx): Run[] {
  const runs: Run[] = [{ text: item.text }];
  if (item.count > 1) runs.push({ text: `  ×${item.count}`, weight: 'bold', color: COLORS.count });
  if (options.charts && item.votes > 0) runs.push({ text: `  ${labels.votes(item.votes)}`, color: COLORS.grey, size: 9 });
  const who = provenanceOf(item, labels, options.provenance, ' · ');
  if (who) runs.push({ text: `  ${who}`, color: COLORS.light, size: 7.5 });
  return runs;
}

/** A list for a table cell: numbered from 1 or bulleted. */
const entries = (items: readonly HarvestItem[], ctx: Ctx, numbered: boolean): Entry[] =>
  items.map((item, i) => ({ runs: itemRuns(item, ctx), marker: numbered ? `${i + 1}.` : '•' }));

/**
 * Seed 003's table: the topics across; the selected criteria, all material, the numbered steps and
 * the cross-cutting notes (one cell across) as rows. Null when the phase has no topics.
 */
function tableRows(phase: HarvestPhase, ctx: Ctx): TableRow[] | null {
  const { labels } = ctx;
  const topics = phase.topics;
  if (!topics.length) return null;
  const rows: TableRow[] = [];
  const lists = (pick: (t: HarvestTopicSection) => HarvestItem[], numbered: boolean): TableRow => ({
    kind: 'lists',
    cells: topics.map((t) => entries(pick(t), ctx, numbered)),
  });
  if (topics.some((t) => t.selected.length)) rows.push({ kind: 'label', text: phase.selectedLabel || labels.selected }, lists((t) => t.selected, true));
  if (topics.some((t) => t.material.length)) rows.push({ kind: 'label', text: phase.materialLabel || labels.material }, lists((t) => t.material, false));
  if (topics.some((t) => t.steps.length)) rows.push(lists((t) => t.steps, true));
  if (phase.crossCutting.length) rows.push({ kind: 'label', text: labels.crossCutting }, { kind: 'span', entries: entries(phase.crossCutting, ctx, false) });
  return rows.length ? rows : null;
}

/** Under the table, each topic's most voted ideas as bars on the phase's one scale. */
function charts(layout: FlowLayout, phase: HarvestPhase): void {
  const scale = phaseVoteScale(phase);
  for (const topic of phase.topics) {
    const top = chartItems(topic);
    if (!top.length) continue;
    layout.heading(topic.label, 10, { spaceBefore: 4, spaceAfter: 0 });
    voteChart(layout, top, LIST_INDENT, scale);
  }
}

function forms(layout: FlowLayout, phase: HarvestPhase, labels: DocumentLabels): void {
  if (phase.matrix) matrixGrid(layout, phase.matrix);
  const c = phase.checklist;
  if (c) {
    layout.paragraph([{ text: `${c.done} / ${c.total} ${labels.done}`, color: COLORS.grey }], { spaceBefore: 4, spaceAfter: 4 });
    c.sections.forEach((s, i) => {
      layout.heading(`${i + 1}. ${s.title}`, 11, { spaceBefore: 6 });
      layout.paragraph([{ text: `${s.done} / ${s.total} ${labels.done}`, color: COLORS.grey, size: 9 }], { spaceAfter: 3 });
      for (const it of s.items) {
        const by = it.done && it.by ? [{ text: `  ${it.by}`, color: COLORS.light, size: 7.5 }] : [];
        layout.paragraph([{ text: it.label, color: it.done ? COLORS.text : COLORS.grey }, ...by], {
          indent: LIST_INDENT,
          hanging: 14,
          marker: { text: it.done ? '☑' : '☐' },
          spaceAfter: 2,
        });
      }
    });
  }
  if (phase.survey) {
    layout.paragraph([{ text: labels.responses(phase.survey.responses), color: COLORS.grey }], { spaceBefore: 4, spaceAfter: 4 });
    for (const s of phase.survey.sections) {
      if (s.title) layout.heading(s.title, 11, { spaceBefore: 8, spaceAfter: 2 });
      for (const q of s.questions) surveyQuestion(layout, q, labels);
    }
  }
}

/** Seed 003's tables hold three topics side by side: such a phase gets landscape pages. */
const isWide = (phase: HarvestPhase) => Math.max(phase.topics.length, phase.matrix?.columns.length ?? 0) >= 3;

function phaseSection(layout: FlowLayout, phase: HarvestPhase, ctx: Ctx): void {
  const { labels, options } = ctx;
  layout.heading(phase.title, 14, { spaceBefore: 14, rule: true, spaceAfter: 2 });
  if (phase.question) layout.paragraph([{ text: phase.question, color: COLORS.grey }], { spaceAfter: 6 });
  const rows = tableRows(phase, ctx);
  if (rows) new PdfTable(layout, phase.topics.map((t) => t.label)).draw(rows);
  if (rows && options.charts && phaseHasChart(phase)) charts(layout, phase);
  if (!rows && phase.crossCutting.length) {
    layout.heading(labels.crossCutting, 12, { spaceBefore: 8, spaceAfter: 2 });
    layout.list(phase.crossCutting.map((i) => itemRuns(i, ctx)), { ordered: false, indent: LIST_INDENT });
  }
  forms(layout, phase, labels);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The harvest as an A4 PDF in seed 003's layout, as the DOCX: the heading and intro, then per phase
 * its heading, question and one table with the topics across (pdf-table.ts). The fonts are
 * embedded as subsets, so Cyrillic prints anywhere and the file stays small. Same harvest, same bytes.
 */
export async function renderPdf(harvest: Harvest, fonts: PdfFonts, options: DocumentOptions = EVERYTHING): Promise<Uint8Array> {
  const labels = DOCUMENT_LABELS[harvest.language];
  const when = new Date(harvest.exportedAt);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { regular, bold } = await embedFonts(doc, fonts);
  const layout = new FlowLayout(doc, { regular, bold });

  const phases = printedPhases(harvest);
  // Each phase on pages of its own, landscape where its topics need it; the first shares the title's page.
  if (phases[0]) layout.orient(isWide(phases[0]));
  // As the DOCX sets them: a 16 pt heading (18 pt broke seed 003's title in two on a landscape page), the intro centred under it.
  layout.paragraph([{ text: documentHeading(harvest, options), weight: 'bold', size: 16 }], { align: 'center', spaceAfter: 10 });
  if (harvest.intro) layout.paragraph([{ text: harvest.intro, size: BODY + 1 }], { align: 'center', spaceAfter: 6 });
  phases.forEach((phase, i) => {
    if (i > 0) layout.newPage(isWide(phase));
    phaseSection(layout, phase, { labels, options });
  });
  // Who took part, on a page of its own after the results, when asked for (options.ts says why it is off by default here).
  if (options.participation && harvest.participation && harvest.participation.total > 0) {
    layout.newPage(false);
    participationFigure(layout, harvest.participation, harvest.language);
  }
  layout.footers(`${labels.exported}: ${day(harvest.exportedAt)}`);

  doc.setTitle(layout.clean(harvest.title.replace(/\s+/g, ' ')), { showInWindowTitleBar: true });
  doc.setLanguage(harvest.language);
  doc.setCreator('World Café Board');
  doc.setProducer('World Café Board');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save();
}
