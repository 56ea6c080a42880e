import { readSession } from '../control';
import { readNotes } from '../notes';
import { CROSS_CUTTING, type Note } from '../records/note';
import { tally } from '../voting';
import { votingBudgetFor } from '../voting-control';
import type { HarvestSource } from './build';

/**
 * Who took part, in numbers, from the same documents as the harvest (build.ts): notes per table ×
 * round (a heat map), notes and dots per topic, and how many notes were written without a name.
 * Only counts: no author's name leaves this function.
 */
export type Participation = {
  /** Rows of the heat map: the session's tables in order, then '' (notes written at no table) if any. */
  tables: { id: string; name: string }[];
  /** Columns: rounds 1..n, then 0 (notes written outside a round) if any. */
  rounds: number[];
  /** notes[table][round], indexed as `tables` and `rounds`. */
  notes: number[][];
  /** Per topic (the session's order, then the cross-cutting row, id '_cross'): notes and dots counted within budget. */
  topics: { id: string; label: string; notes: number; votes: number }[];
  total: number;
  anonymous: number;
};

/** Board phases only: a matrix tick or a survey answer is not a note. */
const boardNotes = (source: HarvestSource, phaseId: string): Note[] => {
  const doc = source.phaseDocs.get(phaseId);
  return doc ? readNotes(doc) : [];
};

export function participationOf(source: HarvestSource): Participation {
  const session = readSession(source.control);
  const notes: Note[] = [];
  const votes = new Map<string, number>();
  for (const phase of session.phases) {
    if (phase.kind !== 'ideas' && phase.kind !== 'steps') continue;
    notes.push(...boardNotes(source, phase.id));
    const budget = votingBudgetFor(source.control, phase.id);
    const voteDoc = source.voteDocs.get(phase.id);
    if (budget !== null && voteDoc) for (const [id, n] of tally(voteDoc, budget)) votes.set(id, (votes.get(id) ?? 0) + n);
  }
  const known = new Set(session.tables.map((t) => t.id));
  const tableOf = (n: Note) => (known.has(n.table) ? n.table : '');
  const tables = session.tables.map((t) => ({ id: t.id, name: t.name }));
  if (notes.some((n) => tableOf(n) === '')) tables.push({ id: '', name: '' });
  const maxRound = notes.reduce((m, n) => Math.max(m, Math.floor(n.round)), 0);
  const rounds = Array.from({ length: maxRound }, (_, i) => i + 1);
  if (notes.some((n) => !(n.round >= 1))) rounds.push(0);
  const grid = tables.map(() => rounds.map(() => 0));
  for (const n of notes) {
    const r = rounds.indexOf(n.round >= 1 ? Math.floor(n.round) : 0);
    grid[tables.findIndex((t) => t.id === tableOf(n))]![r]! += 1;
  }
  const topicIds = new Set(session.topics.map((t) => t.id));
  const topicOf = (n: Note) => (topicIds.has(n.topic) ? n.topic : CROSS_CUTTING);
  const topics = [...session.topics.map((t) => ({ id: t.id, label: t.label })), { id: CROSS_CUTTING, label: '' }].map((t) => {
    const mine = notes.filter((n) => topicOf(n) === t.id);
    return { ...t, notes: mine.length, votes: mine.reduce((sum, n) => sum + (votes.get(n.id) ?? 0), 0) };
  });
  return {
    tables,
    rounds,
    notes: grid,
    topics: topics.filter((t) => t.id !== CROSS_CUTTING || t.notes > 0),
    total: notes.length,
    anonymous: notes.filter((n) => !n.author.trim()).length,
  };
}
