import Papa from 'papaparse';
import * as Y from 'yjs';
import { controlMaps } from '../control';
import { initPhaseDoc, phaseMaps } from '../notes';
import { LocalOrigin } from '../origins';
import { cleanText, latestVersion } from '../records/common';
import { CROSS_CUTTING, makeNoteRecord, MAX_NOTE_TEXT } from '../records/note';
import { phaseMigrations } from '../records/phase';
import { tableMigrations } from '../records/table';
import { MAX_LABEL, topicMigrations } from '../records/topic';
import { SCHEMA_VERSION } from '../schema-version';
import type { Language } from '../templates/types';
import { votesMaps } from '../voting';
import { MAX_BUDGET } from '../voting-control';
import { criteriaMap, makeCriterionRecord } from '../criteria';
import { cleanCriterionText, MAX_CRITERION_NOTES } from '../records/criterion';
import { importProblem, type ImportError } from './import-error';
import { DOCUMENT_LABELS } from './labels';
import type { ImportedSession } from './session-json';

/**
 * Imports our own CSV export (render-csv.ts): one row per note under a header in uk, ru or en.
 * The whole file is validated before anything is built, so a broken file creates nothing.
 *
 * A CSV holds dot counts, not voters. Each note's count is recreated as dots of stand-in voters
 * `csv-<noteId>-<k>`, and the phase's budget (control 'voteBudgets') is set to the largest count in
 * the phase (at most MAX_BUDGET; a larger count is split over several stand-in voters), so the
 * harvest tallies exactly the counts in the file. A phase without any dot stays "never voted".
 */

const COLUMNS = ['phase', 'topic', 'table', 'round', 'author', 'text', 'votes', 'cluster', 'selected', 'created'] as const;
type Column = (typeof COLUMNS)[number];
// Without these a row cannot be placed; the other columns default (empty, 0, not selected, now).
const REQUIRED: readonly Column[] = ['phase', 'topic', 'text'];

// Bounds so a hostile file cannot exhaust a browser or the server.
const MAX_ROWS = 20_000;
const MAX_DOTS = 100_000;

// Imported notes sit two to a row in their cell, like import-seed003.ts places them.
const NOTE_STEP_X = 216;
const NOTE_STEP_Y = 166;
const CELL_PAD = 16;

type Row = {
  line: number;
  phase: string;
  topic: string;
  table: string;
  round: number;
  author: string;
  text: string;
  votes: number;
  cluster: string;
  /** null: not selected; '': a criterion worded as the note; else the criterion's wording. */
  criterion: string | null;
  /** A criterion's own row (wording as text and as `selected`, no table, round, author or time): no note. */
  wordingOnly: boolean;
  createdAt: number;
};

/** render-csv's formula guard put an apostrophe before = + - @ tab CR; take it off again. */
const unguard = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

type RawRow = { line: number; cells: string[] };

function parseRows(text: string): RawRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: RawRow[] = [];
  let cursor = 0;
  let failure: ImportError | null = null;
  const lineAt = (offset: number): number => {
    let start = offset;
    // The step's start is the previous row's end; skipped blank lines lie in between.
    while (start < body.length && (body[start] === '\r' || body[start] === '\n')) start++;
    let line = 1;
    for (let i = 0; i < start; i++) if (body.charCodeAt(i) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(body, {
    header: false,
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const line = lineAt(cursor);
      cursor = result.meta.cursor;
      const quote = result.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        failure = importProblem('csv.unclosedQuote', { line });
        parser.abort();
        return;
      }
      if (rows.length > MAX_ROWS) {
        failure = importProblem('csv.tooManyRows', { line }, { max: MAX_ROWS });
        parser.abort();
        return;
      }
      rows.push({ line, cells: result.data.map(unguard) });
    },
  });
  if (failure) throw failure;
  return rows;
}

/** Which language's header this is, and where each column sits. */
function readHeader(row: RawRow | undefined): { language: Language; at: Map<Column, number> } {
  if (!row) throw importProblem('file.empty', 'file');
  const cells = row.cells.map((c) => c.trim().toLowerCase());
  const place = { line: row.line };
  const languages = Object.keys(DOCUMENT_LABELS) as Language[];
  const score = (l: Language) => cells.filter((c) => DOCUMENT_LABELS[l].csvHeader.includes(c)).length;
  const language = languages.reduce((best, l) => (score(l) > score(best) ? l : best), languages[0]!);
  const names = DOCUMENT_LABELS[language].csvHeader;
  if (score(language) === 0) throw importProblem('csv.notHeader', place);
  const at = new Map<Column, number>();
  cells.forEach((cell, i) => {
    const index = names.indexOf(cell);
    if (index < 0) throw importProblem('csv.unknownColumn', place, { column: row.cells[i]!.slice(0, 40) });
    const column = COLUMNS[index]!;
    if (at.has(column)) throw importProblem('csv.repeatedColumn', place, { column: cell });
    at.set(column, i);
  });
  for (const column of REQUIRED) {
    if (!at.has(column)) throw importProblem('csv.missingColumn', place, { column: names[COLUMNS.indexOf(column)]! });
  }
  return { language, at };
}

