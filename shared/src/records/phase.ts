import { cleanText, num, str, type Migration, type RecordMap } from './common';
import { MAX_LABEL } from './topic';

export const PHASE_KINDS = ['ideas', 'steps', 'matrix', 'checklist', 'survey'] as const;
/**
 * 'ideas': free sticky notes per topic; 'steps': numbered, ordered action lists per topic.
 * The structured kinds are forms built from prompts (records/prompt.ts): 'matrix' (rows × columns
 * of cells to tick or fill), 'checklist' (stages with checks), 'survey' (questions with answers).
 */
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const FORM_KINDS: readonly PhaseKind[] = ['matrix', 'checklist', 'survey'];
export const isFormKind = (kind: PhaseKind): boolean => FORM_KINDS.includes(kind);

export const MAX_QUESTION = 500;

/** `corner`: a matrix's label above its row labels ('Benefits'); '' shows the default wording. */
export type Phase = { id: string; title: string; question: string; kind: PhaseKind; order: number; corner: string };

export const phaseMigrations: readonly Migration[] = [
  {
    id: 'phase/001-baseline-fields',
    version: 1,
    up(record) {
      if (!PHASE_KINDS.includes(record.get('kind') as PhaseKind)) record.set('kind', 'ideas');
      for (const k of ['title', 'question'] as const) {
        if (typeof record.get(k) !== 'string') record.set(k, '');
      }
      if (typeof record.get('order') !== 'number') record.set('order', 0);
    },
  },
];

export function readPhase(id: string, record: RecordMap): Phase {
  const kind = record.get('kind');
  return {
    id,
    title: cleanText(str(record.get('title')), MAX_LABEL),
    question: cleanText(str(record.get('question')), MAX_QUESTION),
    kind: PHASE_KINDS.includes(kind as PhaseKind) ? (kind as PhaseKind) : 'ideas',
    order: num(record.get('order')),
    corner: cleanText(str(record.get('corner')), MAX_LABEL),
  };
}
