import { AlignmentType, HeadingLevel, Paragraph, Table, TableRow, TextRun } from 'docx';
import type { DocumentLabels } from './labels';
import { surveyRows } from './survey-rows';
import { COLOURS, boldCentred, gridCell, gridTable, shareTable, textRuns } from './render-docx-parts';
import type { HarvestChecklist, HarvestMatrix, HarvestPhase, HarvestSurvey } from './types';

/** The structured phases in DOCX, all in one ruled-table style: the matrix, the checklist, the survey's questions. */

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
    children: [gridCell(m.corner ? [boldCentred(m.corner)] : [], labelW, { fill: COLOURS.header }), ...m.columns.map((c) => gridCell([boldCentred(c.label)], colW, { fill: COLOURS.header })), gridCell([boldCentred('Σ')], sumW, { fill: COLOURS.header })],
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
    children: [gridCell([boldCentred('Σ')], labelW), ...m.columns.map((c) => gridCell([boldCentred(String(c.ticks))], colW)), gridCell([boldCentred(String(m.ticks))], sumW)],
  });
  return gridTable([head, ...body, totals], widths);
}

/**
 * The checklist in the matrix's table style: per stage a header row "N. title" and "done/total",
 * then one row per item, its label and ☑/☐ (with who ticked it when known).
 */
function checklistTable(c: HarvestChecklist, labels: DocumentLabels, width: number): Table {
  const markW = 1400;
  const labelW = width - markW;
  const rows = c.sections.flatMap((s, i) => [
    new TableRow({
      cantSplit: true,
      children: [
        gridCell([new Paragraph({ keepNext: true, children: textRuns(`${i + 1}. ${s.title}`, { bold: true }) })], labelW, { fill: COLOURS.header }),
        gridCell([boldCentred(`${s.done}/${s.total} ${labels.done}`)], markW, { fill: COLOURS.header }),
      ],
    }),
    ...s.items.map(
      (it) =>
        new TableRow({
          cantSplit: true,
          children: [
            gridCell([new Paragraph({ children: textRuns(it.label) })], labelW),
            gridCell([new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: it.done ? '☑' : '☐', font: SYMBOL_FONT })] })], markW),
          ],
        }),
    ),
  ]);
  const total = new TableRow({
    children: [gridCell([new Paragraph({ children: textRuns('Σ', { bold: true }) })], labelW), gridCell([boldCentred(`${c.done}/${c.total}`)], markW)],
  });
  return gridTable([...rows, total], [labelW, markW]);
}

/**
 * The survey in the same table style: the response count, then per question a header row with
 * its label, and its summary in the row below: bars where a line has a share, quotes in italics.
 */
function surveyBlocks(s: HarvestSurvey, labels: DocumentLabels, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [new Paragraph({ children: [new TextRun({ text: labels.responses(s.responses), italics: true })] })];
  for (const section of s.sections) {
    if (section.title) out.push(heading3(textRuns(section.title)));
    const rows = section.questions.flatMap((q) => {
      const lines = surveyRows(q, labels);
      const bars = lines.flatMap((r) => (r.share === undefined ? [] : [{ text: r.text, share: r.share }]));
      const answers: (Paragraph | Table)[] = [];
      if (bars.length) answers.push(shareTable(bars, width - 2 * 200));
      for (const r of lines) {
        if (r.share !== undefined) continue;
        answers.push(new Paragraph({ children: r.quote ? textRuns(`“${r.text}”`, { italics: true }) : textRuns(r.text) }));
      }
      return [
        new TableRow({ cantSplit: true, tableHeader: false, children: [gridCell([new Paragraph({ keepNext: true, children: textRuns(q.label, { bold: true }) })], width, { fill: COLOURS.header })] }),
        new TableRow({ children: [gridCell(answers, width)] }),
      ];
    });
    if (rows.length) out.push(gridTable(rows, [width]), new Paragraph({}));
  }
  return out;
}

/** Whatever structured form the phase has, ready to follow its heading; empty for a board phase. */
export function formBlocks(phase: HarvestPhase, labels: DocumentLabels, width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (phase.matrix && phase.matrix.columns.length) out.push(matrixTable(phase.matrix, width), new Paragraph({}));
  if (phase.checklist) out.push(checklistTable(phase.checklist, labels, width), new Paragraph({}));
  if (phase.survey) out.push(...surveyBlocks(phase.survey, labels, width));
  return out;
}