function readRow(raw: RawRow, header: { language: Language; at: Map<Column, number> }, index: number, now: number): Row {
  const at = { line: raw.line };
  const names = DOCUMENT_LABELS[header.language].csvHeader;
  const name = (c: Column) => names[COLUMNS.indexOf(c)]!;
  if (raw.cells.length !== header.at.size) {
    throw importProblem('csv.cellCount', at, { cells: raw.cells.length, expected: header.at.size });
  }
  const cell = (c: Column): string => {
    const i = header.at.get(c);
    return i === undefined ? '' : raw.cells[i]!;
  };
  const whole = (c: Column): number => {
    const value = cell(c).trim();
    if (!value) return 0;
    if (!/^\d{1,9}$/.test(value)) throw importProblem('csv.notWholeNumber', at, { column: name(c), found: value.slice(0, 20) });
    return Number(value);
  };
  const phase = cell('phase').trim();
  if (!phase) throw importProblem('csv.emptyColumn', at, { column: name('phase') });
  // A flag (older files: 1 = selected as written) or the wording of the criterion the note went into.
  const selected = cell('selected').trim();
  const flag = selected.toLowerCase();
  const criterion = ['', '0', 'false'].includes(flag) ? null : ['1', 'true'].includes(flag) ? '' : cleanCriterionText(selected);
  const created = cell('created').trim();
  const createdAt = created ? Date.parse(created) : now + index;
  if (!Number.isFinite(createdAt)) {
    throw importProblem('csv.notDate', at, { column: name('created'), found: created.slice(0, 30) });
  }
  return {
    line: raw.line,
    phase: cleanText(phase, MAX_LABEL),
    topic: cleanText(cell('topic').trim(), MAX_LABEL),
    table: cleanText(cell('table').trim(), 80),
    round: whole('round'),
    author: cell('author'),
    text: cleanText(cell('text'), MAX_NOTE_TEXT),
    votes: whole('votes'),
    cluster: cell('cluster').trim(),
    criterion,
    wordingOnly:
      !!criterion && criterion === cleanCriterionText(cell('text')) && !created && !cell('table').trim() && !cell('round').trim() && !cell('author').trim(),
    createdAt,
  };
}

const CROSS_LABELS = new Set(Object.values(DOCUMENT_LABELS).map((l) => l.crossCutting.toLowerCase()));

