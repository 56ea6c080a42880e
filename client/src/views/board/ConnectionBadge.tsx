import { t } from '../../i18n';
import type { Session } from '../../sync/session';

/**
 * Online / offline / syncing for the whole session, with the number of local changes not yet
 * sent to the server (see sync/pending.ts: sent, not acknowledged; all are saved on this device).
 */
export function ConnectionBadge(props: { session: Session }) {
  const status = () => props.session.connection().status;
  const pending = () => props.session.connection().pending;
  return (
    <div
      class="badge"
      data-testid="badge.connection"
      data-status={status()}
      role="status"
      title={t(`connection.title.${status()}`)}
    >
      <span class="badge-dot" aria-hidden="true" />
      <span class="badge-label">{t(`connection.${status()}`)}</span>
      <span class="badge-pending" classList={{ 'badge-pending-zero': pending() === 0 }} data-testid="badge.pending" title={t('connection.pending')}>
        {pending()}
      </span>
    </div>
  );
}
