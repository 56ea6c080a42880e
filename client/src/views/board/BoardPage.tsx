import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n';
import { IDENTITY, type Viewport } from '../../board/viewport';
import { loadPrefs } from '../../lib/prefs';
import { linkClick } from '../../lib/router';
import { browserStore } from '../../lib/storage';
import { createSession } from '../../sync/session';
import { Banner } from './Banner';
import { createUndoShortcuts } from './create-undo-shortcuts';
import { PhaseCanvas } from './PhaseCanvas';
import { QuestionBar } from './QuestionBar';
import { TopBar } from './TopBar';
import './board.css';

export function BoardPage(props: { sessionId: string }) {
  // eslint-disable-next-line solid/reactivity -- App remounts the page for another session id.
  const id = props.sessionId;
  const prefs = loadPrefs(browserStore());
  const session = createSession(id, { name: prefs.name, color: prefs.color });
  // The viewport outlives phase switches: the columns stay where people were looking.
  const [viewport, setViewport] = createSignal<Viewport>(IDENTITY);
  let fitted = false;
  const fitOnce = () => {
    const first = !fitted;
    fitted = true;
    return first;
  };

  createUndoShortcuts(() => session.phase()?.undo ?? null, session.readOnly);
  createEffect(() => {
    const title = session.availability() === 'ready' ? session.session.meta.title : '';
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  });
  onCleanup(() => (document.title = t('app.name')));

  const waiting = () => {
    switch (session.availability()) {
      case 'loading':
        return t('board.loading');
      case 'connecting':
        return t('board.connecting');
      case 'offline-empty':
        return t('board.offlineEmpty');
      case 'not-found':
        return t('board.notFound');
      default:
        return null;
    }
  };

  // Nothing more will happen on its own soon: say so, and offer a way back.
  const settled = () => session.availability() === 'offline-empty' || session.availability() === 'not-found';

  return (
    <div
      class="board"
      data-testid="board.root"
      data-session-id={id}
      data-phase-id={session.availability() === 'ready' ? session.session.state.currentPhase : ''}
    >
      <TopBar session={session} />
      <Show when={waiting()}>
        {(message) => (
          <div class="board-waiting">
            <Banner kind={settled() ? 'warning' : 'info'} busy={!settled()}>
              <p class="banner-text">{message()}</p>
              <Show when={settled()}>
                <a href="/" onClick={linkClick}>
                  {t('board.home')}
                </a>
              </Show>
            </Banner>
          </div>
        )}
      </Show>
      <Show when={session.availability() === 'ready'}>
        <Show when={session.readOnly()}>
          <Banner kind="warning">{t('board.newer')}</Banner>
        </Show>
        <QuestionBar session={session} />
        <Show when={session.phase()} keyed>
          {(phase) => (
            <PhaseCanvas session={session} phase={phase} viewport={viewport} setViewport={setViewport} fitOnce={fitOnce} />
          )}
        </Show>
      </Show>
    </div>
  );
}
