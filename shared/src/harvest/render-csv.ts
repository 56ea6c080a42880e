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

/**
 * One row per criterion, then one row per note: phase, topic, table, round, author, text, votes,
 * cluster, selected, created. A criterion's row has its wording as text and as `selected`, and no
 * table, round, author or time (what tells it from a note); a note's `selected` holds the wording
 * of the criterion it went into ('' when none), so an import links the two again.
 */
export function renderCsv(harvest: Harvest): string {
  const labels = DOCUMENT_LABELS[harvest.language];
  const rows: (string | number | boolean)[][] = [[...labels.csvHeader]];
  const push = (phase: string, topic: string, n: HarvestNote, cluster: string, criterion: string) =>
    rows.push([phase, topic, n.tableName || n.table, n.round || '', n.author, n.text, n.votes, cluster, criterion, new Date(n.createdAt).toISOString()]);
  const pushItem = (phase: string, topic: string, item: HarvestItem, wordingOf: ReadonlyMap<string, string>) => {
    const cluster = item.count > 1 ? `${item.text} ×${item.count}` : '';
    const ownVotes = item.votes - item.members.reduce((s, m) => s + m.votes, 0);
    push(phase, topic, { ...item, votes: ownVotes }, cluster, wordingOf.get(item.id) ?? '');
    for (const m of item.members) push(phase, topic, m, cluster, wordingOf.get(m.id) ?? '');
  };
  for (const phase of harvest.phases) {
    for (const topic of phase.topics) {
      for (const c of topic.selected) rows.push([phase.title, topic.label, '', '', '', c.text, c.votes, '', c.text, '']);
      const wordingOf = new Map(topic.selected.flatMap((c) => (c.sources ?? []).map((n) => [n.id, c.text] as const)));
      for (const item of [...topic.material, ...topic.steps]) pushItem(phase.title, topic.label, item, wordingOf);
    }
    for (const item of phase.crossCutting) pushItem(phase.title, labels.crossCutting, item, new Map());
  }
  // BOM: Excel reads UTF-8 (Cyrillic) correctly only with it. CRLF: RFC 4180.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
