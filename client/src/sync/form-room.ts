import type * as Y from 'yjs';
import { batch, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import {
  initPhaseDoc,
  phaseIdOf,
  readCells,
  readChecks,
  readResponses,
  setAnswer,
  setCellText,
  setCellTicked,
  setChecked,
  setFollowUp,
  type AnswerValue,
  type Cell,
  type Check,
  type SurveyResponse,
} from '@wcb/shared';

/** The answers of a matrix, checklist or survey phase, as a read-only Solid store. */
export type FormAnswers = {
  cells: Record<string, Cell>;
  checks: Record<string, Check>;
  responses: SurveyResponse[];
};

/**
 * Forms are small (tens of cells, a room's worth of responses): after each transaction that changed
 * the document, everything is re-read and reconciled, which keeps untouched cells' nodes as they
 * are. A transaction-level listener, because matrix cell texts are root types (answers.ts) that no
 * single map observer sees.
 */
export function makeFormProjection(doc: Y.Doc): { answers: FormAnswers; dispose(): void } {
  const read = (): FormAnswers => ({ cells: readCells(doc), checks: readChecks(doc), responses: readResponses(doc) });
  const [answers, setAnswers] = createStore<FormAnswers>(read());
  const onUpdate = () => {
    const next = read();
    batch(() => {
      setAnswers('cells', reconcile(next.cells));
      setAnswers('checks', reconcile(next.checks));
      setAnswers('responses', reconcile(next.responses, { key: 'id' }));
    });
  };
  doc.on('update', onUpdate);
  return { answers, dispose: () => doc.off('update', onUpdate) };
}

/** Writes to a form's answers; nothing is written while the room is read-only. */
export type FormActions = {
  tick(rowId: string, columnId: string, ticked: boolean, by?: string): void;
  setCellText(rowId: string, columnId: string, text: string): void;
  check(itemId: string, done: boolean, by?: string): void;
  answer(respondent: string, questionId: string, value: AnswerValue | null): void;
  followUp(respondent: string, questionId: string, text: string): void;
};

export function makeFormActions(doc: Y.Doc, ids: { sessionId: string; phaseId: string }, readOnly: Accessor<boolean>): FormActions {
  // Like notes: a phase doc never synced before gets its identity with its first answer.
  const write = (fn: () => void) => {
    if (readOnly()) return;
    if (!phaseIdOf(doc)) initPhaseDoc(doc, ids.sessionId, ids.phaseId);
    fn();
  };
  return {
    tick: (r, c, ticked, by) => write(() => setCellTicked(doc, r, c, ticked, by)),
    setCellText: (r, c, text) => write(() => setCellText(doc, r, c, text)),
    check: (item, done, by) => write(() => setChecked(doc, item, done, by)),
    answer: (who, q, value) => write(() => setAnswer(doc, who, q, value)),
    followUp: (who, q, text) => write(() => setFollowUp(doc, who, q, text)),
  };
}
