import { createSignal, For, onCleanup, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n';
import { loadCredentials } from '../../lib/credentials';
import { loadRecent, onRecentChange } from '../../lib/recent';
import { linkClick } from '../../lib/router';
import { browserStore } from '../../lib/storage';

export function RecentSessions() {
  // Re-read whenever the list changes while the home page shows it: an import that has repairs
  // to tell about keeps its session (and lists it) before its board opens.
  const store = browserStore();
  const [recent, setRecent] = createSignal(loadRecent(store));
  onCleanup(onRecentChange(() => setRecent(loadRecent(store))));
  // The strongest role this device holds (a weaker link opened later never hides it); nothing
  // for a link whose role the server has not confirmed yet.
  const roleOf = (id: string) => {
    const c = loadCredentials(store, id);
    return c?.confirmed ? c.role : undefined;
  };
  return (
    <section class="home-card" aria-labelledby="home-recent">
      <h2 id="home-recent">{t('home.recent')}</h2>
      <Show when={recent().length === 0}>
        <p class="home-muted">{t('home.recentEmpty')}</p>
      </Show>
      <ul class="home-recent" data-testid="home.recent">
        <For each={recent()}>
          {(item) => (
            <li data-testid="home.recent-item" data-session-id={item.id} data-role={roleOf(item.id)}>
              <a href={`/s/${item.id}`} onClick={linkClick}>
                <span class="home-recent-title">{item.title || t('home.untitled')}</span>
                <Show when={roleOf(item.id)}>{(role) => <span class="home-recent-role">{t('home.recentRole', { role: t(`role.${role()}`) })}</span>}</Show>
                <time dateTime={new Date(item.openedAt).toISOString()}>{formatDateTime(item.openedAt)}</time>
              </a>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
