import type { PhaseKind } from '../records/phase';
import type { Participation } from './participation';
import type { AnswerKind } from '../records/prompt';
import type { QuestionSummary } from '../answers';
import type { Language } from '../templates/types';

/**
 * The neutral results structure every renderer (DOCX, PDF, Markdown, HTML, CSV) draws from. It is
 * plain data: no Yjs, no ids a reader would not need beyond stable keys for tests and CSV.
 */

/** One idea on the wall: a note, or a stack of similar notes under its head ("Конкуренція ×4"). */
export type HarvestItem = {
  id: string;
  text: string;
  /** Dots on the note (a stack: on all its notes), counted within the phase's budget. */
  votes: number;
  /** Notes in the stack (1 for a lone note). */
  count: number;
  /** The other notes of the stack, in their order; their texts may differ from the head's. */
  members: HarvestNote[];
  table: string;
  tableName: string;
  round: number;
  author: string;
  createdAt: number;
  /** A material item: whether any of its notes went into a criterion. A criterion: always true. */
  selected: boolean;
  /** A criterion only: the notes it was distilled from (none when typed from scratch or imported as wording). */
  sources?: HarvestNote[];
};

export type HarvestNote = Omit<HarvestItem, 'members' | 'count' | 'selected' | 'votes' | 'sources'> & { votes: number };

export type HarvestTopicSection = {
  topicId: string;
  label: string;
  /**
   * The selected criteria, in the facilitator's order: each worded as the facilitator (or the
   * group) put it, with the notes it came from in `sources`.
   */
  selected: HarvestItem[];
  /**
   * All that was written in this topic, in reading order (top to bottom, left to right on the wall),
   * the notes criteria were distilled from included, as seed 003 lists all material (empty in a steps phase).
   */
  material: HarvestItem[];
  /** Steps phases: the numbered list, first to last (material is then empty). */
  steps: HarvestItem[];
};

export type HarvestMatrix = {
  /** The top-left header cell: what the rows are («Выгоды»); '' when the form names none. */
  corner: string;
  /** All ticks of the form: the grand total in the bottom-right cell. */
  ticks: number;
  rows: { id: string; label: string; ticks: number }[];
  columns: { id: string; label: string; ticks: number }[];
  /** cells[row][column] */
  cells: { ticked: boolean; text: string }[][];
};

export type HarvestChecklist = {
  done: number;
  total: number;
  sections: { id: string; title: string; done: number; total: number; items: { id: string; label: string; done: boolean; by: string }[] }[];
};

export type HarvestSurvey = {
  responses: number;
  sections: {
    id: string;
    title: string;
    questions: { id: string; label: string; answer: AnswerKind; options: string[]; followUp: string; summary: QuestionSummary }[];
  }[];
};

export type HarvestPhase = {
  id: string;
  number: number;
  title: string;
  question: string;
  kind: PhaseKind;
  selectedLabel: string;
  materialLabel: string;
  /** The budget the dots were counted with; null when the phase was never put to a vote. */
  votingBudget: number | null;
  topics: HarvestTopicSection[];
  /** Notes of the cross-cutting row, or of a topic removed since. */
  crossCutting: HarvestItem[];
  matrix?: HarvestMatrix;
  checklist?: HarvestChecklist;
  survey?: HarvestSurvey;
};

export type Harvest = {
  sessionId: string;
  title: string;
  intro: string;
  language: Language;
  createdAt: number;
  exportedAt: number;
  topics: { id: string; label: string }[];
  tables: { id: string; name: string }[];
  phases: HarvestPhase[];
  /** Who took part (participation.ts): counts only, for the participation figure. */
  participation?: Participation;
};
