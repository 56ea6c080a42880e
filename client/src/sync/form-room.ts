import type * as Y from 'yjs';
import type { Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import {
  answerMaps,
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
 * Forms are small (tens of cells, a room's worth of responses): each change re-reads the map it
 * touched and reconciles, which keeps untouched cells' nodes as they are.
 */
export function makeFormProjection(doc: Y.Doc): { answers: FormAnswers; dispose(): void } {
  const maps = answerMaps(doc);
  const [answers, setAnswers] = createStore<FormAnswers>({ cells: readCells(doc), checks: readChecks(doc), responses: readResponses(doc) });
  const onCells = () => setAnswers('cells', reconcile(readCells(doc)));
  const onChecks = () => setAnswers('checks', reconcile(readChecks(doc)));
  const onResponses = () => setAnswers('responses', reconcile(readResponses(doc), { key: 'id' }));
  maps.cells.observeDeep(onCells);
  maps.checks.observeDeep(onChecks);
  maps.responses.observeDeep(onResponses);
  return {
    answers,
    dispose() {
      maps.cells.unobserveDeep(onCells);
      maps.checks.unobserveDeep(onChecks);
      maps.responses.unobserveDeep(onResponses);
    },
  };
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
