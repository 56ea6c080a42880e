import type * as Y from 'yjs';
import { addCriterion, removeCriterion, rewordCriterion, setCriterionNotes, type NewCriterion } from '@wcb/shared';

/** The facilitator's criteria writes, each one shared mutation (criteria.ts); null when not applied. */
export type CriteriaWrites = {
  /** A criterion in its own wording, distilled from `noteIds`: its id. */
  addCriterion(input: NewCriterion): string | null;
  rewordCriterion(phaseId: string, id: string, text: string): void;
  setCriterionNotes(phaseId: string, id: string, noteIds: readonly string[]): void;
  /** Its notes stay in the material. */
  removeCriterion(phaseId: string, id: string): void;
};

type Guard = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R | null;

/** Wrapped in facilitation's guard: dropped unless the device may control the session. */
export const criteriaWrites = (doc: Y.Doc, write: Guard): CriteriaWrites => ({
  addCriterion: write((input: NewCriterion) => addCriterion(doc, input)),
  rewordCriterion: write((phaseId: string, id: string, text: string) => rewordCriterion(doc, phaseId, id, text)),
  setCriterionNotes: write((phaseId: string, id: string, noteIds: readonly string[]) => setCriterionNotes(doc, phaseId, id, noteIds)),
  removeCriterion: write((phaseId: string, id: string) => removeCriterion(doc, phaseId, id)),
});
