import * as Y from 'yjs';
import { checklistProgress, readCells, readChecks, readResponses, summariseMatrix, summariseQuestion, cellKey } from '../answers';
import { readStacks } from '../clusters';
import { controlMaps, readSession, type SessionSnapshot } from '../control';
import { cleanText, str } from '../records/common';
import { MAX_LABEL } from '../records/topic';
import { formOf } from '../forms';
import { readNotes } from '../notes';
import { CROSS_CUTTING, type Note } from '../records/note';
import type { Phase } from '../records/phase';
import { byOrder } from '../records/common';
import { tally } from '../voting';
import { votingBudgetFor } from '../voting-control';
import { criterionWording, readCriteria } from '../criteria';
import type { Criterion } from '../records/criterion';
import { participationOf } from './participation';
import type { Harvest, HarvestChecklist, HarvestItem, HarvestMatrix, HarvestNote, HarvestPhase, HarvestSurvey } from './types';

/** Everything a harvest is read from. A phase without a document (never opened) reads as empty. */
export type HarvestSource = {
  control: Y.Doc;
  phaseDocs: ReadonlyMap<string, Y.Doc>;
  voteDocs: ReadonlyMap<string, Y.Doc>;
  exportedAt?: number;
};

// Reading order on the wall: top to bottom, then left to right (readNotes' order).
const byReading = (a: Note, b: Note) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1);

type Ctx = { tableNames: ReadonlyMap<string, string>; votes: ReadonlyMap<string, number>; selected: ReadonlySet<string> };

function note(n: Note, ctx: Ctx): HarvestNote {
  return {
    id: n.id,
    text: n.text,
    votes: ctx.votes.get(n.id) ?? 0,
    table: n.table,
    tableName: ctx.tableNames.get(n.table) ?? '',
    round: n.round,
    author: n.author,
    createdAt: n.createdAt,
  };
}

function item(head: Note, members: readonly Note[], ctx: Ctx): HarvestItem {
  const others = members.filter((m) => m.id !== head.id).sort(byReading);
  const all = [head, ...others];
  return {
    ...note(head, ctx),
    votes: all.reduce((sum, m) => sum + (ctx.votes.get(m.id) ?? 0), 0),
    count: all.length,
    members: others.map((m) => note(m, ctx)),
    // A stack counts as selected when any of its notes went into a criterion.
    selected: all.some((m) => ctx.selected.has(m.id)),
  };
}

/**
 * A criterion as the results print it: its wording, the dots of the notes it came from, and those
 * notes as `sources`. It carries a note's table, round and author only when it came from one note.
 */
function criterionItem(c: Criterion, notesById: ReadonlyMap<string, Note>, items: ReadonlyMap<string, HarvestItem>, ctx: Ctx): HarvestItem {
  const sources = c.noteIds.map((id) => notesById.get(id)).filter((n): n is Note => !!n);
  const only = sources.length === 1 ? note(sources[0]!, ctx) : null;
  return {
    id: c.id,
    text: criterionWording(c, (id) => notesById.get(id)?.text),
    // A source that heads a stack brings the stack's dots, as its item on the wall shows them.
    votes: sources.reduce((sum, n) => sum + (items.get(n.id)?.votes ?? ctx.votes.get(n.id) ?? 0), 0),
    count: 1,
    members: [],
    table: only?.table ?? '',
    tableName: only?.tableName ?? '',
    round: only?.round ?? 0,
    author: only?.author ?? '',
    createdAt: only?.createdAt ?? 0,
    selected: true,
    sources: sources.map((n) => note(n, ctx)),
  };
}

function ideasAndSteps(phase: Phase, session: SessionSnapshot, notes: readonly Note[], ctx: Ctx, criteria: ReadonlyMap<string, Criterion[]>) {
  const known = new Set(session.topics.map((t) => t.id));
  const stacks = readStacks(notes);
  const items = new Map(stacks.map((s) => [s.head.id, item(s.head, s.members, ctx)]));
  const notesById = new Map(notes.map((n) => [n.id, n]));
  const heads = stacks.map((s) => s.head).sort(byReading);
  const topics = session.topics.map((topic) => {
    const inTopic = heads.filter((h) => h.topic === topic.id);
    const selected = (criteria.get(topic.id) ?? []).map((c) => criterionItem(c, notesById, items, ctx)).filter((i) => i.text !== '');
    const steps = phase.kind === 'steps' ? notes.filter((n) => n.topic === topic.id).sort(byOrder).map((n) => item(n, [n], ctx)) : [];
    return {
      topicId: topic.id,
      label: topic.label,
      selected,
      // All material, the notes criteria were distilled from included (as seed 003 lists it).
      material: phase.kind === 'steps' ? [] : inTopic.map((h) => items.get(h.id)!),
      steps,
    };
  });
  const cross = heads.filter((h) => h.topic === CROSS_CUTTING || !known.has(h.topic)).map((h) => items.get(h.id)!);
  return { topics, crossCutting: cross };
}

