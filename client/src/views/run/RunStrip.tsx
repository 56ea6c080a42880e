import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { formatRemaining } from '../board/TimerBadge';
import { createTimerView } from '../board/create-timer-view';
import { nextLabel, nowLabel } from './run-labels';
import './run.css';

// Whole seconds are all the strip shows; the timer badge keeps the quarter-second precision.
const TICK_MS = 500;

/**
 * The run sheet's strip, for everyone: what the café is doing now, what comes next, how long is
 * left. A facilitator gets "Back" and "Next" in it, the one button that runs the café. It sits in
 * the page's flow under the top bar, so it never covers a control.
 */
export function RunStrip(props: { session: Session }) {
  const run = () => props.session.runSheet.view();
  const phases = () => props.session.session.phases;
  // eslint-disable-next-line solid/reactivity -- one clock per session, read inside the view's own effects.
  const time = createTimerView(() => props.session.facilitation.timer(), props.session.facilitation.clock, TICK_MS);
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
