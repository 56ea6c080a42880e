import type * as Y from 'yjs';
import { controlMaps } from './control';
import { LocalOrigin } from './origins';

/**
 * The round countdown every client shows, kept in control `state` under key 'timer' as one plain
 * value the facilitator replaces whole. Two facilitators acting at once therefore leave one of
 * their timers (last writer wins), never a mix of the two.
 *
 * All times are on the SERVER clock (see clock.ts): a device whose clock is off by minutes still
 * counts down to the same moment as everyone else once it converts with its offset.
 *
 * "Ended" is not stored: it is a running timer whose end has passed. Nobody has to be online at
 * that instant to write it, and every client flips at the same moment.
 */
export type TimerState = {
  status: 'idle' | 'running' | 'paused';
  /** Total time given: the initial duration plus every extension. The base for `progress`. */
  durationMs: number;
  /** When it runs out, in server-clock ms; meaningful while running (0 otherwise). */
  endsAt: number;
  /** Time left when it was paused; meaningful while paused (0 otherwise). */
  remainingMs: number;
  /** The café round it times (1..n), or 0 for a free timer (a break, a voting countdown). */
  round: number;
};

export type TimerStatus = 'idle' | 'running' | 'paused' | 'ended';
export type TimerView = { status: TimerStatus; remainingMs: number; progress: number };

// A café round is 20–30 minutes; four hours only stops a typo from meaning "never ends".
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000;

export const IDLE_TIMER: Readonly<TimerState> = Object.freeze({ status: 'idle', durationMs: 0, endsAt: 0, remainingMs: 0, round: 0 });
const idle = (): TimerState => ({ ...IDLE_TIMER });

const local = (action: string) => new LocalOrigin(action);

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clampMs = (ms: number): number => Math.max(0, Math.min(MAX_TIMER_MS, Math.round(ms)));
const cleanRound = (v: unknown): number => (finite(v) ? Math.max(0, Math.floor(v)) : 0);

function positiveMs(ms: number, what: string): number {
  if (!finite(ms) || ms <= 0) throw new Error(`A timer ${what} must be a positive number of ms`);
  return Math.max(1, clampMs(ms));
}

function checkNow(serverNow: number): number {
  if (!finite(serverNow)) throw new Error('serverNow must be a finite time in ms');
  return Math.round(serverNow);
}

/** A countdown of `durationMs` starting at `serverNow`. Exported for rounds.ts, which writes it with the round. */
export function runningTimer(durationMs: number, serverNow: number, round = 0): TimerState {
  const duration = positiveMs(durationMs, 'duration');
  const now = checkNow(serverNow);
  return { status: 'running', durationMs: duration, endsAt: now + duration, remainingMs: 0, round: cleanRound(round) };
}

/**
 * Reads the timer tolerantly: a peer may have written anything, and anything that is not a
 * coherent running or paused timer reads as idle.
 */
export function readTimer(control: Y.Doc): TimerState {
  const v = controlMaps(control).state.get('timer') as Partial<TimerState> | undefined;
  if (!v || typeof v !== 'object' || !finite(v.durationMs) || v.durationMs <= 0) return idle();
  const durationMs = clampMs(v.durationMs);
  const round = cleanRound(v.round);
  if (v.status === 'running' && finite(v.endsAt)) {
    return { status: 'running', durationMs, endsAt: Math.round(v.endsAt), remainingMs: 0, round };
  }
  if (v.status === 'paused' && finite(v.remainingMs)) {
    return { status: 'paused', durationMs, endsAt: 0, remainingMs: Math.min(durationMs, clampMs(v.remainingMs)), round };
  }
  return idle();
}

/**
 * What to show at `serverNow`. Remaining time never exceeds the duration, so a client whose
 * offset is still wrong shows a full timer rather than more time than was ever given.
 * Display it rounded up to whole seconds, so "0:00" appears only once the timer has ended.
 */
