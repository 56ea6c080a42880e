import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  buildSessionDocs,
  controlMaps,
  endTimer,
  extendTimer,
  LocalOrigin,
  MAX_TIMER_MS,
  pauseTimer,
  readTimer,
  resetTimer,
  resumeTimer,
  startTimer,
  timerView,
} from '@wcb/shared';
import { replica, syncAll } from '../support/ydocs';

const control = () => buildSessionDocs({ sessionId: 'session-0001', templateId: 'world-cafe-ngo', language: 'uk' }).control;
const MIN = 60_000;
const T0 = 1_700_000_000_000;

function actionsOf(doc: Y.Doc): string[] {
  const actions: string[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.origin instanceof LocalOrigin) actions.push(tr.origin.action);
  });
  return actions;
}

describe('round timer', () => {
  it('ending now makes a running or paused round read as ended everywhere, keeping its round', () => {
    const doc = control();
    const other = replica(doc);
    const actions = actionsOf(doc);
    endTimer(doc, T0); // idle: nothing to end
    startTimer(doc, 20 * MIN, T0, 2);
    endTimer(doc, T0 + 5 * MIN);
    syncAll([doc, other]);
    for (const d of [doc, other]) {
      expect(timerView(readTimer(d), T0 + 5 * MIN)).toEqual({ status: 'ended', remainingMs: 0, progress: 1 });
      expect(readTimer(d).round).toBe(2);
    }
    endTimer(doc, T0 + 6 * MIN); // already ended: nothing more to write
    startTimer(doc, 10 * MIN, T0 + 10 * MIN);
    pauseTimer(doc, T0 + 12 * MIN);
    endTimer(doc, T0 + 13 * MIN);
    expect(timerView(readTimer(doc), T0 + 13 * MIN).status).toBe('ended');
    expect(actions).toEqual(['timer.start', 'timer.end', 'timer.start', 'timer.pause', 'timer.end']);
  });

  it('a new session has an idle timer', () => {
    expect(timerView(readTimer(control()), T0)).toEqual({ status: 'idle', remainingMs: 0, progress: 0 });
  });

  it('a started timer counts down on the server clock and ends by itself when its time is up', () => {
    const doc = control();
    startTimer(doc, 20 * MIN, T0);
    expect(readTimer(doc)).toEqual({ status: 'running', durationMs: 20 * MIN, endsAt: T0 + 20 * MIN, remainingMs: 0, round: 0 });
    expect(timerView(readTimer(doc), T0)).toEqual({ status: 'running', remainingMs: 20 * MIN, progress: 0 });
    expect(timerView(readTimer(doc), T0 + 5 * MIN)).toEqual({ status: 'running', remainingMs: 15 * MIN, progress: 0.25 });
    expect(timerView(readTimer(doc), T0 + 20 * MIN)).toEqual({ status: 'ended', remainingMs: 0, progress: 1 });
    expect(timerView(readTimer(doc), T0 + 90 * MIN)).toEqual({ status: 'ended', remainingMs: 0, progress: 1 });
  });

  it('pausing freezes the time left and resuming runs on from there', () => {
    const doc = control();
    startTimer(doc, 10 * MIN, T0);
    pauseTimer(doc, T0 + 4 * MIN);
    for (const later of [T0 + 4 * MIN, T0 + 60 * MIN]) {
      expect(timerView(readTimer(doc), later)).toEqual({ status: 'paused', remainingMs: 6 * MIN, progress: 0.4 });
    }
    resumeTimer(doc, T0 + 60 * MIN);
    expect(timerView(readTimer(doc), T0 + 61 * MIN)).toEqual({ status: 'running', remainingMs: 5 * MIN, progress: 0.5 });
    expect(timerView(readTimer(doc), T0 + 66 * MIN).status).toBe('ended');
  });

  it('extending adds time whether the timer runs, is paused or has ended', () => {
    const running = control();
    startTimer(running, 10 * MIN, T0);
    extendTimer(running, 5 * MIN, T0 + 2 * MIN);
    expect(timerView(readTimer(running), T0 + 2 * MIN)).toEqual({ status: 'running', remainingMs: 13 * MIN, progress: 2 / 15 });

    const paused = control();
    startTimer(paused, 10 * MIN, T0);
    pauseTimer(paused, T0 + 10 * MIN - 1000);
    extendTimer(paused, MIN, T0 + 30 * MIN);
    expect(timerView(readTimer(paused), T0 + 30 * MIN)).toEqual({
      status: 'paused',
      remainingMs: MIN + 1000,
      progress: (10 * MIN - 1000) / (11 * MIN),
    });

    const ended = control();
    startTimer(ended, 10 * MIN, T0);
    extendTimer(ended, 2 * MIN, T0 + 15 * MIN);
    expect(timerView(readTimer(ended), T0 + 15 * MIN)).toEqual({ status: 'running', remainingMs: 2 * MIN, progress: 10 / 12 });
    expect(timerView(readTimer(ended), T0 + 17 * MIN).status).toBe('ended');
  });

  it('actions that do not apply to the current state change nothing', () => {
    const doc = control();
    const actions = actionsOf(doc);
    pauseTimer(doc, T0);
    resumeTimer(doc, T0);
    extendTimer(doc, MIN, T0);
    resetTimer(doc);
    expect(timerView(readTimer(doc), T0).status).toBe('idle');
    startTimer(doc, MIN, T0);
    resumeTimer(doc, T0 + 1000);
    pauseTimer(doc, T0 + 2 * MIN); // already ended: nothing left to freeze
    expect(timerView(readTimer(doc), T0 + 2 * MIN).status).toBe('ended');
    resetTimer(doc);
    expect(timerView(readTimer(doc), T0 + 2 * MIN).status).toBe('idle');
    expect(actions).toEqual(['timer.start', 'timer.reset']);
  });

  it('each action is one transaction named after it', () => {
    const doc = control();
    const actions = actionsOf(doc);
    startTimer(doc, 10 * MIN, T0, 2);
    pauseTimer(doc, T0 + MIN);
    resumeTimer(doc, T0 + 2 * MIN);
    extendTimer(doc, MIN, T0 + 3 * MIN);
    resetTimer(doc);
    expect(actions).toEqual(['timer.start', 'timer.pause', 'timer.resume', 'timer.extend', 'timer.reset']);
  });

  it('the round a timer was started for is kept through pause, resume and extension', () => {
    const doc = control();
    startTimer(doc, 10 * MIN, T0, 2);
    pauseTimer(doc, T0 + MIN);
    resumeTimer(doc, T0 + 2 * MIN);
    extendTimer(doc, MIN, T0 + 3 * MIN);
    expect(readTimer(doc).round).toBe(2);
  });

  it('durations must be positive and are capped, so a typo cannot mean a timer that never ends', () => {
    const doc = control();
    expect(() => startTimer(doc, 0, T0)).toThrow(/positive/);
    expect(() => startTimer(doc, Number.NaN, T0)).toThrow(/positive/);
    expect(() => startTimer(doc, MIN, Number.NaN)).toThrow(/serverNow/);
    startTimer(doc, MIN, T0);
    expect(() => extendTimer(doc, -MIN, T0)).toThrow(/positive/);
    startTimer(doc, 10 * MAX_TIMER_MS, T0);
    expect(readTimer(doc)).toMatchObject({ durationMs: MAX_TIMER_MS, endsAt: T0 + MAX_TIMER_MS });
  });

  it('a client whose clock offset is still wrong never sees more time than was given', () => {
    const doc = control();
    startTimer(doc, 10 * MIN, T0);
    expect(timerView(readTimer(doc), T0 - 60 * MIN)).toEqual({ status: 'running', remainingMs: 10 * MIN, progress: 0 });
  });

  it('a malformed timer from a peer reads as idle or as a coherent timer', () => {
    const doc = control();
    const { state } = controlMaps(doc);
    const garbage = [
      null,
      'running',
      42,
      { status: 'running' },
      { status: 'running', durationMs: MIN, endsAt: 'soon' },
      { status: 'ended', durationMs: MIN, endsAt: T0 },
      { status: 'paused', durationMs: -5, remainingMs: 1 },
    ];
    for (const value of garbage) {
      state.set('timer', value);
      expect(readTimer(doc)).toEqual({ status: 'idle', durationMs: 0, endsAt: 0, remainingMs: 0, round: 0 });
    }
    state.set('timer', { status: 'paused', durationMs: MIN, remainingMs: 5 * MIN, round: -3, extra: true });
    expect(readTimer(doc)).toEqual({ status: 'paused', durationMs: MIN, endsAt: 0, remainingMs: MIN, round: 0 });
    state.set('timer', { status: 'running', durationMs: Number.MAX_VALUE, endsAt: T0 + 0.4, round: 1.7 });
    expect(readTimer(doc)).toEqual({ status: 'running', durationMs: MAX_TIMER_MS, endsAt: T0, remainingMs: 0, round: 1 });
  });

  it('every peer derives the same countdown from the synced value', () => {
    const a = control();
    const b = replica(a);
    startTimer(a, 20 * MIN, T0);
    syncAll([a, b]);
    pauseTimer(b, T0 + 5 * MIN);
    syncAll([a, b]);
    expect(timerView(readTimer(a), T0 + 30 * MIN)).toEqual({ status: 'paused', remainingMs: 15 * MIN, progress: 0.25 });
    expect(readTimer(b)).toEqual(readTimer(a));
  });

  it('two facilitators acting at once leave one of their timers whole, never a mix', () => {
    const a = control();
    startTimer(a, 20 * MIN, T0);
    const b = replica(a);
    pauseTimer(a, T0 + 5 * MIN);
    extendTimer(b, 10 * MIN, T0 + 6 * MIN);
    const wrote = [readTimer(a), readTimer(b)];
    syncAll([a, b]);
    expect(readTimer(a)).toEqual(readTimer(b));
    expect(wrote).toContainEqual(readTimer(a));
  });
});
