import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import type { TimerState } from '@wcb/shared';
import { t } from '../../i18n';
import { announce } from './Announcer';
import { browserStore, readJson, writeJson, type KeyValueStore } from '../../lib/storage';
import type { ReactiveServerClock } from '../../sync/clock';
import { createTimerView } from './create-timer-view';
import '../facilitator/facilitator.css';
import './topbar.css';

// Per device, not per session: someone who muted the chime in one café wants quiet in the next.
const MUTE_KEY = 'wcb.chimeMuted';
export const loadChimeMuted = (store: KeyValueStore): boolean => readJson<unknown>(store, MUTE_KEY, false) === true;
export const saveChimeMuted = (store: KeyValueStore, muted: boolean): void => writeJson(store, MUTE_KEY, muted);

/** mm:ss, rounded up to whole seconds: "0:00" only once the time is really up. */
export function formatRemaining(ms: number): string {
  const secs = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
}

/**
 * The round countdown, for everyone: the facilitator writes the timer into the control document in
 * server time, and each device converts with its clock offset. Ticks only while running.
 */
export function TimerBadge(props: {
  timer: () => TimerState;
  clock: ReactiveServerClock;
  /** Whoever controls the session: ends the countdown now (everyone sees time is up). */
  onEndNow?: () => void;
}) {
  const store = browserStore();
  const [muted, setMuted] = createSignal(loadChimeMuted(store));
  // How many chimes this page played: lets tests (and support) tell "silent" from "muted".
  const [chimed, setChimed] = createSignal(0);
  // eslint-disable-next-line solid/reactivity -- one clock per session, read inside the view's own effects.
  const view = createTimerView(() => props.timer(), props.clock);

  // A chime when a countdown this page watched running reaches its end: once per end.
  const gesture = createUserGesture();
  let chimedFor = '';
  createEffect(
    on(
      () => view().status,
      (status, before) => {
        const key = `${props.timer().endsAt}/${props.timer().durationMs}`;
        if (status === 'ended' && before === 'running' && chimedFor !== key) {
          chimedFor = key;
          announce({ kind: 'timer-ended' });
          if (gesture() && !muted()) {
            playChime();
            setChimed((n) => n + 1);
          }
        }
      },
    ),
  );

  const text = () => (view().status === 'idle' ? '–:––' : formatRemaining(view().remainingMs));
  const label = () => {
    const round = props.timer().round;
    const status = t(`timer.${view().status}`);
    return round > 0 ? t('timer.roundLabel', { round, status, time: text() }) : t('timer.label', { status, time: text() });
  };
  const ended = () => view().status === 'ended';
  const toggleMute = () => {
    const next = !muted();
    setMuted(next);
    saveChimeMuted(store, next);
  };
  return (
    <span class="timer-box">
    <span
      class="timer-badge"
      classList={{ 'is-ended': ended() }}
      data-testid="timer.badge"
      data-status={view().status}
      data-round={props.timer().round}
      data-chimed={chimed()}
      role="timer"
      aria-label={label()}
      title={label()}
    >
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M12 9v4l2.5 2.5M10 2h4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <span class="timer-badge-time" data-testid="timer.time">
        {text()}
      </span>
      <Show when={ended()}>
        <span class="timer-badge-ended" data-testid="timer.ended">
          {t('timer.ended')}
        </span>
      </Show>
    </span>
    <Show when={view().status !== 'idle'}>
      <button
        class="btn btn-icon timer-mute"
        data-testid="timer.mute"
        aria-pressed={muted()}
        aria-label={muted() ? t('timer.unmute') : t('timer.mute')}
        title={muted() ? t('timer.unmute') : t('timer.mute')}
        onClick={toggleMute}
      >
        <BellIcon muted={muted()} />
      </button>
    </Show>
    <Show when={props.onEndNow && (view().status === 'running' || view().status === 'paused')}>
      <button class="btn timer-end-now" data-testid="timer.end-now" title={t('timer.endNowTitle')} onClick={() => props.onEndNow?.()}>
        <StopIcon />
        {/* The top bar shows the icon alone (topbar.css); the name stays for screen readers. */}
        <span class="timer-end-now-label">{t('timer.endNow')}</span>
      </button>
    </Show>
    </span>
  );
}

function StopIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
      <rect x="5" y="5" width="14" height="14" rx="2" fill="currentColor" />
    </svg>
  );
}

function BellIcon(props: { muted: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      <Show when={props.muted}>
        <path d="M4 4l16 16" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </Show>
    </svg>
  );
}

/** Whether this page has had a click or a key press: browsers keep audio silent until then. */
function createUserGesture(): () => boolean {
  const sticky = () => (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive;
  const [seen, setSeen] = createSignal(sticky() === true);
  const onGesture = () => setSeen(true);
  window.addEventListener('pointerdown', onGesture, { once: true, capture: true });
  window.addEventListener('keydown', onGesture, { once: true, capture: true });
  onCleanup(() => {
    window.removeEventListener('pointerdown', onGesture, { capture: true });
    window.removeEventListener('keydown', onGesture, { capture: true });
  });
  // eslint-disable-next-line solid/reactivity -- read by the caller inside its own effect.
  return () => seen() || sticky() === true;
}

/** Two short soft tones. Never throws: no WebAudio, or a blocked context, just means silence. */
export function playChime(): void {
  try {
    const Ctx = window.AudioContext ?? (window as Window & { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    void ctx.resume?.().catch(() => undefined);
    const start = ctx.currentTime + 0.02;
    [880, 1320].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const at = start + i * 0.18;
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.4);
    });
    setTimeout(() => void ctx.close().catch(() => undefined), 1000);
  } catch {
    // Silence is fine.
  }
}
