import { cleanText, num, str, type Migration, type RecordMap } from './common';
import { MAX_LABEL } from './topic';

/**
 * A prompt is one line of a structured phase's form, written by the facilitator in the control room:
 * - matrix phase ("Benefits of partnership"): `row` (a benefit) and `column` (a partner);
 * - checklist phase ("Partnership cycle"): `section` (a stage) and `item` (a check under a stage);
 * - survey phase ("Seminar evaluation"): `section` and `question` (with an answer kind).
 * Answers (ticks, cell text, responses) live in the phase room, where participants write.
 */
export const PROMPT_ROLES = ['row', 'column', 'section', 'item', 'question'] as const;
export type PromptRole = (typeof PROMPT_ROLES)[number];

/** percent: 0–100 scale; yesno: yes/no plus an optional "how?" text; choice: one of `options`; text: open answer. */
export const ANSWER_KINDS = ['percent', 'yesno', 'choice', 'text'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const MAX_OPTIONS = 12;
export const MAX_OPTION = 80;

export type Prompt = {
  id: string;
  phaseId: string;
  role: PromptRole;
  label: string;
  order: number;
  /** The section a question or item belongs to; '' for top-level prompts. */
  parent: string;
  /** Questions only; other roles read 'text'. */
  answer: AnswerKind;
  /** Choice questions: the options in order. Answers store the option's index. */
  options: string[];
  /** Yes/no questions: the label of the follow-up text ("How?", "With whom?"); '' for none. */
  followUp: string;
};

export const promptMigrations: readonly Migration[] = [
  {
    id: 'prompt/001-baseline-fields',
    version: 1,
    up(record) {
      if (!PROMPT_ROLES.includes(record.get('role') as PromptRole)) record.set('role', 'row');
      if (!ANSWER_KINDS.includes(record.get('answer') as AnswerKind)) record.set('answer', 'text');
      for (const k of ['phaseId', 'label', 'parent', 'followUp'] as const) {
        if (typeof record.get(k) !== 'string') record.set(k, '');
      }
      if (!Array.isArray(record.get('options'))) record.set('options', []);
      if (typeof record.get('order') !== 'number') record.set('order', 0);
    },
  },
];

export const cleanOptions = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .filter((o): o is string => typeof o === 'string')
        .slice(0, MAX_OPTIONS)
        .map((o) => cleanText(o, MAX_OPTION))
    : [];

export function readPrompt(id: string, record: RecordMap): Prompt {
  const role = record.get('role');
  const answer = record.get('answer');
  return {
    id,
    phaseId: str(record.get('phaseId')),
    role: PROMPT_ROLES.includes(role as PromptRole) ? (role as PromptRole) : 'row',
    label: cleanText(str(record.get('label')), MAX_LABEL * 2),
    order: num(record.get('order')),
    parent: str(record.get('parent')),
    answer: ANSWER_KINDS.includes(answer as AnswerKind) ? (answer as AnswerKind) : 'text',
    options: cleanOptions(record.get('options')),
    followUp: cleanText(str(record.get('followUp')), MAX_LABEL),
  };
}
