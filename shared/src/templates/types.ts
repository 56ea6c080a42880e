import type { PhaseKind } from '../records/phase';
import type { AnswerKind } from '../records/prompt';
import type { RunStepInput } from '../records/run-step';

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

export type TemplateQuestion = {
  id: string;
  label: string;
  answer: AnswerKind;
  options?: readonly string[];
  followUp?: string;
};

/**
 * The prompts of a structured phase. Ids are local to the phase; applyTemplate prefixes them with
 * the phase id. matrix: rows × columns; checklist: sections with items; survey: sections with questions.
 */
export type TemplateForm = {
  /** A matrix's top-left header cell: what its rows are (seed 000: «Выгоды»). */
  corner?: string;
  rows?: readonly { id: string; label: string }[];
  columns?: readonly { id: string; label: string }[];
  sections?: readonly {
    id: string;
    title: string;
    items?: readonly { id: string; label: string }[];
    questions?: readonly TemplateQuestion[];
  }[];
};

export type TemplatePhase = { id: string; title: string; question: string; kind: PhaseKind; form?: TemplateForm };

/** What a template says in one language. Ids are fixed across languages (see template.ts). */
export type TemplateContent = {
  title: string;
  intro: string;
  /** Headings the results document uses above the chosen notes and above all the material. */
  selectedLabel: string;
  materialLabel: string;
  topics: readonly { id: string; label: string }[];
  phases: readonly TemplatePhase[];
  /** Table names; their ids are t1, t2, ... in this order. */
  tables: readonly string[];
};

export type Template = {
  id: string;
  name: Record<Language, string>;
  description: Record<Language, string>;
  content: Record<Language, TemplateContent>;
  /** The default run sheet (run-sheet.ts): phases by id, the same in every language. */
  runSheet?: readonly RunStepInput[];
};
