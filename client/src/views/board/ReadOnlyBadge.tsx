import { Show } from 'solid-js';
import { t, type MessageKey } from '../../i18n';
import type { Session } from '../../sync/session';
import { EyeIcon, LockIcon } from './icons';

const LABELS = {
  viewer: ['board.viewOnly', 'board.viewOnlyTitle'],
  locked: ['board.locked', 'board.lockedTitle'],
  denied: ['board.denied', 'board.deniedTitle'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/**
 * Says why the board has no add buttons or note controls right now. The other reasons (a newer
 * app version, a refused link) have banners of their own.
 */
export function ReadOnlyBadge(props: { session: Session }) {
  const reason = () => {
    const r = props.session.readOnlyReason();
    return r === 'viewer' || r === 'locked' || r === 'denied' ? r : null;
  };
  return (
    <Show when={props.session.availability() === 'ready' && reason()}>
      {(r) => (
        <div class="badge badge-readonly" data-testid="board.readonly" data-reason={r()} role="status" title={t(LABELS[r()][1])}>
          {r() === 'viewer' ? <EyeIcon /> : <LockIcon locked />}
          <span>{t(LABELS[r()][0])}</span>
        </div>
      )}
    </Show>
  );
}