function matrixOf(phase: Phase, session: SessionSnapshot, doc: Y.Doc | undefined, source: HarvestSource): HarvestMatrix {
  const form = formOf(session.prompts, phase.id);
  const cells = doc ? readCells(doc) : {};
  const totals = summariseMatrix(form.rows, form.columns, cells);
  const record = controlMaps(source.control).phases.get(phase.id);
  const corner = record instanceof Y.Map ? cleanText(str(record.get('corner')), MAX_LABEL) : '';
  return {
    corner,
    ticks: totals.rows.reduce((sum, r) => sum + r.ticks, 0),
    rows: form.rows.map((r, i) => ({ id: r.id, label: r.label, ticks: totals.rows[i]?.ticks ?? 0 })),
    columns: form.columns.map((c, i) => ({ id: c.id, label: c.label, ticks: totals.columns[i]?.ticks ?? 0 })),
    cells: form.rows.map((r) =>
      form.columns.map((c) => {
        const cell = cells[cellKey(r.id, c.id)];
        return { ticked: cell?.ticked ?? false, text: cell?.text.trim() ?? '' };
      }),
    ),
  };
}

function checklistOf(phase: Phase, session: SessionSnapshot, doc: Y.Doc | undefined): HarvestChecklist {
  const form = formOf(session.prompts, phase.id);
  const checks = doc ? readChecks(doc) : {};
  const progress = checklistProgress(form.sections, checks);
  return {
    done: progress.done,
    total: progress.total,
    sections: form.sections.map((s, i) => ({
      id: s.section?.id ?? '',
      title: s.section?.label ?? '',
      done: progress.sections[i]?.done ?? 0,
      total: progress.sections[i]?.total ?? 0,
      items: s.children.map((c) => ({ id: c.id, label: c.label, done: checks[c.id]?.done ?? false, by: checks[c.id]?.by ?? '' })),
    })),
  };
}

function surveyOf(phase: Phase, session: SessionSnapshot, doc: Y.Doc | undefined): HarvestSurvey {
  const form = formOf(session.prompts, phase.id);
  const responses = doc ? readResponses(doc) : [];
  const answered = responses.filter((r) => Object.keys(r.answers).length > 0);
  return {
    responses: answered.length,
    sections: form.sections.map((s) => ({
      id: s.section?.id ?? '',
      title: s.section?.label ?? '',
      questions: s.children.map((q) => ({
        id: q.id,
        label: q.label,
        answer: q.answer,
        options: q.options,
        followUp: q.followUp,
        summary: summariseQuestion(q, answered),
      })),
    })),
  };
}

/** Session → results: the one reading of the documents every export format renders. */
export function buildHarvest(source: HarvestSource): Harvest {
  const session = readSession(source.control);
  const tableNames = new Map(session.tables.map((t) => [t.id, t.name]));
  const phases: HarvestPhase[] = session.phases.map((phase, index) => {
    const doc = source.phaseDocs.get(phase.id);
    const notes = doc ? readNotes(doc) : [];
    const budget = votingBudgetFor(source.control, phase.id);
    const voteDoc = source.voteDocs.get(phase.id);
    const votes = budget !== null && voteDoc ? tally(voteDoc, budget) : new Map<string, number>();
    const criteria = readCriteria(source.control, phase.id);
    const ctx: Ctx = { tableNames, votes, selected: new Set([...criteria.values()].flat().flatMap((c) => c.noteIds)) };
    const base: HarvestPhase = {
      id: phase.id,
      number: index + 1,
      title: phase.title,
      question: phase.question,
      kind: phase.kind,
      selectedLabel: session.meta.selectedLabel,
      materialLabel: session.meta.materialLabel,
      votingBudget: budget,
      ...ideasAndSteps(phase, session, notes, ctx, criteria),
    };
    if (phase.kind === 'matrix') base.matrix = matrixOf(phase, session, doc, source);
    if (phase.kind === 'checklist') base.checklist = checklistOf(phase, session, doc);
    if (phase.kind === 'survey') base.survey = surveyOf(phase, session, doc);
    return base;
  });
  return {
    sessionId: session.meta.id,
    title: session.meta.title,
    intro: session.meta.intro,
    language: session.meta.language,
    createdAt: session.meta.createdAt,
    exportedAt: source.exportedAt ?? Date.now(),
    topics: session.topics.map((t) => ({ id: t.id, label: t.label })),
    tables: session.tables.map((t) => ({ id: t.id, name: t.name })),
    phases,
    participation: participationOf(source),
  };
}
