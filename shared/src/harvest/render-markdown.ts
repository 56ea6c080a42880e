import { printedPhases } from './printed';
import { DOCUMENT_LABELS, type DocumentLabels } from './labels';
import type { Harvest, HarvestItem, HarvestPhase } from './types';
import { surveyRows, type QuestionSummaryRow } from './survey-rows';

/**
 * Markdown that renders every note as text: each character Markdown or inline HTML could act on is
 * backslash-escaped (links, emphasis, headings, tables, raw tags), and line breaks stay inside
 * their list item.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`)
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, '  \n   ');
}

const itemLine = (item: HarvestItem, labels: DocumentLabels): string => {
  const extra: string[] = [];
  if (item.count > 1) extra.push(`×${item.count}`);
  if (item.votes > 0) extra.push(labels.votes(item.votes));
  const who = [item.tableName, item.round ? `${labels.round} ${item.round}` : '', item.author].filter(Boolean).map(escapeMarkdown);
  return `${escapeMarkdown(item.text)}${extra.length ? ` **${extra.join(', ')}**` : ''}${who.length ? ` _(${who.join(', ')})_` : ''}`;
};

function phaseMarkdown(phase: HarvestPhase, labels: DocumentLabels): string[] {
  const out = [`## ${phase.number}. ${escapeMarkdown(phase.title)}`, ''];
  if (phase.question) out.push(`_${escapeMarkdown(phase.question)}_`, '');
  for (const topic of phase.topics) {
    if (!topic.selected.length && !topic.material.length && !topic.steps.length) continue;
    out.push(`### ${escapeMarkdown(topic.label)}`, '');
    if (topic.selected.length) {
      out.push(`**${escapeMarkdown(phase.selectedLabel || labels.selected)}**`, '');
      topic.selected.forEach((item, i) => out.push(`${i + 1}. ${itemLine(item, labels)}`));
      out.push('');
    }
    if (topic.material.length) {
      out.push(`**${escapeMarkdown(phase.materialLabel || labels.material)}**`, '');
      for (const item of topic.material) out.push(`- ${itemLine(item, labels)}`);
      out.push('');
    }
    if (topic.steps.length) {
      topic.steps.forEach((item, i) => out.push(`${i + 1}. ${itemLine(item, labels)}`));
      out.push('');
    }
  }
  if (phase.crossCutting.length) {
    out.push(`### ${escapeMarkdown(labels.crossCutting)}`, '');
    for (const item of phase.crossCutting) out.push(`- ${itemLine(item, labels)}`);
    out.push('');
  }
  if (phase.matrix && phase.matrix.columns.length) {
    const m = phase.matrix;
    const cell = (c: { ticked: boolean; text: string }) => [c.ticked ? '✓' : '', escapeMarkdown(c.text)].filter(Boolean).join(' ');
    out.push(`| | ${m.columns.map((c) => escapeMarkdown(c.label)).join(' | ')} |`, `|---|${m.columns.map(() => '---').join('|')}|`);
    m.rows.forEach((r, i) => out.push(`| ${escapeMarkdown(r.label)} | ${(m.cells[i] ?? []).map(cell).join(' | ')} |`));
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

export function renderMarkdown(harvest: Harvest): string {
  const labels = DOCUMENT_LABELS[harvest.language];
  const out = [`# ${escapeMarkdown(harvest.title)}`, ''];
  if (harvest.intro) out.push(escapeMarkdown(harvest.intro), '');
  for (const phase of printedPhases(harvest)) out.push(...phaseMarkdown(phase, labels));
  return `${out.join('\n').trimEnd()}\n`;
}
