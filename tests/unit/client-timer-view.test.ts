/**
 * createTimerView (client/src/views/board/create-timer-view.ts), the one ticking timer view the
 * timer badge and the run strip share: it ticks while the timer runs, stops at its end, follows
 * a new timer at once, and clears its interval when its owner is disposed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot, createSignal } from 'solid-js';
import { IDLE_TIMER, runningTimer, type TimerState } from '@wcb/shared';
import { createTimerView } from '../../client/src/views/board/create-timer-view';

const T0 = 1_700_000_000_000;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

/** A clock 5 s ahead of this device's, as a sampled server offset would make it. */
const clock = { now: () => Date.now() + 5_000, offset: () => 5_000 };

/** A view in its own owner: Solid runs the owner's effects once createRoot has returned. */
function timerViewOf(initial: TimerState, tickMs?: number) {
  return createRoot((dispose) => {
    const [timer, setTimer] = createSignal<TimerState>(initial);
    return { view: createTimerView(timer, clock, tickMs), setTimer, dispose };
  });
}

describe('createTimerView', () => {
  it('ticks while running, stops at the end, and clears its interval on dispose', () => {
    const { view, dispose } = timerViewOf(runningTimer(3_000, T0 + 5_000));
    expect(view()).toMatchObject({ status: 'running', remainingMs: 3_000 });
    vi.advanceTimersByTime(1_000);
    expect(view()).toMatchObject({ status: 'running', remainingMs: 2_000 });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(2_000);
    expect(view().status).toBe('ended');
    // Ended: nothing left to tick for.
    expect(vi.getTimerCount()).toBe(0);
    dispose();
  });

  it('follows a new timer at once, and leaves no interval behind its disposed owner', () => {
    const { view, setTimer, dispose } = timerViewOf({ ...IDLE_TIMER }, 500);
    expect(view().status).toBe('idle');
    expect(vi.getTimerCount()).toBe(0);
    setTimer(runningTimer(60_000, T0 + 5_000));
    expect(view()).toMatchObject({ status: 'running', remainingMs: 60_000 });
    vi.advanceTimersByTime(500);
    expect(view().remainingMs).toBe(59_500);
    expect(vi.getTimerCount()).toBe(1);
    dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(view().remainingMs).toBe(59_500);
  });
});
