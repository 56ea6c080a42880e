import { DOCUMENT_LABELS } from './labels';
import type { Harvest, HarvestItem, HarvestNote } from './types';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab / CR that some strip first) as a
 * formula: =HYPERLINK(...) in a note would become a live link. A leading apostrophe keeps it text.
 */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One row per note: phase, topic, table, round, author, text, votes, cluster, selected, created. */
export function renderCsv(harvest: Harvest): string {
  const labels = DOCUMENT_LABELS[harvest.language];
  const rows: (string | number | boolean)[][] = [[...labels.csvHeader]];
  const push = (phase: string, topic: string, n: HarvestNote, cluster: string, selected: boolean) =>
    rows.push([phase, topic, n.tableName || n.table, n.round || '', n.author, n.text, n.votes, cluster, selected ? 1 : 0, new Date(n.createdAt).toISOString()]);
  const pushItem = (phase: string, topic: string, item: HarvestItem) => {
    const cluster = item.count > 1 ? `${item.text} ×${item.count}` : '';
    const ownVotes = item.votes - item.members.reduce((s, m) => s + m.votes, 0);
    push(phase, topic, { ...item, votes: ownVotes }, cluster, item.selected);
    for (const m of item.members) push(phase, topic, m, cluster, item.selected);
  };
  for (const phase of harvest.phases) {
    for (const topic of phase.topics) {
      for (const item of [...topic.selected, ...topic.material, ...topic.steps]) pushItem(phase.title, topic.label, item);
    }
    for (const item of phase.crossCutting) pushItem(phase.title, labels.crossCutting, item);
  }
  // BOM: Excel reads UTF-8 (Cyrillic) correctly only with it. CRLF: RFC 4180.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
