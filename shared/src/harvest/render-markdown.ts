import { printedPhases } from './printed';
import { DOCUMENT_LABELS, type DocumentLabels } from './labels';
import { documentHeading, EVERYTHING, provenanceOf, type DocumentOptions } from './options';
import type { Harvest, HarvestItem, HarvestPhase } from './types';
import { surveyRows, type QuestionSummaryRow } from './survey-rows';
import { PARTICIPATION_LABELS } from './participation-svg';
import type { Participation } from './participation';
import type { Language } from '../templates/types';

// Anywhere in a line: code spans, emphasis, links and images, strikethrough, table cells; a
// backslash before punctuation (it would escape it) or at the end of a line (a hard break).
const INLINE = /[`*[\]~|]|\\(?=[!-/:-@[-`{-~]|$)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// Raw HTML and autolinks open with "<" and a letter, "/", "!" or "?"; entities are "&name;" or "&#9;".
const TAG = /<(?=[\p{L}/!?])/gu;
const ENTITY = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]*;)/g;
// At the start of a line: headings, quotes, list markers ("-", "+", "*" and "1." / "1)" before a
// space), and a line of only "=" or "-" (a setext underline or a rule).
const LINE_START = /^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|-+\s*$)/;
const ORDERED = /^(\s*\d{1,9})([.)])(?=\s|$)/;
// A heading's closing hashes (" ##" at the end) would be dropped from it.
const CLOSING_HASHES = /(\s)(#+)(\s*)$/;

function escapeLine(line: string): string {
  return line
    .replace(INLINE, (c) => `\\${c}`)
    .replace(TAG, '\\<')
    .replace(ENTITY, '\\&')
    .replace(LINE_START, (_, space: string, mark: string) => `${space}\\${mark}`)
    .replace(ORDERED, (_, number: string, mark: string) => `${number}\\${mark}`);
}

/**
 * A session text as Markdown that shows it as written: only what would change the rendering is
 * backslash-escaped (emphasis, code, links, raw tags and entities, markers at a line's start), so
 * "з... ?" and "Офлайн-нотатка" stay as they are; line breaks stay inside their list item.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('  \n   ');
}

/** A text for an ATX heading's line: as escapeMarkdown, and its own closing hashes kept. */
const escapeHeading = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ')).replace(CLOSING_HASHES, (_, space: string, hashes: string, end: string) => `${space}\\${hashes}${end}`);

/** The labels and the options every block of one document draws with. */
type Ctx = { labels: DocumentLabels; options: DocumentOptions };

const itemLine = (item: HarvestItem, { labels, options }: Ctx): string => {
  const extra: string[] = [];
  if (item.count > 1) extra.push(`×${item.count}`);
  if (options.charts && item.votes > 0) extra.push(labels.votes(item.votes));
  const who = provenanceOf(item, labels, options.provenance);
  return `${escapeMarkdown(item.text)}${extra.length ? ` **${extra.join(', ')}**` : ''}${who ? ` _(${escapeMarkdown(who)})_` : ''}`;
};

function phaseMarkdown(phase: HarvestPhase, ctx: Ctx): string[] {
  const { labels } = ctx;
  const out = [`## ${escapeHeading(phase.title)}`, ''];
  if (phase.question) out.push(`_${escapeMarkdown(phase.question)}_`, '');
  for (const topic of phase.topics) {
    if (!topic.selected.length && !topic.material.length && !topic.steps.length) continue;
    out.push(`### ${escapeHeading(topic.label)}`, '');
    if (topic.selected.length) {
      out.push(`**${escapeMarkdown(phase.selectedLabel || labels.selected)}**`, '');
      topic.selected.forEach((item, i) => out.push(`${i + 1}. ${itemLine(item, ctx)}`));
      out.push('');
    }
    if (topic.material.length) {
      out.push(`**${escapeMarkdown(phase.materialLabel || labels.material)}**`, '');
      for (const item of topic.material) out.push(`- ${itemLine(item, ctx)}`);
      out.push('');
    }
    if (topic.steps.length) {
      topic.steps.forEach((item, i) => out.push(`${i + 1}. ${itemLine(item, ctx)}`));
      out.push('');
    }
  }
  if (phase.crossCutting.length) {
    out.push(`### ${escapeMarkdown(labels.crossCutting)}`, '');
    for (const item of phase.crossCutting) out.push(`- ${itemLine(item, ctx)}`);
    out.push('');
  }
  if (phase.matrix && phase.matrix.columns.length) {
    const m = phase.matrix;
    const cell = (c: { ticked: boolean; text: string }) => [c.ticked ? '✓' : '', escapeMarkdown(c.text)].filter(Boolean).join(' ');
    out.push(`| ${escapeMarkdown(m.corner)} | ${m.columns.map((c) => escapeMarkdown(c.label)).join(' | ')} | Σ |`, `|---|${m.columns.map(() => '---').join('|')}|---|`);
    m.rows.forEach((r, i) => out.push(`| ${escapeMarkdown(r.label)} | ${(m.cells[i] ?? []).map(cell).join(' | ')} | ${r.ticks} |`));
    out.push(`| Σ | ${m.columns.map((c) => c.ticks).join(' | ')} | ${m.ticks} |`);
    out.push('');
  }
  if (phase.checklist) {
    phase.checklist.sections.forEach((s, i) => {
      out.push(`**${i + 1}. ${escapeMarkdown(s.title)}** (${s.done}/${s.total})`, '');
      for (const it of s.items) out.push(`- [${it.done ? 'x' : ' '}] ${escapeMarkdown(it.label)}`);
      out.push('');
    });
  }
  if (phase.survey) {
    out.push(`_${labels.responses(phase.survey.responses)}_`, '');
    for (const s of phase.survey.sections) {
      if (s.title) out.push(`**${escapeMarkdown(s.title)}**`, '');
      for (const q of s.questions) {
        out.push(`- ${escapeMarkdown(q.label)}`);
        for (const row of surveyRows(q, labels)) out.push(`   - ${rowMarkdown(row)}`);
      }
      out.push('');
    }
  }
  return out;
}

const rowMarkdown = (row: QuestionSummaryRow): string => (row.quote ? `“${escapeMarkdown(row.text)}”` : escapeMarkdown(row.text));

export function renderMarkdown(harvest: Harvest, options: DocumentOptions = EVERYTHING): string {
  const labels = DOCUMENT_LABELS[harvest.language];
  const out = [`# ${escapeHeading(documentHeading(harvest, options))}`, ''];
  if (harvest.intro) out.push(escapeMarkdown(harvest.intro), '');
  for (const phase of printedPhases(harvest)) out.push(...phaseMarkdown(phase, { labels, options }));
  if (options.participation && harvest.participation && harvest.participation.total > 0) out.push(...participationMarkdown(harvest.participation, harvest.language));
  return `${out.join('\n').trimEnd()}\n`;
}

/** Who took part as Markdown tables: the heat map's counts, then notes and votes per topic, then the anonymous share. */
function participationMarkdown(p: Participation, language: Language): string[] {
  const l = PARTICIPATION_LABELS[language];
  const doc = DOCUMENT_LABELS[language];
  const out = [`## ${escapeHeading(l.title)}`, '', `**${escapeMarkdown(l.heatMap)}**`, ''];
  const round = (r: number) => (r === 0 ? l.noRound : `${doc.round} ${r}`);
  out.push(`| | ${p.rounds.map(round).map(escapeMarkdown).join(' | ')} |`, `|---|${p.rounds.map(() => '---').join('|')}|`);
  p.tables.forEach((t, i) => out.push(`| ${escapeMarkdown(t.name || l.noTable)} | ${(p.notes[i] ?? []).join(' | ')} |`));
  out.push('', `**${escapeMarkdown(l.perTopic)}**`, '', `| | ${escapeMarkdown(l.notes)} | ${escapeMarkdown(l.votes)} |`, '|---|---|---|');
  for (const t of p.topics) out.push(`| ${escapeMarkdown(t.label || doc.crossCutting)} | ${t.notes} | ${t.votes} |`);
  out.push('', escapeMarkdown(l.anonymous(p.anonymous, p.total)), '');
  return out;
}
