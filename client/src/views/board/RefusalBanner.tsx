import { Show } from 'solid-js';
import { t, type MessageKey } from '../../i18n';
import type { Refusal } from '../../sync/refusal';
import type { Session } from '../../sync/session';
import { Banner } from './Banner';

const TEXT: Record<Refusal, MessageKey> = {
  'read-only': 'board.refused.read-only',
  'room-full': 'board.refused.room-full',
  'session-full': 'board.refused.session-full',
  'server-full': 'board.refused.server-full',
  'invalid-record': 'board.refused.invalid-record',
  other: 'board.refused.other',
};

/**
 * Says why the server refused a write, and that the refused edits stay on this device: without
 * it a note would sit on this board and nobody else would ever see it. A phase the server does
 * not know yet (4533) is no refusal: the board says it waits, and the provider keeps retrying.
 */
export function RefusalBanner(props: { session: Session }) {
  return (
    <>
      <Show when={props.session.refusal()}>
        {(refusal) => (
          <Banner kind="warning" reason={`refused-${refusal()}`}>
            <p class="banner-text">{t(TEXT[refusal()])}</p>
          </Banner>
        )}
      </Show>
      <Show when={!props.session.refusal() && props.session.waitingForServer()}>
        <Banner kind="info" busy reason="waiting-phase">
          <p class="banner-text">{t('board.waitingForPhase')}</p>
        </Banner>
      </Show>
    </>
  );
}