export function timerView(timer: TimerState, serverNow: number): TimerView {
  const duration = timer.durationMs;
  if (timer.status === 'idle' || duration <= 0) return { status: 'idle', remainingMs: 0, progress: 0 };
  const left = timer.status === 'running' ? timer.endsAt - serverNow : timer.remainingMs;
  const remaining = Number.isNaN(left) ? duration : Math.max(0, Math.min(duration, left));
  // Elapsed over given, not 1 − remaining/given: whole-ms quotients then round exactly (0.2, not 0.19999…).
  const progress = Math.max(0, Math.min(1, (duration - remaining) / duration));
  if (timer.status === 'running' && remaining <= 0) return { status: 'ended', remainingMs: 0, progress: 1 };
  return { status: timer.status, remainingMs: remaining, progress };
}

function writeTimer(control: Y.Doc, timer: TimerState, action: string): void {
  control.transact(() => controlMaps(control).state.set('timer', timer), local(action));
}

/** Starts (or restarts) a countdown; `round` is 0 for a timer that belongs to no round. */
export function startTimer(control: Y.Doc, durationMs: number, serverNow: number, round = 0): void {
  writeTimer(control, runningTimer(durationMs, serverNow, round), 'timer.start');
}

/** Freezes the time left. Does nothing unless the timer is running and has time left. */
export function pauseTimer(control: Y.Doc, serverNow: number): void {
  const now = checkNow(serverNow);
  const timer = readTimer(control);
  if (timerView(timer, now).status !== 'running') return;
  const remainingMs = Math.min(timer.durationMs, timer.endsAt - now);
  writeTimer(control, { ...timer, status: 'paused', endsAt: 0, remainingMs }, 'timer.pause');
}

/** Runs a paused timer on with the time it had left. */
export function resumeTimer(control: Y.Doc, serverNow: number): void {
  const now = checkNow(serverNow);
  const timer = readTimer(control);
  if (timer.status !== 'paused') return;
  writeTimer(control, { ...timer, status: 'running', endsAt: now + timer.remainingMs, remainingMs: 0 }, 'timer.resume');
}

/**
 * Gives `byMs` more: a running timer ends later, a paused one resumes with more left, and an ended
 * one runs again with `byMs` left (the overrun since it ended is not counted as time given).
 * An idle timer has nothing to extend and stays idle.
 */
export function extendTimer(control: Y.Doc, byMs: number, serverNow: number): void {
  const by = positiveMs(byMs, 'extension');
  const now = checkNow(serverNow);
  const timer = readTimer(control);
  const durationMs = clampMs(timer.durationMs + by);
  const view = timerView(timer, now);
  switch (view.status) {
    case 'idle':
      return;
    case 'running':
      return writeTimer(control, { ...timer, durationMs, endsAt: timer.endsAt + by }, 'timer.extend');
    case 'paused':
      return writeTimer(control, { ...timer, durationMs, remainingMs: Math.min(durationMs, timer.remainingMs + by) }, 'timer.extend');
    case 'ended':
      return writeTimer(control, { ...timer, durationMs, endsAt: now + by }, 'timer.extend');
  }
}

export function resetTimer(control: Y.Doc): void {
  if (readTimer(control).status === 'idle' && !controlMaps(control).state.has('timer')) return;
  writeTimer(control, idle(), 'timer.reset');
}

/**
 * Ends the countdown now ("end round now"): a running or paused timer becomes one whose end is
 * `serverNow`, so every client shows it ended at once and chimes as for a natural end. The time
 * given is kept (progress reads full). An idle timer has nothing to end.
 */
export function endTimer(control: Y.Doc, serverNow: number): void {
  const now = checkNow(serverNow);
  const timer = readTimer(control);
  const status = timerView(timer, now).status;
  if (status !== 'running' && status !== 'paused') return;
  writeTimer(control, { ...timer, status: 'running', endsAt: now, remainingMs: 0 }, 'timer.end');
}
