import { rgb } from 'pdf-lib';
import type { Language } from '../templates/types';
import { DOCUMENT_LABELS } from './labels';
import type { Participation } from './participation';
import { heatFill, PARTICIPATION_LABELS } from './participation-svg';
import { COLORS, type FlowLayout } from './pdf-layout';

/** The participation figure drawn with pdf-lib's primitives: the heat map as shaded cells, bars per topic, the anonymous share. */

const SIZE = 8;
const ROW_H = 16;

const hex = (fill: string) => rgb(parseInt(fill.slice(1, 3), 16) / 255, parseInt(fill.slice(3, 5), 16) / 255, parseInt(fill.slice(5, 7), 16) / 255);

export function participationFigure(layout: FlowLayout, p: Participation, language: Language): void {
  const l = PARTICIPATION_LABELS[language];
  const doc = DOCUMENT_LABELS[language];
  layout.heading(l.title, 14, { spaceBefore: 14, rule: true, spaceAfter: 4 });
  layout.heading(l.heatMap, 11, { spaceBefore: 4, spaceAfter: 4 });
  const labelW = Math.min(160, layout.width * 0.3);
  const colW = p.rounds.length ? Math.min(70, (layout.width - labelW) / p.rounds.length) : 0;
  const max = Math.max(0, ...p.notes.flat());
  const text = (s: string, x: number, y: number, bold = false, color = COLORS.text) =>
    layout.current.drawText(layout.clean(s), { x, y, size: SIZE, font: layout.font(bold ? 'bold' : 'regular'), color });
  layout.ensure(ROW_H * (p.tables.length + 1));
  let band = layout.take(ROW_H);
  p.rounds.forEach((r, j) => text(r === 0 ? l.noRound : `${doc.round} ${r}`, layout.left + labelW + j * colW + 3, band - ROW_H + 5, true));
  p.tables.forEach((t, i) => {
    band = layout.take(ROW_H);
    text(t.name || l.noTable, layout.left, band - ROW_H + 5, true);
    p.rounds.forEach((_, j) => {
      const n = p.notes[i]?.[j] ?? 0;
      const x = layout.left + labelW + j * colW;
      layout.current.drawRectangle({ x, y: band - ROW_H, width: colW - 2, height: ROW_H - 2, color: hex(heatFill(n, max)), borderColor: COLORS.rule, borderWidth: 0.5 });
      // Light on the darkest cells, as the SVG does.
      text(String(n), x + colW / 2 - 4, band - ROW_H + 5, false, max > 0 && n / max > 0.6 ? rgb(1, 1, 1) : COLORS.text);
    });
  });
  layout.heading(l.perTopic, 11, { spaceBefore: 10, spaceAfter: 4 });
  const barMax = Math.max(1, ...p.topics.flatMap((t) => [t.notes, t.votes]));
  const barW = layout.width - labelW - 80;
  for (const t of p.topics) {
    layout.ensure(ROW_H * 1.6);
    band = layout.take(ROW_H * 1.6);
    const top = band - ROW_H * 1.6;
    text(t.label || doc.crossCutting, layout.left, top + ROW_H, false);
    const nw = Math.max(1, (t.notes / barMax) * barW);
    const vw = Math.max(1, (t.votes / barMax) * barW);
    layout.current.drawRectangle({ x: layout.left + labelW, y: top + ROW_H * 0.85, width: nw, height: 6, color: COLORS.accent });
    text(l.noteCount(t.notes), layout.left + labelW + nw + 4, top + ROW_H * 0.85);
    layout.current.drawRectangle({ x: layout.left + labelW, y: top + ROW_H * 0.25, width: vw, height: 6, color: rgb(0.18, 0.44, 0.62) });
    text(doc.votes(t.votes), layout.left + labelW + vw + 4, top + ROW_H * 0.25);
  }
  layout.paragraph([{ text: l.anonymous(p.anonymous, p.total), weight: 'bold' }], { spaceBefore: 8, spaceAfter: 4 });
}
