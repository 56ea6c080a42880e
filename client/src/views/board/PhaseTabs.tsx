import { For, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { LockIcon } from './icons';

/**
 * One tab per phase; the selected one is the phase this device shows. The facilitator's choice
 * moves the session's current phase (and whoever follows); anyone else just looks at another
 * phase, which leaves follow mode; a dot marks the facilitator's phase. Everyone sees which phases
 * are locked; locking is in the facilitator's panel (PhaseLocks), not a stray click away. Keyboard (WAI-ARIA tabs, roving tabindex, selection follows
 * focus): arrows move between tabs, Home and End to the first and last; Alt+PageDown and
 * Alt+PageUp switch phase from anywhere on the page.
 */
// Phase ids are the template's slugs or random ids: safe inside an id attribute with a prefix.
const tabId = (phaseId: string) => `phase-tab-${phaseId}`;

export function PhaseTabs(props: { session: Session }) {
  const phases = () => props.session.session.phases;
  const current = () => props.session.viewPhase();
  const locked = (id: string) => props.session.lockedPhases().has(id);
  // The session's current phase: where the facilitator is, marked for those who roam elsewhere.
  const isCurrent = (id: string) => props.session.session.state.currentPhase === id;
  const select = (id: string) => {
    if (id !== current()) props.session.setPhase(id);
  };
  let tablist!: HTMLElement;
  /** Selects the phase `step` tabs away (wrapping), or the first / last one, and focuses its tab. */
  const go = (step: number | 'first' | 'last') => {
    const list = phases();
    const index = list.findIndex((p) => p.id === current());
    const target =
      step === 'first' ? list[0] : step === 'last' ? list[list.length - 1] : list[(index + step + list.length) % list.length];
    if (!target) return false;
    select(target.id);
    tablist.querySelector<HTMLElement>(`[role="tab"][data-phase-id="${CSS.escape(target.id)}"]`)?.focus();
    return true;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.target instanceof HTMLElement) || e.target.getAttribute('role') !== 'tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : e.key === 'Home' ? 'first' : e.key === 'End' ? 'last' : 0;
    if (step && go(step)) e.preventDefault();
  };
  const onWindowKey = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'PageDown' && e.key !== 'PageUp')) return;
    if (go(e.key === 'PageDown' ? 1 : -1)) e.preventDefault();
  };
  window.addEventListener('keydown', onWindowKey);
  onCleanup(() => window.removeEventListener('keydown', onWindowKey));
  return (
    // The strip is a plain landmark, and the tablist owns the tabs through aria-owns (the tabs sit
    // in presentational wrappers).
    <nav ref={tablist} class="tabs" aria-label={t('board.phases')} onKeyDown={onKeyDown}>
      <div role="tablist" class="tabs-owner" aria-label={t('board.phases')} aria-owns={phases().map((p) => tabId(p.id)).join(' ')} />
      <For each={phases()}>
        {(phase, i) => (
          <div class="tab-item" role="presentation" classList={{ 'tab-item-locked': locked(phase.id) }}>
            <button
              role="tab"
              id={tabId(phase.id)}
              class="tab"
              data-testid="board.phase-tab"
              data-phase-id={phase.id}
              data-locked={locked(phase.id)}
              data-current={isCurrent(phase.id)}
              aria-selected={phase.id === current()}
              tabIndex={phase.id === current() ? 0 : -1}
              title={phase.title}
              onClick={() => select(phase.id)}
            >
              <span class="tab-number">{i() + 1}</span>
              <span class="tab-title">{phase.title}</span>
              <Show when={isCurrent(phase.id) && phase.id !== current()}>
                <span class="tab-current" data-testid="board.phase-current" title={t('board.currentPhase')}>
                  <span class="visually-hidden">{t('board.currentPhase')}</span>
                </span>
              </Show>
              <Show when={locked(phase.id)}>
                <span class="tab-locked" data-testid="board.phase-locked" data-phase-id={phase.id} title={t('board.phaseLocked')}>
                  <LockIcon locked />
                  <span class="visually-hidden">{t('board.phaseLocked')}</span>
                </span>
              </Show>
            </button>
          </div>
        )}
      </For>
    </nav>
  );
}
