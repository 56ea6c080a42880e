import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { chartItems, phaseHasChart, phaseVoteScale } from './charts';
import { printedPhases } from './printed';
import { DOCUMENT_LABELS, type DocumentLabels } from './labels';
import { documentHeading, EVERYTHING, provenanceOf, type DocumentOptions } from './options';
import { matrixGrid, surveyQuestion, voteChart } from './pdf-blocks';
import { BODY, COLORS, FlowLayout, type Run } from './pdf-layout';
import { cacheTextOf } from './pdf-text-cache';
import type { Harvest, HarvestItem, HarvestPhase, HarvestTopicSection } from './types';

/** The font files the PDF embeds (DejaVu Sans covers Cyrillic); node reads them, a browser fetches them. */
export type PdfFonts = { regular: Uint8Array; bold: Uint8Array };

const LIST_INDENT = 8;

// Ligatures off: a ligature glyph would read back from the PDF as one odd character ("ﬁ").
const FEATURES = { liga: false, clig: false, dlig: false, calt: false };

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

const sectionLabel = (layout: FlowLayout, text: string) =>
  layout.heading(text, 9.5, { indent: LIST_INDENT, color: COLORS.grey, spaceBefore: 4, spaceAfter: 3 });

function topicSection(layout: FlowLayout, phase: HarvestPhase, topic: HarvestTopicSection, ctx: Ctx): void {
  const { labels, options } = ctx;
  if (!topic.selected.length && !topic.material.length && !topic.steps.length) return;
  layout.heading(topic.label, 12, { spaceBefore: 8, spaceAfter: 2 });
  if (topic.selected.length) {
    sectionLabel(layout, phase.selectedLabel || labels.selected);
    layout.list(topic.selected.map((i) => itemRuns(i, ctx)), { ordered: true, indent: LIST_INDENT });
  }
  if (topic.material.length) {
    sectionLabel(layout, phase.materialLabel || labels.material);
    layout.list(topic.material.map((i) => itemRuns(i, ctx)), { ordered: false, indent: LIST_INDENT });
  }
  if (options.charts && phaseHasChart(phase)) voteChart(layout, chartItems(topic), LIST_INDENT, phaseVoteScale(phase));
  if (topic.steps.length) {
    sectionLabel(layout, labels.steps);
    layout.list(topic.steps.map((i) => itemRuns(i, ctx)), { ordered: true, indent: LIST_INDENT });
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

function phaseSection(layout: FlowLayout, phase: HarvestPhase, ctx: Ctx): void {
  const { labels } = ctx;
  layout.heading(phase.title, 14, { spaceBefore: 14, rule: true, spaceAfter: 2 });
  if (phase.question) layout.paragraph([{ text: phase.question, color: COLORS.grey }], { spaceAfter: 4 });
  for (const topic of phase.topics) topicSection(layout, phase, topic, ctx);
  if (phase.crossCutting.length) {
    layout.heading(labels.crossCutting, 12, { spaceBefore: 8, spaceAfter: 2 });
    layout.list(phase.crossCutting.map((i) => itemRuns(i, ctx)), { ordered: false, indent: LIST_INDENT });
  }
  forms(layout, phase, labels);
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The harvest as an A4 PDF laid out like seed 003 read top to bottom: title and intro, then per
 * phase its question and per topic the selected criteria, the material and the steps. The fonts are
 * embedded as subsets, so Cyrillic prints anywhere and the file stays small. Same harvest, same bytes.
 */
export async function renderPdf(harvest: Harvest, fonts: PdfFonts, options: DocumentOptions = EVERYTHING): Promise<Uint8Array> {
  const labels = DOCUMENT_LABELS[harvest.language];
  const when = new Date(harvest.exportedAt);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true, features: FEATURES });
  const bold = await doc.embedFont(fonts.bold, { subset: true, features: FEATURES });
  cacheTextOf(regular, fonts.regular);
  cacheTextOf(bold, fonts.bold);
  const layout = new FlowLayout(doc, { regular, bold });

  layout.paragraph([{ text: documentHeading(harvest, options), weight: 'bold', size: 18 }], { align: 'center', spaceAfter: 10 });
  if (harvest.intro) layout.paragraph([{ text: harvest.intro, size: BODY + 1 }], { spaceAfter: 6 });
  for (const phase of printedPhases(harvest)) phaseSection(layout, phase, { labels, options });
  layout.footers(`${labels.exported}: ${day(harvest.exportedAt)}`);

  doc.setTitle(layout.clean(harvest.title.replace(/\s+/g, ' ')), { showInWindowTitleBar: true });
  doc.setLanguage(harvest.language);
  doc.setCreator('World Café Board');
  doc.setProducer('World Café Board');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save();
}
