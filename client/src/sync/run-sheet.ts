import type * as Y from 'yjs';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import {
  addRunStep,
  moveRunStep,
  nextAt,
  readRunCursor,
  readRunSteps,
  removeRunStep,
  resetRun,
  runAt,
  runBack,
  runNext,
  updateRunStep,
  type RunAt,
  type RunCursor,
  type RunStep,
  type RunStepInput,
} from '@wcb/shared';
import type { ReactiveServerClock } from './clock';

/** The run sheet as everyone sees it: the steps, where the café stands, and what Next does. */
export type RunSheetView = { steps: RunStep[]; cursor: RunCursor; now: RunAt; next: RunAt };

/**
 * The run sheet of a session (shared/src/run-sheet.ts, run-steps.ts): a signal for everyone, and
 * the facilitator's presses and edits, each one shared mutation. Next and Back carry the seq the
 * strip showed when pressed, so a press made before another device's press arrived changes nothing.
 */
export type RunSheet = {
  view: Accessor<RunSheetView>;
  /** `fromSeq`: the cursor's seq the person saw when pressing (RunCursor.seq). */
  next(fromSeq: number): void;
  back(fromSeq: number): void;
  /** Starts over from the first step (what was applied stays). */
  reset(): void;
  addStep(input: RunStepInput): void;
  updateStep(id: string, patch: Partial<RunStepInput>): void;
  moveStep(id: string, by: -1 | 1): void;
  removeStep(id: string): void;
};

function readView(doc: Y.Doc): RunSheetView {
  const steps = readRunSteps(doc);
  const cursor = readRunCursor(doc);
  return { steps, cursor, now: runAt(doc, cursor, steps), next: nextAt(doc, cursor, steps) };
}

export function createRunSheet(doc: Y.Doc, canControl: Accessor<boolean>, clock: ReactiveServerClock): RunSheet {
  const [view, setView] = createSignal(readView(doc));
  const onUpdate = () => setView(readView(doc));
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));
  const write =
    <A extends unknown[]>(fn: (...args: A) => unknown) =>
    (...args: A): void => {
      if (!canControl()) return;
      try {
        fn(...args);
      } catch (e) {
        // A step removed by another facilitator meanwhile, a bad number: nothing to write.
        console.warn('Run sheet action not applied:', e);
      }
    };
  return {
    view,
    next: write((fromSeq: number) => runNext(doc, fromSeq, clock.now())),
    back: write((fromSeq: number) => runBack(doc, fromSeq)),
    reset: write(() => resetRun(doc)),
    addStep: write((input: RunStepInput) => addRunStep(doc, input)),
    updateStep: write((id: string, patch: Partial<RunStepInput>) => updateRunStep(doc, id, patch)),
    moveStep: write((id: string, by: -1 | 1) => moveRunStep(doc, id, by)),
    removeStep: write((id: string) => removeRunStep(doc, id)),
  };
}
