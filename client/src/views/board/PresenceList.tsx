import { For } from 'solid-js';
import { t } from '../../i18n';
import { loadPrefs } from '../../lib/prefs';
import { browserStore } from '../../lib/storage';
import type { Session } from '../../sync/session';

// Past this many chips the list would push the badge off a laptop screen; the rest is a count.
const MAX_SHOWN = 6;

/** Everyone in the session (this person first), as coloured name chips. */
export function PresenceList(props: { session: Session }) {
  const me = loadPrefs(browserStore());
  const others = () =>
    Object.entries(props.session.people)
      .filter(([, p]) => p.user.name)
      .map(([clientId, p]) => ({ clientId, ...p.user }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const hidden = () => Math.max(0, others().length + 1 - MAX_SHOWN);
  return (
    <ul class="presence" data-testid="presence.list" aria-label={t('presence.list')}>
      <li class="presence-user presence-self" data-testid="presence.user" style={{ '--user': me.color }} title={`${me.name} ${t('presence.you')}`}>
        {me.name}
      </li>
      <For each={others().slice(0, MAX_SHOWN - 1)}>
        {(user) => (
          <li class="presence-user" data-testid="presence.user" data-client-id={user.clientId} style={{ '--user': user.color }} title={user.name}>
            {user.name}
          </li>
        )}
      </For>
      {hidden() > 0 && (
        <li class="presence-more" title={others().slice(MAX_SHOWN - 1).map((u) => u.name).join(', ')}>
          +{hidden()}
        </li>
      )}
    </ul>
  );
}
