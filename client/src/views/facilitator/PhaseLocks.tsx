import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { LockIcon } from '../board/icons';
import './phase-locks.css';

/**
 * Locking a phase, in the facilitator's panel rather than beside each tab, where a stray click
 * on the way to a tab locked a phase by mistake. Locking asks first (inline: a window.confirm
 * would block the board's live updates); unlocking gives writing back at once.
 */
export function PhaseLocks(props: { session: Session }) {
  const locked = (id: string) => props.session.lockedPhases().has(id);
  const [asking, setAsking] = createSignal<string | null>(null);
  const lock = (id: string) => {
    setAsking(null);
    props.session.setPhaseLocked(id, true);
  };
  return (
    <div class="fac-locks" data-testid="run.locks">
      <h4>{t('lock.title')}</h4>
      <p class="fac-hint">{t('lock.hint')}</p>
      <ul class="fac-lock-list">
        <For each={props.session.session.phases}>
          {(phase, i) => (
            <li class="fac-lock" data-phase-id={phase.id}>
              <span class="fac-lock-phase">
                {i() + 1}. {phase.title}
              </span>
              <Show
                when={asking() === phase.id}
                fallback={
                  <button
                    class="btn fac-lock-toggle"
                    data-testid="board.phase-lock"
                    data-phase-id={phase.id}
                    aria-pressed={locked(phase.id)}
                    aria-label={t(locked(phase.id) ? 'board.unlockPhase' : 'board.lockPhase', { phase: phase.title })}
                    onClick={() => (locked(phase.id) ? props.session.setPhaseLocked(phase.id, false) : setAsking(phase.id))}
                  >
                    <LockIcon locked={locked(phase.id)} />
                    <span>{t(locked(phase.id) ? 'lock.unlock' : 'lock.lock')}</span>
                  </button>
                }
              >
                <span
                  class="fac-confirm"
                  role="group"
                  aria-label={t('board.lockPhase', { phase: phase.title })}
                  onKeyDown={(e) => {
                    if (e.key !== 'Escape') return;
                    // Escape would otherwise close the whole panel.
                    e.stopPropagation();
                    setAsking(null);
                  }}
                >
                  <span class="fac-confirm-question">{t('lock.question')}</span>
                  <button class="btn fac-danger" data-testid="board.phase-lock-confirm" data-phase-id={phase.id} onClick={() => lock(phase.id)}>
                    {t('lock.confirm')}
                  </button>
                  <button class="btn" data-testid="board.phase-lock-cancel" data-phase-id={phase.id} ref={(el) => queueMicrotask(() => el.focus())} onClick={() => setAsking(null)}>
                    {t('setup.cancel')}
                  </button>
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
