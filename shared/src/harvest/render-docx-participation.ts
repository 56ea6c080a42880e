import { HeadingLevel, Paragraph, Table, TableRow, TextRun } from 'docx';
import type { Language } from '../templates/types';
import { DOCUMENT_LABELS } from './labels';
import type { Participation } from './participation';
import { heatFill, PARTICIPATION_LABELS } from './participation-svg';
import { boldCentred, COLOURS, gridCell, gridTable, textRuns } from './render-docx-parts';

/**
 * The participation figure in Word, drawn natively: the heat map as a table whose cells are shaded
 * by their count (the SVG's colours), the per-topic counts as a second table, the anonymous share
 * as a line. A native table stays editable and prints sharp; no rasteriser is needed.
 */
export function participationBlocks(p: Participation, language: Language, width: number): (Paragraph | Table)[] {
  const l = PARTICIPATION_LABELS[language];
  const doc = DOCUMENT_LABELS[language];
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
    new Paragraph({ heading: level, keepNext: true, spacing: { before: 200, after: 100 }, children: textRuns(text, { bold: true, color: '000000' }) });
  const out: (Paragraph | Table)[] = [heading(l.title, HeadingLevel.HEADING_1), heading(l.heatMap)];
  if (p.rounds.length && p.tables.length) {
    const labelW = Math.round(width * 0.3);
    const colW = Math.floor((width - labelW) / p.rounds.length);
    const max = Math.max(0, ...p.notes.flat());
    const head = new TableRow({
      tableHeader: true,
      children: [gridCell([], labelW, { fill: COLOURS.header }), ...p.rounds.map((r) => gridCell([boldCentred(r === 0 ? l.noRound : `${doc.round} ${r}`)], colW, { fill: COLOURS.header }))],
    });
    const rows = p.tables.map(
      (t, i) =>
        new TableRow({
          cantSplit: true,
          children: [
            gridCell([new Paragraph({ children: textRuns(t.name || l.noTable, { bold: true }) })], labelW),
            ...p.rounds.map((_, j) => {
              const n = p.notes[i]?.[j] ?? 0;
              return gridCell([boldCentred(String(n))], colW, { fill: heatFill(n, max).slice(1) });
            }),
          ],
        }),
    );
    out.push(gridTable([head, ...rows], [labelW, ...p.rounds.map(() => colW)]));
  }
  out.push(heading(l.perTopic));
  const topicW = Math.round(width * 0.6);
  const numW = Math.floor((width - topicW) / 2);
  const topicHead = new TableRow({
    tableHeader: true,
    children: [gridCell([], topicW, { fill: COLOURS.header }), gridCell([boldCentred(l.notes)], numW, { fill: COLOURS.header }), gridCell([boldCentred(l.votes)], numW, { fill: COLOURS.header })],
  });
  const topicRows = p.topics.map(
    (t) =>
      new TableRow({
        cantSplit: true,
        children: [gridCell([new Paragraph({ children: textRuns(t.label || doc.crossCutting) })], topicW), gridCell([boldCentred(String(t.notes))], numW), gridCell([boldCentred(String(t.votes))], numW)],
      }),
  );
  out.push(gridTable([topicHead, ...topicRows], [topicW, numW, numW]));
  out.push(new Paragraph({ spacing: { before: 160 }, children: [new TextRun({ text: l.anonymous(p.anonymous, p.total), bold: true })] }));
  return out;
}
