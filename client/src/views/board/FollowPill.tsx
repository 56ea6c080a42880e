import { Show, type Accessor } from 'solid-js';
import { t } from '../../i18n';
import type { Size, Viewport } from '../../board-logic/viewport';
import { spotOf } from '../../sync/follow';
import type { Session } from '../../sync/session';
import './follow.css';

/**
 * Participants and viewers: follow mode, which they turn on here (the facilitator's "bring
 * everyone here" reaches them either way), and whether it is on. Picking a phase turns it off.
 */
export function FollowPill(props: { session: Session }) {
  return (
    <div
      class="follow-pill"
      classList={{ 'follow-pill-off': !props.session.following() }}
      data-testid="follow.pill"
      data-following={props.session.following() ? 'true' : 'false'}
      // Which spotlight this device has received: lets tests (and support) tell "not moved" from
      // "not arrived yet".
      data-spotlight-seq={props.session.spotlight()?.seq ?? 0}
      role="status"
    >
      <Show
        when={props.session.following()}
        fallback={
          <button class="btn follow-pill-toggle" data-testid="follow.toggle" title={t('follow.followTitle')} onClick={() => props.session.setFollowing(true)}>
            {t('follow.follow')}
          </button>
        }
      >
        <span class="follow-pill-dot" aria-hidden="true" />
        <span class="follow-pill-text">{t('follow.following')}</span>
      </Show>
    </div>
  );
}

/** Facilitator: brings everyone to the phase and the part of the board on this screen. */
export function SpotlightButton(props: { session: Session; viewport: Accessor<Viewport>; canvasSize: Accessor<Size | null> }) {
  return (
    <button
      class="btn follow-spotlight"
      data-testid="follow.spotlight"
      title={t('follow.spotlightTitle')}
      onClick={() => props.session.bringEveryone(props.session.viewPhase(), spotOf(props.viewport(), props.canvasSize()))}
    >
      {t('follow.spotlight')}
    </button>
  );
}
