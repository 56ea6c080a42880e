import { MAX_CRITERION_NOTES, MAX_CRITERION_TEXT } from './records/criterion';
import { MAX_QUESTION, PHASE_KINDS } from './records/phase';
import { checkRunStep, MAX_RUN_STEPS, MAX_STEP_ROUNDS } from './records/run-step';
import { MAX_LABEL } from './records/topic';
import { MAX_TABLE_NAME } from './records/table';
import { MAX_UNDO, RUN_CURSOR_KEY, RUN_SHEET_KEY } from './run-sheet';
import { FOLLOW_KEY } from './follow';
import { MAX_TIMER_MS } from './timer';
import { MAX_ROUNDS } from './rounds';
import { MAX_BUDGET } from './voting-control';
import { RECORD_ID_RE } from './rooms';

/**
 * What a control-room value must look like when it is WRITTEN (the server refuses a write that
 * breaks it: PROTOCOL.md, "Control records"). One check per record type, each the write-side twin
 * of that record's tolerant reader: whatever passes reads back as written, nothing a reader would
 * drop or clamp gets in. Readers stay tolerant of what older versions stored; only new writes
 * are held to this. A check returns why the value is malformed, or null when it is well formed.
 * Values are plain data: a record's Y.Map as `toJSON()` gives it.
 */
export type ControlCheck = (value: unknown) => string | null;

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => !!v && typeof v === 'object' && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isWhole = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isRecordId = (v: unknown): v is string => typeof v === 'string' && RECORD_ID_RE.test(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
// Server-clock milliseconds a timer may end at: the largest time a Date holds.
const MAX_TIME_MS = 8.64e15;

/** Runs `rules` in order: the first that fails names the problem. */
function firstProblem(rules: readonly [boolean, string][]): string | null {
  for (const [ok, problem] of rules) if (!ok) return problem;
  return null;
}

/** A field a reader defaults when it is absent: absent, or as `check` wants it. */
const absentOr = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);

/** Every record is a map; its `order` and version, when present, are numbers. */
function recordFields(value: unknown, rules: (v: Fields) => [boolean, string][]): string | null {
  if (!isObject(value)) return 'a record must be a map';
  return firstProblem([
    [absentOr(value.order, isFiniteNumber), 'order must be a finite number'],
    [absentOr(value.v, (v) => isWhole(v, 0, 1_000)), 'v must be a record version'],
    ...rules(value),
  ]);
}

/** A run step as checkRunStep (the one check its writers and its reader use) wants it. */
export const checkRunStepRecord: ControlCheck = (value) =>
  recordFields(value, (v) => {
    try {
      checkRunStep(v);
      return [];
    } catch (error) {
      return [[false, (error as Error).message]];
    }
  });

/** Everything readCriterion would otherwise drop (the ids) or cut (the wording, the notes). */
export const checkCriterionRecord: ControlCheck = (value) =>
  recordFields(value, (v) => [
    [isRecordId(v.phaseId), 'phaseId must be a phase id'],
    [isRecordId(v.topicId), 'topicId must be a topic id'],
    [isText(v.text, MAX_CRITERION_TEXT), `text must be a string of at most ${MAX_CRITERION_TEXT} characters`],
    [Array.isArray(v.noteIds) && v.noteIds.length <= MAX_CRITERION_NOTES && v.noteIds.every(isRecordId), `noteIds must be at most ${MAX_CRITERION_NOTES} note ids`],
    [absentOr(v.removed, (r) => typeof r === 'boolean'), 'removed must be a boolean'],
  ]);

// Phases, topics and tables read an absent field as its default ('' or 'ideas', as the
// baseline migrations fill it in), so only a field that is present is held to its form.
export const checkPhaseRecord: ControlCheck = (value) =>
  recordFields(value, (v) => [
    [absentOr(v.title, (t) => isText(t, MAX_LABEL)), `title must be a string of at most ${MAX_LABEL} characters`],
    [absentOr(v.question, (q) => isText(q, MAX_QUESTION)), `question must be a string of at most ${MAX_QUESTION} characters`],
    [absentOr(v.kind, (k) => PHASE_KINDS.includes(k as never)), 'kind must be a phase kind'],
    [absentOr(v.corner, (c) => isText(c, MAX_LABEL)), `corner must be a string of at most ${MAX_LABEL} characters`],
    [absentOr(v.locked, (l) => typeof l === 'boolean'), 'locked must be a boolean'],
  ]);

export const checkTopicRecord: ControlCheck = (value) =>
  recordFields(value, (v) => [[absentOr(v.label, (l) => isText(l, MAX_LABEL)), `label must be a string of at most ${MAX_LABEL} characters`]]);

export const checkTableRecord: ControlCheck = (value) =>
  recordFields(value, (v) => [[absentOr(v.name, (n) => isText(n, MAX_TABLE_NAME)), `name must be a string of at most ${MAX_TABLE_NAME} characters`]]);

export const checkTimer: ControlCheck = (value) => {
  if (!isObject(value)) return 'the timer must be an object';
  return firstProblem([
    [['idle', 'running', 'paused'].includes(value.status as string), 'status must be idle, running or paused'],
    [isWhole(value.durationMs, 0, MAX_TIMER_MS), `durationMs must be whole, 0 to ${MAX_TIMER_MS}`],
    [isWhole(value.endsAt, 0, MAX_TIME_MS), 'endsAt must be a time in ms'],
    [isWhole(value.remainingMs, 0, MAX_TIMER_MS), `remainingMs must be whole, 0 to ${MAX_TIMER_MS}`],
    [isWhole(value.round, 0, MAX_ROUNDS), `round must be whole, 0 to ${MAX_ROUNDS}`],
  ]);
};

