import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { usePhone } from './context';

/**
 * A note's dots on a phone: everyone's count when it is shown, and while voting is open this
 * person's dots with a finger-sized "take back" and "place" button. Each tap is one dot; a dot
 * that does not count is said, never dropped silently.
 */
export function PhoneCardVotes(props: { id: string }) {
  const phone = usePhone();
  const v = () => phone.votes();
  const mine = () => v()?.mine.get(props.id) ?? 0;
  const count = () => v()?.counts.get(props.id) ?? 0;
  const voting = () => !!v()?.open && phone.session.role() !== 'viewer';
  const cast = () => {
    const view = v();
    const done = !!view?.voter && view.canVote && (phone.session.votes()?.cast(view.voter, props.id, view.budget) ?? false);
    if (!done) phone.voteFailed();
  };
  const takeBack = () => {
    const view = v();
    const done = !!view?.voter && view.canVote && (phone.session.votes()?.remove(view.voter, props.id) ?? false);
    if (!done) phone.voteFailed();
  };
  return (
    <Show when={v() && (v()!.showCounts || voting())}>
      <div class="phone-card-votes">
        <Show when={v()?.showCounts}>
          <span class="phone-card-count" data-testid="note.votes" data-note-id={props.id}>
            {t('note.votes', { count: count() })}
          </span>
        </Show>
        <Show when={voting()}>
          <span class="phone-card-dots" data-testid="note.my-dots" data-count={mine()} title={t('note.myDots', { count: mine() })}>
            <For each={Array.from({ length: mine() })}>{() => <span class="phone-dot" aria-hidden="true" />}</For>
            <span class="visually-hidden">{t('note.myDots', { count: mine() })}</span>
          </span>
          <button
            type="button"
            class="btn phone-vote"
            data-testid="note.unvote"
            data-note-id={props.id}
            aria-label={t('note.unvote')}
            disabled={!v()?.canVote || mine() === 0}
            onClick={takeBack}
          >
            −
          </button>
          <button
            type="button"
            class="btn phone-vote is-cast"
            data-testid="note.vote"
            data-note-id={props.id}
            aria-label={t('note.vote')}
            disabled={!v()?.canVote || (v()?.left ?? 0) <= 0}
            onClick={cast}
          >
            +●
          </button>
        </Show>
      </div>
    </Show>
  );
}
