import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import { timerView, type TimerState, type TimerView } from '@wcb/shared';
import type { ReactiveServerClock } from '../../sync/clock';

// A quarter second keeps the seconds honest (each flips within 250 ms of the server's) and costs nothing.
export const TIMER_TICK_MS = 250;

/**
 * The café timer as it stands now on the server clock, as a signal: recomputed when the timer or
 * the clock's offset changes, and every `tickMs` while it runs (an interval only then, cleared
 * when it stops and when the owner is disposed). The timer badge and the run strip both show it.
 */
export function createTimerView(timer: Accessor<TimerState>, clock: ReactiveServerClock, tickMs = TIMER_TICK_MS): Accessor<TimerView> {
  const [now, setNow] = createSignal(clock.now());
  const view = createMemo(() => timerView(timer(), now()));
  // Live: stored as running and not yet past its end.
  const live = createMemo(() => view().status === 'running');
  createEffect(() => {
    clock.offset();
    timer();
    setNow(clock.now());
  });
  createEffect(() => {
    if (!live()) return;
    const id = setInterval(() => setNow(clock.now()), tickMs);
    onCleanup(() => clearInterval(id));
  });
  return view;
}
