import { createEffect, createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { timerView } from '@wcb/shared';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { formatRemaining } from '../board/TimerBadge';
import { nextLabel, nowLabel } from './run-labels';
import './run.css';

// Whole seconds are all the strip shows; the timer badge keeps the quarter-second precision.
const TICK_MS = 500;

/** Time left on the café's timer, ticking only while it runs. */
function createTimeLeft(facilitation: () => Session['facilitation']) {
  const f = facilitation();
  const [now, setNow] = createSignal(f.clock.now());
  const view = createMemo(() => timerView(f.timer(), now()));
  const live = createMemo(() => view().status === 'running');
  createEffect(() => {
    f.clock.offset();
    f.timer();
    setNow(f.clock.now());
  });
  createEffect(() => {
    if (!live()) return;
    const id = setInterval(() => setNow(f.clock.now()), TICK_MS);
    onCleanup(() => clearInterval(id));
  });
  return view;
}

/**
 * The run sheet's strip, for everyone: what the café is doing now, what comes next, how long is
 * left. A facilitator gets "Back" and "Next" in it, the one button that runs the café. It sits in
 * the page's flow under the top bar, so it never covers a control.
 */
export function RunStrip(props: { session: Session }) {
  const run = () => props.session.runSheet.view();
  const phases = () => props.session.session.phases;
  const time = createTimeLeft(() => props.session.facilitation);
  const controls = () => props.session.canControl();
  const shown = () => run().steps.length > 0 && (controls() || run().now.kind !== 'start');
  const left = () => {
    const v = time();
    if (v.status === 'idle' || run().now.kind !== 'step') return '';
    return v.status === 'ended' ? t('run.timeUp') : t('run.left', { time: formatRemaining(v.remainingMs) });
  };
  const atKind = () => {
    const now = run().now;
    return now.kind === 'step' ? now.step.kind : now.kind;
  };
  return (
    <Show when={shown()}>
      <section
        class="run-strip"
        data-testid="run.strip"
        data-now={atKind()}
        data-step-id={run().cursor.stepId}
        data-round={run().cursor.round}
        data-seq={run().cursor.seq}
        aria-label={t('run.strip')}
      >
        <p class="run-strip-now" data-testid="run.now">
          {/* Only the step is live: the ticking time beside it would be read out every second. */}
          <span aria-live="polite">
            <span class="run-strip-label">{t('run.now')}</span> <strong>{nowLabel(run().now, phases())}</strong>
          </span>
          <Show when={left()}>
            {' '}
            <span class="run-strip-left" data-testid="run.left" data-status={time().status}>
              {left()}
            </span>
          </Show>
        </p>
        <Show when={run().now.kind !== 'done'}>
          <p class="run-strip-next" id="run-strip-next" data-testid="run.next">
            <span class="run-strip-label">{t('run.next')}</span> {nextLabel(run().next, phases())}
          </p>
        </Show>
        <Show when={controls()}>
          <div class="run-strip-buttons">
            <button
              class="btn"
              data-testid="run.back-button"
              disabled={run().cursor.history.length === 0}
              title={t('run.backTitle')}
              onClick={() => props.session.runSheet.back(run().cursor.seq)}
            >
              {t('run.backButton')}
            </button>
            <button
              class="btn btn-primary"
              data-testid="run.next-button"
              data-from-seq={run().cursor.seq}
              aria-describedby={run().now.kind === 'done' ? undefined : 'run-strip-next'}
              disabled={run().now.kind === 'done'}
              title={t('run.nextTitle', { step: nextLabel(run().next, phases()) })}
              onClick={() => props.session.runSheet.next(run().cursor.seq)}
            >
              {t('run.nextButton')}
            </button>
          </div>
        </Show>
      </section>
    </Show>
  );
}
