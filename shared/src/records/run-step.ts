import { num, str, type Migration, type RecordMap } from './common';
import { RECORD_ID_RE } from '../rooms';

/**
 * One step of the run sheet (run-sheet.ts): what "Next" does when the café reaches it.
 * Stored as a record in the control room's `runSheet` map (id -> flat Y.Map with a fractional
 * `order`), like phases and tables, so two facilitators editing different steps both keep
 * their edits and a concurrent reorder moves a step instead of duplicating it.
 */
export const RUN_STEP_KINDS = ['phase', 'vote', 'lock', 'break', 'results'] as const;
export type RunStepKind = (typeof RUN_STEP_KINDS)[number];

export type PhaseStep = { kind: 'phase'; phaseId: string; rounds: number; roundMinutes: number; rotate: boolean };
export type VoteStep = { kind: 'vote'; phaseId: string; budget: number; minutes: number };
export type LockStep = { kind: 'lock'; phaseId: string };
export type BreakStep = { kind: 'break'; minutes: number };
/** Brings everyone to a phase's results (voting closed, counts shown); '' = the phase voted last. */
export type ResultsStep = { kind: 'results'; phaseId: string };

export type RunStepInput = PhaseStep | VoteStep | LockStep | BreakStep | ResultsStep;
export type RunStep = RunStepInput & { id: string; order: number };

// A café round is 20-30 minutes; the bounds only stop a typo from meaning "never ends" (timer.ts: 4 h).
export const MAX_STEP_MINUTES = 240;
export const MAX_STEP_ROUNDS = 12;
export const MAX_STEP_BUDGET = 50;
/** A morning's café has ten to twenty steps; the bound keeps a pasted loop from filling the room. */
export const MAX_RUN_STEPS = 60;

export const runStepMigrations: readonly Migration[] = [
  {
    id: 'run-step/001-baseline-fields',
    version: 1,
    up(record) {
      if (typeof record.get('order') !== 'number') record.set('order', 0);
    },
  },
];

export const isRunStepKind = (v: unknown): v is RunStepKind => RUN_STEP_KINDS.includes(v as RunStepKind);

const isWhole = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isPhaseRef = (v: unknown): v is string => typeof v === 'string' && RECORD_ID_RE.test(v);

/**
 * The one check of a step's fields, for writes (throws) and for reads (a step that fails it is
 * not shown and "Next" skips it): a step names a phase by id, whole minutes, rounds and dots
 * within the bounds. Returns the step with only its kind's fields.
 */
export function checkRunStep(input: unknown): RunStepInput {
  const v = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const bad = (what: string): never => {
    throw new Error(`A ${String(v.kind)} step needs ${what}`);
  };
  switch (v.kind) {
    case 'phase':
      if (!isPhaseRef(v.phaseId)) bad('a phase');
      if (!isWhole(v.rounds, 1, MAX_STEP_ROUNDS)) bad(`1 to ${MAX_STEP_ROUNDS} rounds`);
      if (!isWhole(v.roundMinutes, 1, MAX_STEP_MINUTES)) bad(`1 to ${MAX_STEP_MINUTES} minutes a round`);
      return { kind: 'phase', phaseId: v.phaseId as string, rounds: v.rounds as number, roundMinutes: v.roundMinutes as number, rotate: v.rotate === true };
    case 'vote':
      if (!isPhaseRef(v.phaseId)) bad('a phase');
      if (!isWhole(v.budget, 1, MAX_STEP_BUDGET)) bad(`1 to ${MAX_STEP_BUDGET} dots`);
      if (!isWhole(v.minutes, 1, MAX_STEP_MINUTES)) bad(`1 to ${MAX_STEP_MINUTES} minutes`);
      return { kind: 'vote', phaseId: v.phaseId as string, budget: v.budget as number, minutes: v.minutes as number };
    case 'lock':
      if (!isPhaseRef(v.phaseId)) bad('a phase');
      return { kind: 'lock', phaseId: v.phaseId as string };
    case 'break':
      if (!isWhole(v.minutes, 1, MAX_STEP_MINUTES)) bad(`1 to ${MAX_STEP_MINUTES} minutes`);
      return { kind: 'break', minutes: v.minutes as number };
    case 'results':
      if (v.phaseId !== undefined && v.phaseId !== '' && !isPhaseRef(v.phaseId)) bad('a phase or none');
      return { kind: 'results', phaseId: str(v.phaseId) };
    default:
      throw new Error(`Unknown run step kind "${String(v.kind)}"`);
  }
}

/** Tolerant reader: whatever a peer wrote, a well-formed step, or null for one "Next" must skip. */
export function readRunStep(id: string, record: RecordMap): RunStep | null {
  try {
    return { ...checkRunStep(Object.fromEntries(record.entries())), id, order: num(record.get('order')) };
  } catch {
    return null;
  }
}
