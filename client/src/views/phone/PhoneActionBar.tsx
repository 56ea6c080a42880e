import { createEffect, createSignal, on, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { ReadOnlyBadge } from '../board/ReadOnlyBadge';
import { setMenuOpen } from './menu-state';

type Props = {
  session: Session;
  steps: boolean;
  topic: string;
  topicLabel: string;
  /** The press on "add" began: keys typed from now on go to the new note. */
  onArm: () => void;
  onAdd: () => void;
  /** Bumped each time a dot did not count. */
  voteFailures: number;
};

/**
 * The bottom of a phone's screen, under the thumb: the dots left while voting (always in sight),
 * and a large "add" button. In the page's flow, never floating over a note.
 */
export function PhoneActionBar(props: Props) {
  const s = () => props.session;
  const voting = () => {
    const v = s().voting();
    return v && v.open && s().votes() && s().role() !== 'viewer' ? v : null;
  };
  const left = () => {
    const v = voting();
    const voter = s().voter();
    const room = s().votes();
    return v && voter && room ? room.mine(voter, v.budget).left : 0;
  };
  // A dot that did not count is said until the next one does.
  const [failed, setFailed] = createSignal(false);
  createEffect(on(() => props.voteFailures, (n) => n > 0 && setFailed(true), { defer: true }));
  createEffect(on(left, () => setFailed(false), { defer: true }));
  return (
    <div class="phone-actions" data-testid="phone.actions">
      <Show when={voting()}>
        {(v) => (
          <Show
            when={s().voter()}
            fallback={
              <button type="button" class="btn phone-budget is-missing" data-testid="board.pick-table" onClick={() => setMenuOpen(true)}>
                {t('vote.pickTable')}
              </button>
            }
          >
            <p class="phone-budget" data-testid="board.dots-left" data-left={left()} data-budget={v().budget} role="status">
              {t('vote.left', { left: left(), budget: v().budget })}
            </p>
          </Show>
        )}
      </Show>
      <Show when={failed()}>
        <p class="phone-vote-failed" data-testid="phone.vote-failed" role="alert">
          {t('phone.voteNotCounted')}
        </p>
      </Show>
      <Show when={!s().readOnly()} fallback={<ReadOnlyBadge session={s()} />}>
        <button
          type="button"
          class="btn btn-primary phone-add"
          data-testid="phone.add-note"
          data-topic-id={props.topic}
          // The press takes the keys at once (board/type-ahead.ts) and keeps the focus off the
          // button, so a space typed at once does not press it again.
          onPointerDown={() => props.onArm()}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onAdd()}
        >
          <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
          </svg>
          <span>{t(props.steps ? 'phone.addStep' : 'phone.addNote')}</span>
          <span class="visually-hidden">{props.topicLabel}</span>
        </button>
      </Show>
    </div>
  );
}
