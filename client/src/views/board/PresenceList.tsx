import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { personName } from './person-name';

// Past this many chips the list would push the badge off a laptop screen; the rest is a count.
const MAX_SHOWN = 6;

/**
 * Everyone in the session (this person first), as name chips in each person's colour on this
 * board, and how many people that is, said so it cannot be misread ("only you", "3 people here").
 * People, not connections: two tabs of one person are one chip.
 */
export function PresenceList(props: { session: Session }) {
  const me = () => props.session.me();
  const others = () => props.session.others();
  const hidden = () => Math.max(0, others().length + 1 - MAX_SHOWN);
  const count = () => others().length + 1;
  return (
    <ul class="presence" data-testid="presence.list" aria-label={t('presence.list')}>
      {/* Offline, nobody else can be seen: "only you" would be a guess, so nothing is said. */}
      <Show when={props.session.connection().status !== 'offline'}>
        <li class="presence-count" data-testid="presence.count" data-count={count()}>
          {count() === 1 ? t('presence.onlyYou') : t('presence.count', { count: count() })}
        </li>
      </Show>
      <li
        class="presence-user presence-self"
        data-testid="presence.user"
        data-person-id={me().id}
        data-color={props.session.colorOf(me())}
        style={{ '--user': props.session.colorOf(me()) }}
        title={`${me().name} ${t('presence.you')}`}
      >
        {me().name}
      </li>
      <For each={others().slice(0, MAX_SHOWN - 1)}>
        {(person) => (
          <li
            class="presence-user"
            data-testid="presence.user"
            data-person-id={person.user.id}
            data-color={props.session.colorOf(person.user)}
            style={{ '--user': props.session.colorOf(person.user) }}
            title={personName(person.user)}
          >
            {personName(person.user)}
          </li>
        )}
      </For>
      {hidden() > 0 && (
        <li class="presence-more" title={others().slice(MAX_SHOWN - 1).map((p) => personName(p.user)).join(', ')}>
          +{hidden()}
        </li>
      )}
    </ul>
  );
}
