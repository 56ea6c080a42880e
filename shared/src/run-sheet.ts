import * as Y from 'yjs';
import { byOrder, latestVersion, num, orderBetween, type RecordMap } from './records/common';
import { checkRunStep, MAX_RUN_STEPS, readRunStep, runStepMigrations, type RunStep, type RunStepInput } from './records/run-step';
import { recordId } from './ids';
import { LocalOrigin } from './origins';

/**
 * The run sheet: the café as a script the facilitator prepares once and runs with one "Next".
 * Steps are records in the control room's `runSheet` map (records/run-step.ts); where the café
 * stands is the cursor, one plain value in control `state` under 'run', replaced whole like
 * 'timer' and 'voting'. Both live in the control room, so only a facilitator can write them
 * (roles.ts) and they survive reloads and offline devices like every other control state.
 * What "Next" and "Back" do is run-steps.ts.
 */
export const RUN_SHEET_KEY = 'runSheet';
export const RUN_CURSOR_KEY = 'run';

export const runSheetMap = (doc: Y.Doc) => doc.getMap<RecordMap>(RUN_SHEET_KEY);

/**
 * Where the café stands. `stepId` '' = not started; `index` is where that step stood when the
 * cursor moved there, so a step removed meanwhile still leaves a place to go on from. `seq` grows
 * with every Next and Back: a press names the seq it advances from, and a press made from a seq
 * that has moved on does nothing (two facilitator devices pressing at once advance one step).
 */
export type RunCursor = { stepId: string; index: number; round: number; done: boolean; seq: number; history: UndoEntry[] };

/** What a step changed, so Back can put it back: each control value as it was (null = absent). */
export type UndoEntry = {
  from: { stepId: string; index: number; round: number; done: boolean };
  state: Record<string, unknown>;
  /** phaseId -> its `locked` before (null = never set). */
  locks: Record<string, boolean | null>;
};

// Back steps through the last few; older history is dropped so the value stays small.
export const MAX_UNDO = 40;

export const START_CURSOR: Readonly<RunCursor> = Object.freeze({ stepId: '', index: 0, round: 0, done: false, seq: 0, history: [] });

const local = (action: string) => new LocalOrigin(action);
const whole = (v: unknown, min = 0): number => Math.max(min, Math.floor(num(v)));

export function readRunSteps(doc: Y.Doc): RunStep[] {
  const out: RunStep[] = [];
  runSheetMap(doc).forEach((record, id) => {
    const step = record instanceof Y.Map ? readRunStep(id, record) : null;
    if (step) out.push(step);
  });
  return out.sort(byOrder);
}

function readUndo(v: unknown): UndoEntry | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  const from = (e.from && typeof e.from === 'object' ? e.from : {}) as Record<string, unknown>;
  const state = e.state && typeof e.state === 'object' && !Array.isArray(e.state) ? (e.state as Record<string, unknown>) : {};
  const locks: Record<string, boolean | null> = {};
  if (e.locks && typeof e.locks === 'object') {
    for (const [id, l] of Object.entries(e.locks as Record<string, unknown>)) locks[id] = typeof l === 'boolean' ? l : null;
  }
  return {
    from: { stepId: typeof from.stepId === 'string' ? from.stepId : '', index: whole(from.index), round: whole(from.round), done: from.done === true },
    state,
    locks,
  };
}

/** Tolerant: anything malformed reads as "not started". */
export function readRunCursor(doc: Y.Doc): RunCursor {
  const v = doc.getMap<unknown>('state').get(RUN_CURSOR_KEY);
  if (!v || typeof v !== 'object') return { ...START_CURSOR, history: [] };
  const c = v as Record<string, unknown>;
  const history = Array.isArray(c.history) ? c.history.map(readUndo).filter((e): e is UndoEntry => e !== null) : [];
  return {
    stepId: typeof c.stepId === 'string' ? c.stepId : '',
    index: whole(c.index),
    round: whole(c.round),
    done: c.done === true,
    seq: whole(c.seq),
    history: history.slice(-MAX_UNDO),
  };
}

export function writeRunCursor(doc: Y.Doc, cursor: RunCursor): void {
  doc.getMap<unknown>('state').set(RUN_CURSOR_KEY, { ...cursor, history: cursor.history.slice(-MAX_UNDO) });
}

function newStepRecord(step: RunStepInput, order: number): RecordMap {
  const record: RecordMap = new Y.Map();
  record.set('v', latestVersion(runStepMigrations));
  for (const [k, v] of Object.entries(step)) record.set(k, v);
  record.set('order', order);
  return record;
}

/** Appends a step (checked first: a malformed step throws) and returns its id. */
export function addRunStep(doc: Y.Doc, input: RunStepInput, id: string = recordId()): string {
  const step = checkRunStep(input);
  const steps = readRunSteps(doc);
  if (steps.length >= MAX_RUN_STEPS) throw new Error(`A run sheet holds at most ${MAX_RUN_STEPS} steps`);
  doc.transact(() => runSheetMap(doc).set(id, newStepRecord(step, orderBetween(steps.at(-1)?.order, undefined))), local('run.add'));
  return id;
}

/** Changes a step's fields (minutes, budget, phase...); the result must still be a valid step. */
export function updateRunStep(doc: Y.Doc, id: string, patch: Partial<RunStepInput>): void {
  const record = runSheetMap(doc).get(id);
  const current = record instanceof Y.Map ? readRunStep(id, record) : null;
  if (!record || !current) throw new Error(`No run step "${id}"`);
  const { id: _id, order: _order, ...fields } = current;
  const next = checkRunStep({ ...fields, ...patch, kind: current.kind });
  doc.transact(() => {
    for (const [k, v] of Object.entries(next)) if (record.get(k) !== v) record.set(k, v);
  }, local('run.update'));
}

/** Removes a step if it is still there. A cursor on it goes on from where it stood (RunCursor.index). */
export function removeRunStep(doc: Y.Doc, id: string): void {
  if (!runSheetMap(doc).has(id)) return;
  doc.transact(() => runSheetMap(doc).delete(id), local('run.remove'));
}

/** Moves a step one place up (-1) or down (+1). */
export function moveRunStep(doc: Y.Doc, id: string, by: -1 | 1): void {
  const steps = readRunSteps(doc);
  const i = steps.findIndex((s) => s.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= steps.length) return;
  const rest = steps.filter((s) => s.id !== id);
  // After removing the step, its new place sits between rest[j-1] and rest[j].
  const order = orderBetween(rest[j - 1]?.order, rest[j]?.order);
  const record = runSheetMap(doc).get(id);
  if (record instanceof Y.Map) doc.transact(() => record.set('order', order), local('run.move'));
}

/** Stamps a template's run sheet; ids come from the template, so two peers converge on one sheet. */
export function stampRunSheet(doc: Y.Doc, steps: readonly RunStepInput[]): void {
  const map = runSheetMap(doc);
  steps.slice(0, MAX_RUN_STEPS).forEach((s, i) => map.set(`s${i + 1}`, newStepRecord(checkRunStep(s), i + 1)));
}