/** Builds a whole session from a results CSV; throws ImportError naming the line at fault. */
export function importCsv(text: string, opts: { sessionId: string; now?: number; title?: string }): ImportedSession {
  const now = opts.now ?? Date.now();
  const [head, ...body] = parseRows(text);
  const header = readHeader(head);
  const rows = body.map((raw, i) => readRow(raw, header, i, now));
  if (!rows.length) throw importProblem('csv.noNotes', 'file');
  const dots = rows.reduce((sum, r) => sum + r.votes, 0);
  if (dots > MAX_DOTS) throw importProblem('csv.tooManyVotes', 'file', { max: MAX_DOTS });

  // Everything is valid from here on: build.
  const origin = new LocalOrigin('import.csv');
  const phaseIds = new Map<string, string>();
  const topicIds = new Map<string, string>();
  const tableIds = new Map<string, string>();
  for (const r of rows) {
    if (!phaseIds.has(r.phase)) phaseIds.set(r.phase, `p${phaseIds.size + 1}`);
    if (r.topic && !CROSS_LABELS.has(r.topic.toLowerCase()) && !topicIds.has(r.topic)) topicIds.set(r.topic, `t${topicIds.size + 1}`);
    if (r.table && !tableIds.has(r.table)) tableIds.set(r.table, `tb${tableIds.size + 1}`);
  }
  const topicOf = (r: Row) => topicIds.get(r.topic) ?? CROSS_CUTTING;

  const control = new Y.Doc();
  const { meta, topics, phases, tables, state } = controlMaps(control);
  const budgets = control.getMap<unknown>('voteBudgets');
  const record = (fields: Record<string, unknown>, version: number) => {
    const m = new Y.Map<unknown>();
    m.set('v', version);
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    return m;
  };
  control.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('id', opts.sessionId);
    meta.set('title', cleanText(opts.title?.trim() || 'Imported session', MAX_LABEL));
    meta.set('intro', '');
    meta.set('language', header.language);
    meta.set('template', 'import');
    meta.set('createdAt', now);
    meta.set('selectedLabel', '');
    meta.set('materialLabel', '');
    [...topicIds].forEach(([label, id], i) => topics.set(id, record({ label, order: i + 1 }, latestVersion(topicMigrations))));
    [...phaseIds].forEach(([title, id], i) =>
      phases.set(id, record({ title, question: '', kind: 'ideas', order: i + 1 }, latestVersion(phaseMigrations))),
    );
    [...tableIds].forEach(([name, id], i) => tables.set(id, record({ name, order: i + 1 }, latestVersion(tableMigrations))));
    state.set('currentPhase', phaseIds.values().next().value!);
  }, origin);

  const phaseDocs: ImportedSession['phases'] = [];
  const voteDocs: ImportedSession['votes'] = [];
  for (const [title, phaseId] of phaseIds) {
    const inPhase = rows.filter((r) => r.phase === title);
    const doc = new Y.Doc();
    initPhaseDoc(doc, opts.sessionId, phaseId);
    const perCell = new Map<string, number>();
    const clusterHeads = new Map<string, string>();
    // Per topic, criteria by wording: notes that share one wording were distilled into one criterion.
    const selection = new Map<string, Map<string, string[]>>();
    const counts: { noteId: string; votes: number }[] = [];
    doc.transact(() => {
      inPhase.forEach((r, n) => {
        const topic = topicOf(r);
        const byWording = selection.get(topic) ?? new Map<string, string[]>();
        selection.set(topic, byWording);
        if (r.wordingOnly) {
          // Its place among the topic's criteria is taken here, its notes join it from their rows.
          if (!byWording.has(r.criterion!)) byWording.set(r.criterion!, []);
          return;
        }
        const i = perCell.get(topic) ?? 0;
        perCell.set(topic, i + 1);
        const id = `csv-${phaseId}-n${n + 1}`;
        const clusterKey = `${topic}\n${r.cluster}`;
        const stack = r.cluster ? (clusterHeads.get(clusterKey) ?? '') : '';
        if (r.cluster && !stack) clusterHeads.set(clusterKey, id);
        const pos = { x: CELL_PAD + (i % 2) * NOTE_STEP_X, y: CELL_PAD + Math.floor(i / 2) * NOTE_STEP_Y };
        const note = { topic, text: r.text, table: tableIds.get(r.table) ?? '', round: r.round, author: r.author, order: i + 1, stack, ...pos };
        phaseMaps(doc).notes.set(id, makeNoteRecord(note, r.createdAt));
        if (r.criterion !== null) {
          // A note selected as written (older files' "1") is a criterion of its own; a wording gathers its notes.
          const key = r.criterion || `\u0000${id}`;
          byWording.set(key, [...(byWording.get(key) ?? []), id]);
        }
        if (r.votes > 0) counts.push({ noteId: id, votes: r.votes });
      });
    }, origin);
    phaseDocs.push({ phaseId, doc });
    control.transact(() => {
      for (const [topicId, byWording] of selection) {
        [...byWording].forEach(([key, noteIds], i) => {
          const text = key.startsWith('\u0000') ? '' : key;
          criteriaMap(control).set(`csv-${phaseId}-c${topicId}-${i + 1}`, makeCriterionRecord({ phaseId, topicId, text, noteIds: noteIds.slice(0, MAX_CRITERION_NOTES), order: i + 1 }));
        });
      }
    }, origin);
    if (!counts.length) continue;
    const budget = Math.min(MAX_BUDGET, Math.max(...counts.map((c) => c.votes)));
    control.transact(() => budgets.set(phaseId, budget), origin);
    const votes = new Y.Doc();
    votes.transact(() => {
      for (const { noteId, votes: count } of counts) {
        for (let k = 0; k * budget < count; k++) {
          const voter = `csv-${noteId}-${k}`;
          for (let d = 1; d <= Math.min(budget, count - k * budget); d++) votesMaps(votes).dots.set(`${voter}-${d}`, { voter, note: noteId, n: d });
        }
      }
    }, origin);
    voteDocs.push({ phaseId, doc: votes });
  }
  return { control, phases: phaseDocs, votes: voteDocs };
}
