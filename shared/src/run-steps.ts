import type * as Y from 'yjs';
import { controlMaps, setPhaseLocked } from './control';
import { FOLLOW_KEY, readSpotlight, setSpotlight } from './follow';
import { LocalOrigin } from './origins';
import type { RunStep } from './records/run-step';
import { readVotingSettings } from './roles';
import { readRunCursor, readRunSteps, writeRunCursor, type RunCursor, type UndoEntry } from './run-sheet';
import { setRoundSettings, startRound } from './rounds';
import { resetTimer, startTimer } from './timer';
import { closeVoting, openVoting } from './voting-control';

/**
 * What "Next" and "Back" do. Each press is ONE transaction on the control document: the cursor
 * moves and the step's effects (current phase and spotlight, timer, rounds, voting, locks) land
 * together, so no peer ever sees the cursor on a step whose effects are missing, and an offline
 * press merges as a whole. Each press records the control values it is about to change, so Back
 * can put them back.
 */

/** The control state values a step may change; Back restores them all. */
const UNDO_KEYS = ['currentPhase', FOLLOW_KEY, 'timer', 'rounds', 'voting'] as const;

export type RunPosition = { index: number; round: number };
/** Where the café stands: before the first step, at a step (and round), or past the last one. */
export type RunAt = { kind: 'start' } | { kind: 'step'; step: RunStep; index: number; round: number } | { kind: 'done' };

const phaseExists = (doc: Y.Doc, phaseId: string) => controlMaps(doc).phases.has(phaseId);

/** A step "Next" can run: every phase it names is still in the session. */
export function runnable(doc: Y.Doc, step: RunStep): boolean {
  if (step.kind === 'break') return true;
  if (step.kind === 'results') return step.phaseId === '' || phaseExists(doc, step.phaseId);
  return phaseExists(doc, step.phaseId);
}

/** The step the cursor is on, if it is still in the sheet. */
export function runAt(doc: Y.Doc, cursor: RunCursor = readRunCursor(doc), steps = readRunSteps(doc)): RunAt {
  if (cursor.done) return { kind: 'done' };
  const index = steps.findIndex((s) => s.id === cursor.stepId);
  const step = steps[index];
  if (!cursor.stepId || !step) return { kind: 'start' };
  return { kind: 'step', step, index, round: step.kind === 'phase' ? Math.max(1, Math.min(step.rounds, cursor.round)) : 0 };
}

/** Where "Next" goes from the cursor: the next round of a phase step, else the next runnable step. */
export function nextAt(doc: Y.Doc, cursor: RunCursor = readRunCursor(doc), steps = readRunSteps(doc)): RunAt {
  if (cursor.done) return { kind: 'done' };
  const at = runAt(doc, cursor, steps);
  if (at.kind === 'step' && at.step.kind === 'phase' && at.round < at.step.rounds) return { ...at, round: at.round + 1 };
  // A removed step leaves its place: go on with the step that now stands there.
  let index = at.kind === 'step' ? at.index + 1 : cursor.stepId ? Math.min(cursor.index, steps.length) : 0;
  while (index < steps.length && !runnable(doc, steps[index]!)) index++;
  const step = steps[index];
  return step ? { kind: 'step', step, index, round: step.kind === 'phase' ? 1 : 0 } : { kind: 'done' };
}

const minutes = (m: number) => m * 60_000;

function enterStep(doc: Y.Doc, step: RunStep, round: number, serverNow: number): void {
  const voting = readVotingSettings(doc);
  switch (step.kind) {
    case 'phase':
      setSpotlight(doc, step.phaseId, null);
      if (step.rotate) {
        setRoundSettings(doc, { count: step.rounds, lengthMs: minutes(step.roundMinutes) });
        startRound(doc, round, serverNow);
      } else startTimer(doc, minutes(step.roundMinutes), serverNow, 0);
      return;
    case 'vote':
      setSpotlight(doc, step.phaseId, null);
      openVoting(doc, { phaseId: step.phaseId, budget: step.budget, per: voting?.per ?? 'participant', hideCounts: voting?.hideCounts ?? false });
      startTimer(doc, minutes(step.minutes), serverNow, 0);
      return;
    case 'lock':
      if (voting?.open && voting.phaseId === step.phaseId) closeVoting(doc);
      setPhaseLocked(doc, step.phaseId, true);
      // The phase's work is over: a round's or a vote's countdown would only mislead.
      resetTimer(doc);
      return;
    case 'break':
      startTimer(doc, minutes(step.minutes), serverNow, 0);
      return;
    case 'results': {
      const phaseId = step.phaseId || voting?.phaseId || controlMaps(doc).state.get('currentPhase');
      closeVoting(doc);
      resetTimer(doc);
      if (typeof phaseId === 'string' && phaseExists(doc, phaseId)) setSpotlight(doc, phaseId, null);
      return;
    }
  }
}

