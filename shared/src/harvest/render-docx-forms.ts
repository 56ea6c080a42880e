import { HeadingLevel, Paragraph, Table, TableRow, TextRun } from 'docx';
import type { DocumentLabels } from './labels';
import { surveyRows } from './survey-rows';
import { COLOURS, boldCentred, gridCell, gridTable, shareTable, textRuns } from './render-docx-parts';
import type { HarvestChecklist, HarvestMatrix, HarvestPhase, HarvestSurvey } from './types';

/** The structured phases in DOCX: matrix as a ruled table, checklist as ticked lines, survey as summaries with bars. */

// Arial has no ballot boxes; naming a font that has them keeps Word and LibreOffice from each
// picking (and placing) a fallback of their own.
const SYMBOL_FONT = 'DejaVu Sans';

const heading3 = (runs: TextRun[]) => new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, spacing: { before: 200, after: 80 }, children: runs });

/** Rows × columns with ✓ and the cell's text; a Σ column and row count the ticks. */
function matrixTable(m: HarvestMatrix, width: number): Table {
  const sumW = 600;
  const labelW = Math.round((width - sumW) * 0.3);
  const colW = Math.floor((width - sumW - labelW) / m.columns.length);
  const widths = [labelW, ...m.columns.map(() => colW), sumW];
  const head = new TableRow({
    tableHeader: true,
    children: [gridCell([], labelW, { fill: COLOURS.header }), ...m.columns.map((c) => gridCell([boldCentred(c.label)], colW, { fill: COLOURS.header })), gridCell([boldCentred('Σ')], sumW, { fill: COLOURS.header })],
  });
  const body = m.rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          gridCell([new Paragraph({ children: textRuns(r.label, { bold: true }) })], labelW),
          ...m.columns.map((_, j) => m.cells[i]?.[j] ?? { ticked: false, text: '' }).map((c) =>
            gridCell([new Paragraph({ children: [...(c.ticked ? [new TextRun({ text: '✓ ', bold: true, font: SYMBOL_FONT })] : []), ...(c.text ? textRuns(c.text) : [])] })], colW),
          ),
          gridCell([boldCentred(String(r.ticks))], sumW),
        ],
      }),
  );
  const totals = new TableRow({
    children: [gridCell([boldCentred('Σ')], labelW), ...m.columns.map((c) => gridCell([boldCentred(String(c.ticks))], colW)), gridCell([], sumW)],
  });
  return gridTable([head, ...body, totals], widths);
}

/** Per stage "N. title (done/total done)" and its items as ☑/☐ lines. */
function checklistBlocks(c: HarvestChecklist, labels: DocumentLabels): Paragraph[] {
  return c.sections.flatMap((s, i) => [
    heading3([...textRuns(`${i + 1}. ${s.title}`), new TextRun({ text: ` (${s.done}/${s.total} ${labels.done})`, color: COLOURS.meta })]),
    ...s.items.map((it) => new Paragraph({ indent: { left: 200 }, children: [new TextRun({ text: it.done ? '☑ ' : '☐ ', font: SYMBOL_FONT }), ...textRuns(it.label)] })),
  ]);
}

/** The response count, then per question its label and summary lines: bars where a line has a share, quotes in italics. */
function surveyBlocks(s: HarvestSurvey, labels: DocumentLabels, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ children: [new TextRun({ text: labels.responses(s.responses), italics: true })] })];
  for (const section of s.sections) {
    if (section.title) out.push(heading3(textRuns(section.title)));
    for (const q of section.questions) {
      out.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 40 }, children: textRuns(q.label, { bold: true }) }));
      const rows = surveyRows(q, labels);
      const bars = rows.flatMap((r) => (r.share === undefined ? [] : [{ text: r.text, share: r.share }]));
      if (bars.length) out.push(shareTable(bars, Math.round(width * 0.8)));
      for (const r of rows) {
        if (r.share !== undefined) continue;
        out.push(new Paragraph({ indent: { left: 200 }, children: r.quote ? textRuns(`“${r.text}”`, { italics: true }) : textRuns(r.text) }));
      }
    }
  }
  return out;
}

/** Whatever structured form the phase has, ready to follow its heading; empty for a board phase. */
export function formBlocks(phase: HarvestPhase, labels: DocumentLabels, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (phase.matrix && phase.matrix.columns.length) out.push(matrixTable(phase.matrix, width), new Paragraph({}));
  if (phase.checklist) out.push(...checklistBlocks(phase.checklist, labels));
  if (phase.survey) out.push(...surveyBlocks(phase.survey, labels, width));
  return out;
}
