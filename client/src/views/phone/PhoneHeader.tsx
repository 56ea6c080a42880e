import { createSignal, lazy, onCleanup, Show, Suspense } from 'solid-js';
import { Portal } from 'solid-js/web';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import { ConnectionBadge } from '../board/ConnectionBadge';
import { ShareDialog } from '../board/ShareDialog';
import { TimerBadge } from '../board/TimerBadge';
import { menuOpen, setMenuOpen } from './menu-state';
import { PhoneMenu } from './PhoneMenu';
import './phone.css';

const FacilitatorPanel = lazy(() => import('../facilitator/FacilitatorPanel').then((m) => ({ default: m.FacilitatorPanel })));

/**
 * A phone's header, one line: the session's title, the round timer and the connection. Everything
 * else (phase, table, name, language, sharing, facilitation) is behind the one menu button.
 */
export function PhoneHeader(props: { session: Session; onProjector?: () => void }) {
  const ready = () => props.session.availability() === 'ready';
  const [sharing, setSharing] = createSignal(false);
  const [facilitating, setFacilitating] = createSignal(false);
  const facilitation = () => props.session.facilitation;
  onCleanup(() => setMenuOpen(false));
  return (
    <header class="phone-header" data-testid="phone.header">
      <h1 class="phone-title" data-testid="board.title" title={props.session.session.meta.title}>
        {ready() ? props.session.session.meta.title : ''}
      </h1>
      <Show when={ready()}>
        <TimerBadge timer={facilitation().timer} clock={facilitation().clock} />
      </Show>
      <ConnectionBadge session={props.session} />
      <button
        type="button"
        class="btn phone-menu-button"
        data-testid="phone.menu"
        aria-haspopup="dialog"
        aria-expanded={menuOpen()}
        aria-label={t('phone.menu')}
        title={t('phone.menu')}
        onClick={() => setMenuOpen(true)}
      >
        <MenuIcon />
      </button>
      <Show when={menuOpen()}>
        <PhoneMenu
          session={props.session}
          onClose={() => setMenuOpen(false)}
          onShare={props.session.share ? () => setSharing(true) : undefined}
          onFacilitate={props.session.role() === 'facilitator' ? () => setFacilitating(true) : undefined}
          onProjector={props.onProjector}
        />
      </Show>
      <Show when={sharing() && props.session.share}>{(share) => <ShareDialog share={share()} onClose={() => setSharing(false)} />}</Show>
      <Show when={facilitating()}>
        <Portal>
          <Suspense>
            <FacilitatorPanel session={props.session} facilitation={facilitation()} onClose={() => setFacilitating(false)} />
          </Suspense>
        </Portal>
      </Show>
    </header>
  );
}

function MenuIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
    </svg>
  );
}
