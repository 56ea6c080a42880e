import { For } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';

/**
 * One tab per phase; the selected one is the session's current phase. Choosing a tab moves
 * everybody to that phase (facilitator-only once roles exist). Arrow keys move between tabs.
 */
export function PhaseTabs(props: { session: Session }) {
  const phases = () => props.session.session.phases;
  const current = () => props.session.session.state.currentPhase;
  const select = (id: string) => {
    if (id !== current()) props.session.setPhase(id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const list = phases();
    const index = list.findIndex((p) => p.id === current());
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const target = step ? list[(index + step + list.length) % list.length] : undefined;
    if (!target) return;
    e.preventDefault();
    select(target.id);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-phase-id="${CSS.escape(target.id)}"]`)?.focus();
  };
  return (
    <nav class="tabs" role="tablist" aria-label={t('board.phases')} onKeyDown={onKeyDown}>
      <For each={phases()}>
        {(phase, i) => (
          <button
            role="tab"
            class="tab"
            data-testid="board.phase-tab"
            data-phase-id={phase.id}
            aria-selected={phase.id === current()}
            tabIndex={phase.id === current() ? 0 : -1}
            title={phase.title}
            disabled={props.session.readOnly()}
            onClick={() => select(phase.id)}
          >
            <span class="tab-number">{i() + 1}</span>
            <span class="tab-title">{phase.title}</span>
          </button>
        )}
      </For>
    </nav>
  );
}
