import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { linkClick } from '../../lib/router';
import { updateReady } from '../../pwa';
import type { Session } from '../../sync/session';
import { FollowPill } from '../board/FollowPill';
import { LockIcon } from '../board/icons';
import { PresenceList } from '../board/PresenceList';
import { LanguagePicker } from '../LanguagePicker';
import { closeSheetOf, PhoneSheet } from './PhoneSheet';
import { PhoneSeat } from './PhoneSeat';

type Props = {
  session: Session;
  onClose: () => void;
  /** The facilitator's links (share dialog); absent for everyone else. */
  onShare?: () => void;
  /** The facilitator's panel; absent for everyone else. */
  onFacilitate?: () => void;
  /** A viewer's way into the projector view. */
  onProjector?: () => void;
};

/** Everything a phone's one-line header leaves out, in one sheet: phase, seat, people, language, more. */
export function PhoneMenu(props: Props) {
  const title = () => props.session.session.meta.title;
  return (
    <PhoneSheet testId="phone.menu-sheet" title={title() || t('phone.menu')} onClose={() => props.onClose()}>
      <PhaseSection session={props.session} />
      <Show when={props.session.role() !== 'viewer'}>
        <PhoneSeat session={props.session} />
      </Show>
      <section class="phone-menu-section" aria-labelledby="phone-menu-people">
        <h3 id="phone-menu-people">{t('presence.list')}</h3>
        <PresenceList session={props.session} />
      </section>
      <MoreSection {...props} />
    </PhoneSheet>
  );
}

/** Which phase this phone shows: the facilitator's choice moves everyone, anyone else's leaves follow mode. */
function PhaseSection(props: { session: Session }) {
  const s = () => props.session;
  const current = () => s().viewPhase();
  const locked = (id: string) => s().lockedPhases().has(id);
  return (
    <section class="phone-menu-section" aria-labelledby="phone-menu-phases">
      <h3 id="phone-menu-phases">{t('board.phases')}</h3>
      <Show when={s().canControl()} fallback={<FollowPill session={s()} />}>
        <button type="button" class="btn phone-wide" data-testid="follow.spotlight" onClick={() => s().bringEveryone(current(), null)}>
          {t('follow.spotlight')}
        </button>
      </Show>
      <ol class="phone-choices">
        <For each={s().session.phases}>
          {(phase, i) => (
            <li>
              <button
                type="button"
                class="btn phone-choice"
                data-testid="phone.phase"
                data-phase-id={phase.id}
                data-locked={locked(phase.id)}
                aria-current={phase.id === current() ? 'true' : undefined}
                onClick={(e) => {
                  s().setPhase(phase.id);
                  closeSheetOf(e.currentTarget);
                }}
              >
                <span class="phone-choice-number">{i() + 1}</span>
                <span class="phone-choice-label">{phase.title}</span>
                <Show when={locked(phase.id)}>
                  <span class="phone-choice-meta" data-testid="board.phase-locked" data-phase-id={phase.id}>
                    <LockIcon locked />
                    {t('board.phaseLocked')}
                  </span>
                </Show>
              </button>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

function MoreSection(props: Props) {
  const undo = () => props.session.phase()?.undo;
  const editable = () => props.session.availability() === 'ready' && !props.session.readOnly();
  // Opens another dialog: this sheet closes first, so the two never stack.
  const thenClose = (e: MouseEvent, open: () => void) => {
    closeSheetOf(e.currentTarget as Element);
    open();
  };
  return (
    <section class="phone-menu-section" aria-labelledby="phone-menu-more">
      <h3 id="phone-menu-more">{t('phone.more')}</h3>
      <LanguagePicker />
      <div class="phone-row">
        <button type="button" class="btn" data-testid="board.undo" disabled={!editable() || !undo()?.canUndo()} onClick={() => undo()?.undo()}>
          {t('board.undo')}
        </button>
        <button type="button" class="btn" data-testid="board.redo" disabled={!editable() || !undo()?.canRedo()} onClick={() => undo()?.redo()}>
          {t('board.redo')}
        </button>
      </div>
      <Show when={props.onShare}>
        {(open) => (
          <button type="button" class="btn phone-wide" data-testid="board.share" onClick={(e) => thenClose(e, open())}>
            {t('share.open')}
          </button>
        )}
      </Show>
      <Show when={props.onFacilitate}>
        {(open) => (
          <button type="button" class="btn phone-wide" data-testid="board.facilitate" onClick={(e) => thenClose(e, open())}>
            {t('facilitator.open')}
          </button>
        )}
      </Show>
      <Show when={props.session.role() === 'viewer' && props.onProjector}>
        {(open) => (
          <button type="button" class="btn phone-wide" data-testid="projector.toggle" data-on="false" onClick={(e) => thenClose(e, open())}>
            {t('projector.open')}
          </button>
        )}
      </Show>
      <Show when={updateReady()}>
        <button type="button" class="btn phone-wide" onClick={() => location.reload()}>
          {t('app.reload')}
        </button>
      </Show>
      <a class="btn phone-wide" href="/" onClick={linkClick}>
        {t('board.home')}
      </a>
    </section>
  );
}