export const checkVoting: ControlCheck = (value) => {
  if (!isObject(value)) return 'voting must be an object';
  return firstProblem([
    [isRecordId(value.phaseId), 'phaseId must be a phase id'],
    [isWhole(value.budget, 0, MAX_BUDGET), `budget must be whole, 0 to ${MAX_BUDGET}`],
    [value.per === 'participant' || value.per === 'table', 'per must be participant or table'],
    [typeof value.hideCounts === 'boolean' && typeof value.open === 'boolean', 'hideCounts and open must be booleans'],
  ]);
};

export const checkRounds: ControlCheck = (value) => {
  if (!isObject(value)) return 'rounds must be an object';
  return firstProblem([
    [isWhole(value.count, 1, MAX_ROUNDS), `count must be whole, 1 to ${MAX_ROUNDS}`],
    [isWhole(value.lengthMs, 1, MAX_TIMER_MS), `lengthMs must be whole, 1 to ${MAX_TIMER_MS}`],
    [isWhole(value.current, 0, isFiniteNumber(value.count) ? value.count : 0), 'current must be a round of count'],
  ]);
};

export const checkSpotlight: ControlCheck = (value) => {
  if (!isObject(value)) return 'the spotlight must be an object';
  const viewport = value.viewport;
  return firstProblem([
    [isRecordId(value.phaseId), 'phaseId must be a phase id'],
    [isWhole(value.seq, 0, Number.MAX_SAFE_INTEGER), 'seq must be a whole number'],
    [
      viewport === null ||
        (isObject(viewport) && isFiniteNumber(viewport.cx) && isFiniteNumber(viewport.cy) && isFiniteNumber(viewport.zoom) && viewport.zoom > 0),
      'viewport must be null or a finite centre and a positive zoom',
    ],
  ]);
};

const checkCursorPlace = (v: Fields): [boolean, string][] => [
  [v.stepId === '' || isRecordId(v.stepId), 'stepId must be a step id or empty'],
  [isWhole(v.index, 0, MAX_RUN_STEPS), `index must be whole, 0 to ${MAX_RUN_STEPS}`],
  [isWhole(v.round, 0, MAX_STEP_ROUNDS), `round must be whole, 0 to ${MAX_STEP_ROUNDS}`],
  [typeof v.done === 'boolean', 'done must be a boolean'],
];

const isUndoEntry = (e: unknown): boolean =>
  isObject(e) &&
  isObject(e.from) &&
  firstProblem(checkCursorPlace(e.from)) === null &&
  isObject(e.state) &&
  isObject(e.locks) &&
  Object.values(e.locks).every((l) => l === null || typeof l === 'boolean');

export const checkRunCursor: ControlCheck = (value) => {
  if (!isObject(value)) return 'the run cursor must be an object';
  return firstProblem([
    ...checkCursorPlace(value),
    [isWhole(value.seq, 0, Number.MAX_SAFE_INTEGER), 'seq must be a whole number'],
    [Array.isArray(value.history) && value.history.length <= MAX_UNDO && value.history.every(isUndoEntry), `history must be at most ${MAX_UNDO} undo entries`],
  ]);
};

export const checkCurrentPhase: ControlCheck = (value) => (isRecordId(value) ? null : 'currentPhase must be a phase id');

/** Root maps of the control doc whose entries are records (id -> Y.Map), with their checks. */
export const CONTROL_RECORD_CHECKS: Readonly<Record<string, ControlCheck>> = {
  [RUN_SHEET_KEY]: checkRunStepRecord,
  criteria: checkCriterionRecord,
  phases: checkPhaseRecord,
  topics: checkTopicRecord,
  tables: checkTableRecord,
};

/** Keys of the control doc's `state` map, each one value replaced whole, with their checks. */
export const CONTROL_STATE_CHECKS: Readonly<Record<string, ControlCheck>> = {
  timer: checkTimer,
  voting: checkVoting,
  rounds: checkRounds,
  [FOLLOW_KEY]: checkSpotlight,
  [RUN_CURSOR_KEY]: checkRunCursor,
  currentPhase: checkCurrentPhase,
};

/**
 * Why the control doc's entry `key` of root map `root`, as written (`value`; undefined = deleted),
 * is malformed, or null. Deleting is always well formed (every reader reads absence); record ids
 * must be record ids; entries of maps without a check (meta, prompts, selections, voteBudgets)
 * are left to the update rules' structural limits.
 */
export function checkControlValue(root: string, key: string, value: unknown): string | null {
  if (value === undefined) return null;
  const recordCheck = CONTROL_RECORD_CHECKS[root];
  if (recordCheck) {
    if (!RECORD_ID_RE.test(key)) return `${root}: "${key.slice(0, 80)}" is not a record id`;
    const problem = recordCheck(value);
    return problem && `${root}/${key}: ${problem}`;
  }
  const stateCheck = root === 'state' ? CONTROL_STATE_CHECKS[key] : undefined;
  const problem = stateCheck?.(value) ?? null;
  return problem && `state/${key}: ${problem}`;
}
