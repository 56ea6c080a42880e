import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { PendingCount } from '../../sync/pending';
import type { Session } from '../../sync/session';

/** "3 notes not sent", or for dots and settings alone "changes not sent"; null when nothing waits. */
function pendingText(p: PendingCount): string | null {
  if (p.notes > 0) return t('connection.pendingNotes', { count: p.notes });
  return p.other > 0 ? t('connection.pendingOther') : null;
}

/**
 * Online / offline / syncing for the whole session, and what this device has not sent yet,
 * counted in notes (sync/pending.ts: sent and answered by the server; all are saved on this
 * device). Offline as soon as the browser or the heartbeat says so (sync/liveness.ts). Nothing
 * waiting shows no number at all: a bare "0" beside "online" read as "nobody online".
 */
export function ConnectionBadge(props: { session: Session }) {
  const status = () => props.session.connection().status;
  const pending = () => pendingText(props.session.connection().pending);
  return (
    <div
      class="badge"
      data-testid="badge.connection"
      data-status={status()}
      data-pending-notes={props.session.connection().pending.notes}
      data-pending-other={props.session.connection().pending.other}
      role="status"
      title={t(`connection.title.${status()}`)}
    >
      <span class="badge-dot" aria-hidden="true" />
      <span class="badge-label">{t(`connection.${status()}`)}</span>
      <Show when={pending()}>
        {(text) => (
          <span class="badge-pending" data-testid="badge.pending">
            {text()}
          </span>
        )}
      </Show>
    </div>
  );
}
