import { createSignal, Show, type Accessor } from 'solid-js';
import type { Size, Viewport } from '../../board-logic/viewport';
import { t } from '../../i18n';
import { linkClick } from '../../lib/router';
import { updateReady } from '../../pwa';
import type { Session } from '../../sync/session';
import { ConnectionBadge } from './ConnectionBadge';
import { ShareIcon } from './icons';
import { FollowPill, SpotlightButton } from './FollowPill';
import { ProjectorToggle } from './ProjectorToggles';
import { PresenceList } from './PresenceList';
import { ReadOnlyBadge } from './ReadOnlyBadge';
import { ShareDialog } from './ShareDialog';
import { ShortcutsButton } from './ShortcutsDialog';
import { TimerBadge } from './TimerBadge';
import { FacilitatorButton } from '../facilitator/FacilitatorButton';
import { LanguagePicker } from '../LanguagePicker';
import './topbar.css';

export function TopBar(props: {
  session: Session;
  viewport: Accessor<Viewport>;
  canvasSize: Accessor<Size | null>;
  /** Into the projector view (offered to viewers, whose links open there). */
  onProjector?: () => void;
}) {
  const undo = () => props.session.phase()?.undo;
  const ready = () => props.session.availability() === 'ready';
  const editable = () => ready() && !props.session.readOnly();
  const [sharing, setSharing] = createSignal(false);
  // The round timer (everyone) and the facilitator's control-document writes, on the server clock.
  const facilitation = () => props.session.facilitation;
  return (
    <header class="topbar">
      <a class="topbar-home" href="/" onClick={linkClick} aria-label={t('board.home')} title={t('board.home')}>
        <img src="/icon.svg" alt="" width="32" height="32" />
      </a>
      <h1 class="topbar-title" data-testid="board.title" title={props.session.session.meta.title}>
        {ready() ? props.session.session.meta.title : ''}
      </h1>
      <Show when={ready()}>
        <Show when={props.session.canControl()} fallback={<FollowPill session={props.session} />}>
          <SpotlightButton session={props.session} viewport={props.viewport} canvasSize={props.canvasSize} />
        </Show>
      </Show>
      <div class="topbar-end">
        <Show when={ready()}>
          <TimerBadge timer={facilitation().timer} clock={facilitation().clock} onEndNow={props.session.canControl() ? facilitation().endTimer : undefined} />
        </Show>
        <Show when={ready() && props.session.role() === 'facilitator'}>
          <FacilitatorButton session={props.session} facilitation={facilitation()} />
        </Show>
        <ReadOnlyBadge session={props.session} />
        <Show when={ready() && props.session.role() === 'viewer' && props.onProjector}>
          {(open) => <ProjectorToggle on={false} onChange={() => open()()} />}
        </Show>
        <Show when={props.session.share}>
          {(share) => (
            <>
              <button class="btn topbar-share" data-testid="board.share" title={t('share.open')} onClick={() => setSharing(true)}>
                <ShareIcon />
                <span>{t('share.open')}</span>
              </button>
              <Show when={sharing()}>
                <ShareDialog share={share()} onClose={() => setSharing(false)} />
              </Show>
            </>
          )}
        </Show>
        <div class="topbar-group" role="group" aria-label={`${t('board.undo')} / ${t('board.redo')}`}>
          <button
            class="btn btn-icon"
            data-testid="board.undo"
            aria-label={t('board.undo')}
            title={`${t('board.undo')} (Ctrl+Z)`}
            disabled={!editable() || !undo()?.canUndo()}
            onClick={() => undo()?.undo()}
          >
            <UndoIcon />
          </button>
          <button
            class="btn btn-icon"
            data-testid="board.redo"
            aria-label={t('board.redo')}
            title={`${t('board.redo')} (Ctrl+Shift+Z)`}
            disabled={!editable() || !undo()?.canRedo()}
            onClick={() => undo()?.redo()}
          >
            <UndoIcon redo />
          </button>
        </div>
        <ShortcutsButton />
        <PresenceList session={props.session} />
        <ConnectionBadge session={props.session} />
        <LanguagePicker compact />
        <Show when={updateReady()}>
          <button class="btn topbar-update" onClick={() => location.reload()} title={t('app.updateReady')}>
            {t('app.reload')}
          </button>
        </Show>
      </div>
    </header>
  );
}

function UndoIcon(props: { redo?: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" style={props.redo ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M9 14 4 9l5-5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
