import type { Language } from '../templates/types';
import { DOCUMENT_LABELS } from './labels';
import type { Participation } from './participation';

// As render-html's: no text can open a tag, an attribute or an entity (kept here: render-html embeds this figure).
const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The few words of the participation figure, in the session's language. */
export type ParticipationLabels = {
  title: string;
  heatMap: string;
  perTopic: string;
  /** Column headers of the per-topic counts. */
  notes: string;
  votes: string;
  /** "3 notes" beside a bar. */
  noteCount: (n: number) => string;
  noTable: string;
  noRound: string;
  anonymous: (n: number, total: number) => string;
};

const pct = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);

// Slavic plurals: 1 нотатка, 2–4 нотатки, 5+ нотаток (11–14 take the "many" form).
const slavic = (n: number, one: string, few: string, many: string) => {
  const m10 = n % 10;
  const m100 = n % 100;
  return `${n} ${m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many}`;
};

export const PARTICIPATION_LABELS: Record<Language, ParticipationLabels> = {
  uk: {
    title: 'Хто взяв участь',
    heatMap: 'Нотатки за столами й раундами',
    perTopic: 'Нотатки й голоси за темами',
    notes: 'нотатки',
    votes: 'голоси',
    noteCount: (n) => slavic(n, 'нотатка', 'нотатки', 'нотаток'),
    noTable: 'Без столу',
    noRound: 'Поза раундом',
    anonymous: (n, total) => `Без імені: ${n} з ${total} нотаток (${pct(n, total)}%)`,
  },
  ru: {
    title: 'Кто участвовал',
    heatMap: 'Заметки по столам и раундам',
    perTopic: 'Заметки и голоса по темам',
    notes: 'заметки',
    votes: 'голоса',
    noteCount: (n) => slavic(n, 'заметка', 'заметки', 'заметок'),
    noTable: 'Без стола',
    noRound: 'Вне раунда',
    anonymous: (n, total) => `Без имени: ${n} из ${total} заметок (${pct(n, total)}%)`,
  },
  en: {
    title: 'Who took part',
    heatMap: 'Notes per table and round',
    perTopic: 'Notes and votes per topic',
    notes: 'notes',
    votes: 'votes',
    noteCount: (n) => `${n} ${n === 1 ? 'note' : 'notes'}`,
    noTable: 'No table',
    noRound: 'Outside a round',
    anonymous: (n, total) => `Written anonymously: ${n} of ${total} notes (${pct(n, total)}%)`,
  },
};

const CELL_H = 26;
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const NOTES_FILL = '#e8a33d';
const VOTES_FILL = '#2f6f9f';

/** A cell's fill: white for none, darker amber the more notes (one scale for the whole map). */
export const heatFill = (n: number, max: number): string => {
  if (n <= 0 || max <= 0) return '#ffffff';
  const t = 0.15 + 0.85 * (n / max);
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t).toString(16).padStart(2, '0');
  return `#${mix(0xff, 0xa3)}${mix(0xf6, 0x5d)}${mix(0xe8, 0x00)}`;
};

// 11 px unless `extra` sets a size: an attribute twice is tolerated by HTML but makes the .svg file invalid XML.
const text = (x: number, y: number, s: string, extra = '') =>
  `<text x="${x}" y="${y}"${extra.includes('font-size=') ? '' : ' font-size="11"'} ${extra}>${escapeHtml(s)}</text>`;

/**
 * The participation figure as one SVG string (no DOM): the heat map, the per-topic bars, the
 * anonymous share. Every text is escaped; the same string is the HTML figure and the .svg download.
 */
export function participationSvg(p: Participation, language: Language, width = 640): string {
  // Drawn at the size it is shown (the facilitator's drawer is narrow): scaled down, 11 px text became unreadable.
  const W = width;
  const LABEL_W = Math.round(W * 0.27);
  // Capitals at 11 px run about 7.5 px wide: a label never reaches its bar.
  const maxChars = Math.max(8, Math.floor(LABEL_W / 7.5));
  const l = PARTICIPATION_LABELS[language];
  const crossLabel = DOCUMENT_LABELS[language].crossCutting;
  const out: string[] = [];
  let y = 20;
  out.push(text(0, y, l.title, 'font-size="15" font-weight="bold"'));
  y += 26;
  out.push(text(0, y, l.heatMap, 'font-weight="bold"'));
  y += 8;
  const colW = p.rounds.length ? Math.min(90, (W - LABEL_W) / p.rounds.length) : 0;
  const round = (r: number) => (r === 0 ? l.noRound : `${DOCUMENT_LABELS[language].round} ${r}`);
  p.rounds.forEach((r, j) => out.push(text(LABEL_W + j * colW + colW / 2, y + 14, round(r), 'text-anchor="middle" font-size="10"')));
  y += 20;
  const max = Math.max(0, ...p.notes.flat());
  p.tables.forEach((t, i) => {
    const name = t.name || (t.id ? '?' : l.noTable);
    out.push(text(0, y + 17, name.length > maxChars ? `${name.slice(0, maxChars - 1)}…` : name));
    p.rounds.forEach((_, j) => {
      const n = p.notes[i]?.[j] ?? 0;
      const x = LABEL_W + j * colW;
      out.push(`<rect x="${x}" y="${y}" width="${colW - 2}" height="${CELL_H - 2}" fill="${heatFill(n, max)}" stroke="#cccccc"><title>${n}</title></rect>`);
      out.push(text(x + colW / 2 - 1, y + 17, String(n), `text-anchor="middle"${n / max > 0.6 ? ' fill="#ffffff"' : ''}`));
    });
    y += CELL_H;
  });
  y += 18;
  out.push(text(0, y, l.perTopic, 'font-weight="bold"'));
  y += 8;
  const barMax = Math.max(1, ...p.topics.flatMap((t) => [t.notes, t.votes]));
  // Room after the longest bar for its count.
  const barW = W - LABEL_W - 80;
  for (const t of p.topics) {
    const label = t.label || crossLabel;
    out.push(text(0, y + 12, label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label));
    const nw = Math.round((t.notes / barMax) * barW);
    const vw = Math.round((t.votes / barMax) * barW);
    out.push(`<rect x="${LABEL_W}" y="${y + 2}" width="${nw}" height="10" fill="${NOTES_FILL}"/>`, text(LABEL_W + nw + 4, y + 11, l.noteCount(t.notes), 'font-size="10"'));
    out.push(`<rect x="${LABEL_W}" y="${y + 14}" width="${vw}" height="10" fill="${VOTES_FILL}"/>`, text(LABEL_W + vw + 4, y + 23, DOCUMENT_LABELS[language].votes(t.votes), 'font-size="10"'));
    y += 32;
  }
  y += 12;
  const share = p.total ? p.anonymous / p.total : 0;
  out.push(text(0, y, l.anonymous(p.anonymous, p.total), 'font-weight="bold"'));
  y += 8;
  out.push(`<rect x="0" y="${y}" width="${W}" height="12" fill="#eeeeee"/><rect x="0" y="${y}" width="${Math.round(share * W)}" height="12" fill="${NOTES_FILL}"/>`);
  y += 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" role="img" aria-label="${escapeHtml(l.title)}" ${FONT}>${out.join('')}</svg>`;
}