/** Leaving a vote step closes its voting: the dots are counted as they stand. */
function leaveStep(doc: Y.Doc, at: RunAt): void {
  if (at.kind !== 'step' || at.step.kind !== 'vote') return;
  const voting = readVotingSettings(doc);
  if (voting?.open && voting.phaseId === at.step.phaseId) closeVoting(doc);
}

function snapshot(doc: Y.Doc, cursor: RunCursor, target: RunAt): UndoEntry {
  const { state, phases } = controlMaps(doc);
  const values: Record<string, unknown> = {};
  for (const key of UNDO_KEYS) values[key] = state.get(key) ?? null;
  const locks: Record<string, boolean | null> = {};
  if (target.kind === 'step' && target.step.kind === 'lock') {
    const locked = phases.get(target.step.phaseId)?.get('locked');
    locks[target.step.phaseId] = typeof locked === 'boolean' ? locked : null;
  }
  return { from: { stepId: cursor.stepId, index: cursor.index, round: cursor.round, done: cursor.done }, state: values, locks };
}

/**
 * Goes one step (or round) on, doing what that step needs. `fromSeq` is the cursor's seq the
 * press was made from: when it has moved on (another device pressed first) this does nothing,
 * so two presses at once advance one step. Returns whether it moved.
 */
export function runNext(doc: Y.Doc, fromSeq: number, serverNow: number): boolean {
  const cursor = readRunCursor(doc);
  if (cursor.seq !== fromSeq || cursor.done) return false;
  const steps = readRunSteps(doc);
  const at = runAt(doc, cursor, steps);
  const target = nextAt(doc, cursor, steps);
  doc.transact(() => {
    const undo = snapshot(doc, cursor, target);
    leaveStep(doc, at);
    if (target.kind === 'step') enterStep(doc, target.step, target.round, serverNow);
    const moved =
      target.kind === 'step'
        ? { stepId: target.step.id, index: target.index, round: target.round, done: false }
        : { stepId: cursor.stepId, index: cursor.index, round: cursor.round, done: true };
    writeRunCursor(doc, { ...moved, seq: cursor.seq + 1, history: [...cursor.history, undo] });
  }, new LocalOrigin('run.next'));
  return true;
}

/**
 * Undoes the last press: the cursor goes back and the control values it changed (current phase,
 * spotlight, timer, rounds, voting, the lock it set) are put back. It cannot take back what people
 * did meanwhile (notes and dots stay) nor the time that has passed (a restored running timer keeps
 * its end time). Same `fromSeq` rule as runNext. Returns whether it moved.
 */
export function runBack(doc: Y.Doc, fromSeq: number): boolean {
  const cursor = readRunCursor(doc);
  const undo = cursor.history.at(-1);
  if (cursor.seq !== fromSeq || !undo) return false;
  const { state } = controlMaps(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(undo.state)) {
      if (key === FOLLOW_KEY) continue;
      if (value === null) state.delete(key);
      else state.set(key, value);
    }
    // The spotlight goes on with a new seq, or nobody would move back.
    const phaseId = state.get('currentPhase');
    if (typeof phaseId === 'string' && phaseExists(doc, phaseId) && readSpotlight(doc)?.phaseId !== phaseId) setSpotlight(doc, phaseId, null);
    for (const [phaseId, locked] of Object.entries(undo.locks)) {
      if (!phaseExists(doc, phaseId)) continue;
      if (locked === null) controlMaps(doc).phases.get(phaseId)!.delete('locked');
      else setPhaseLocked(doc, phaseId, locked);
    }
    writeRunCursor(doc, { ...undo.from, seq: cursor.seq + 1, history: cursor.history.slice(0, -1) });
  }, new LocalOrigin('run.back'));
  return true;
}

/** Starts the run over (the effects already applied stay): the sheet's first step is next. */
export function resetRun(doc: Y.Doc): void {
  const cursor = readRunCursor(doc);
  doc.transact(() => writeRunCursor(doc, { stepId: '', index: 0, round: 0, done: false, seq: cursor.seq + 1, history: [] }), new LocalOrigin('run.reset'));
}
