import { createEffect, createSignal, lazy, Match, on, onCleanup, Show, Suspense, Switch, untrack } from 'solid-js';
import { t, type MessageKey } from '../../i18n';
import { IDENTITY, type Size, type Viewport } from '../../board-logic/viewport';
import { takeLinkToken, type Credentials } from '../../lib/credentials';
import { planOpening, settleOpening, type Opening } from '../../lib/link-choice';
import { linkClick } from '../../lib/router';
import { browserStore } from '../../lib/storage';
import { createFollowViewport } from '../../sync/follow';
import { fetchRole } from '../../sync/api';
import { createSession } from '../../sync/session';
import type { AccessProblem } from '../../sync/auth';
import { loadProjectorChoice, projectorOn, saveProjectorChoice } from './projector';
import { ProjectorBar } from './ProjectorBar';
import { createMe } from './me';
import { NameDialog } from './NameDialog';
import { Announcer } from './Announcer';
import { Banner } from './Banner';
import { LinkChoice, LinkRefused } from './LinkChoice';
import { RefusalBanner } from './RefusalBanner';
import { ControlRepairsNotice } from './ControlRepairsNotice';
import { createUndoShortcuts } from './create-undo-shortcuts';
import { PhaseCanvas } from './PhaseCanvas';

import { isFormKind } from '@wcb/shared';
import { QuestionBar } from './QuestionBar';
import { SeatControls } from './SeatControls';
import { TopBar } from './TopBar';
import { RunStrip } from '../run/RunStrip';
import { createPhoneScreen } from '../phone/phone-screen';
import { PhoneBody } from '../phone/PhoneBody';
import { PhoneHeader } from '../phone/PhoneHeader';
import './board.css';
import '../../styles/touch.css';
import './touch.css';

const PROBLEM_TEXT: Record<AccessProblem, MessageKey> = {
  unauthorized: 'board.unauthorized',
  'unknown-session': 'board.unknownSession',
  'rate-limited': 'board.registerRateLimited',
  'server-full': 'board.registerServerFull',
  'too-large': 'board.registerTooLarge',
};

// Matrix, checklist and survey phases are drawn by their own chunk, loaded when one is shown.
const FormPhase = lazy(() => import('../forms/FormPhase').then((m) => ({ default: m.FormPhase })));

export function BoardPage(props: { sessionId: string }) {
  // eslint-disable-next-line solid/reactivity -- App remounts the page for another session id.
  const id = props.sessionId;
  const store = browserStore();
  const [opening, setOpening] = createSignal<Opening>(planOpening(store, id, takeLinkToken(id)));
  const [use, setUse] = createSignal<'own' | 'link' | null>(null);
  const [refused, setRefused] = createSignal(false);
  // Read once: only the first plan can be an 'ask', and settling it never asks again.
  const first = untrack(opening);
  if (first.kind === 'ask') {
    let live = true;
    onCleanup(() => (live = false));
    void settleOpening(store, id, first.token, fetchRole).then((settled) => {
      if (!live) return;
      setRefused(settled.refused);
      setOpening(settled.opening);
    });
  }
  // Until the person picks, the board behind the choice already runs with the device's own role.
  const credentials = (): Credentials | null => {
    const o = opening();
    if (o.kind === 'open') return o.credentials;
    return o.kind === 'choose' ? (use() === 'link' ? o.link : o.own) : null;
  };
  const choice = () => {
    const o = opening();
    return o.kind === 'choose' && use() === null ? o : null;
  };
  return (
    <>
      <Switch fallback={<NoToken sessionId={id} />}>
        <Match when={opening().kind === 'ask'}>
          <Waiting sessionId={id} reason="checking-link" text={t('board.checkingLink')} />
        </Match>
        <Match when={credentials()} keyed>
          {(c) => <Board credentials={c} />}
        </Match>
      </Switch>
      <Show when={choice()}>{(o) => <LinkChoice own={o().own.role} link={o().link.role} onChoose={setUse} />}</Show>
      <Show when={refused()}>
        <LinkRefused onClose={() => setRefused(false)} />
      </Show>
    </>
  );
}

/** The board's place while there is nothing to show yet. */
function Waiting(props: { sessionId: string; reason: string; text: string }) {
  return (
    <div class="board" data-testid="board.root" data-session-id={props.sessionId} data-phase-id="">
      <div class="board-waiting">
        <Banner kind="info" busy reason={props.reason}>
          <p class="banner-text">{props.text}</p>
        </Banner>
      </div>
    </div>
  );
}

/** Without a token the server lets nobody in: say where one comes from. */
function NoToken(props: { sessionId: string }) {
  return (
    <div class="board" data-testid="board.root" data-session-id={props.sessionId} data-phase-id="">
      <div class="board-waiting">
        <Banner kind="warning" reason="no-token">
          <p class="banner-text">{t('board.noToken')}</p>
          <a href="/" onClick={linkClick}>
            {t('board.home')}
          </a>
        </Banner>
      </div>
    </div>
  );
}

function Board(props: { credentials: Credentials }) {
  // eslint-disable-next-line solid/reactivity -- BoardPage remounts for other credentials.
  const { credentials } = props;
  const id = credentials.sessionId;
  const me = createMe(browserStore());
  const session = createSession(credentials, untrack(me.user));
  // A name given in the prompt, or a guest's name in a newly picked language, reaches everyone.
  createEffect(on(me.user, (user) => session.setUser(user), { defer: true }));
  // The viewport outlives phase switches: the columns stay where people were looking.
  const [viewport, setViewport] = createSignal<Viewport>(IDENTITY);
  // The canvas's size, measured by PhaseCanvas: spotlights are board points, centred on this canvas.
  const [canvasSize, setCanvasSize] = createSignal<Size | null>(null);
  // The projector view (viewer links, or on request): the whole phase in large type, following
  // the facilitator's phase; it frames the phase itself (projector-frame.ts), so neither a pan
  // nor the facilitator's zoom moves it.
  // The choice lasts as long as the tab: a laptop viewer who left the projector keeps the board on
  // reload, the hall's screen keeps the projector.
  const [projectorChoice, setProjectorChoice] = createSignal<boolean | null>(loadProjectorChoice(id));
  // A phone gets a layout made for one hand (views/phone/), a viewer's too, unless they asked
  // for the projector view.
  const phone = createPhoneScreen();
  const phoneView = () => phone() && projectorChoice() !== true;
  const projector = () => !phoneView() && projectorOn(projectorChoice(), session.role());
  const setProjector = (on: boolean) => {
    setProjectorChoice(on);
    saveProjectorChoice(id, on);
  };
  // Asked once per device, of people who write: a projector or a viewer has no name to give.
  const askName = () => !me.prefs().asked && session.availability() === 'ready' && session.role() !== 'viewer' && !projector();
  createEffect(() => {
    if (projector()) session.setFollowing(true);
  });
  // A person's pan, pinch and keys, and a followed move: none of them frame the projector.
  const moveBoard = (vp: Viewport) => {
    if (!projector()) setViewport(vp);
  };
  // Brought by the facilitator's "bring everyone here": their spot (see sync/follow.ts).
  createFollowViewport(session, viewport, moveBoard, canvasSize);
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

  const formKind = (phaseId: string) => {
    const kind = session.session.phases.find((p) => p.id === phaseId)?.kind;
    return kind && isFormKind(kind) ? kind : null;
  };

  const waiting = () => {
    // A refused token or an unknown session has its own banner; a spinner would only mislead.
    if (session.problem()) return null;
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
  const problem = () => {
    const p = session.problem();
    return p ? { reason: p, text: t(PROBLEM_TEXT[p]) } : null;
  };

  return (
    <div
      class="board"
      data-testid="board.root"
      data-session-id={id}
      data-role={session.role()}
      data-phase-id={session.availability() === 'ready' ? session.viewPhase() : ''}
      data-following={session.following()}
      data-view={projector() ? 'projector' : phoneView() ? 'phone' : 'board'}
      classList={{ 'board-projector': projector(), 'board-phone': phoneView() }}
      data-language={session.availability() === 'ready' ? session.session.meta.language : ''}
    >
      <Show when={!phoneView()} fallback={<PhoneHeader session={session} onProjector={() => setProjector(true)} />}>
        <Show when={projector()} fallback={<TopBar session={session} viewport={viewport} canvasSize={canvasSize} onProjector={() => setProjector(true)} />}>
          <ProjectorBar session={session} onLeave={() => setProjector(false)} />
        </Show>
      </Show>
      <Announcer session={session} />
      <Show when={problem()}>
        {(p) => (
          <Banner kind="warning" busy={p().reason !== 'unauthorized'} reason={p().reason}>
            <p class="banner-text">{p().text}</p>
            <a href="/" onClick={linkClick}>
              {t('board.home')}
            </a>
          </Banner>
        )}
      </Show>
      <Show when={waiting()}>
        {(message) => (
          <div class="board-waiting">
            <Banner kind={settled() ? 'warning' : 'info'} busy={!settled()} reason={session.availability()}>
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
      <Show when={askName()}>
        <NameDialog guestName={me.prefs().name} onDone={(name) => me.save(name ? { name, asked: true } : { asked: true })} />
      </Show>
      <Show when={session.availability() === 'ready'}>
        <Show when={session.readOnlyReason() === 'newer'}>
          <Banner kind="warning" reason="newer">
            {t('board.newer')}
          </Banner>
        </Show>
        <RefusalBanner session={session} />
        <ControlRepairsNotice session={session} />
        <RunStrip session={session} />
        <Show when={!projector() && !phoneView()}>
          <div class="board-subbar">
            <QuestionBar session={session} />
            <SeatControls session={session} />
          </div>
        </Show>
        <Show when={phoneView()}>
          <PhoneBody session={session} />
        </Show>
        <Show when={!phoneView() && session.phase()} keyed>
          {(phase) => (
            <Show
              when={formKind(phase.phaseId)}
              fallback={
                <PhaseCanvas
                  session={session}
                  phase={phase}
                  viewport={viewport}
                  setViewport={moveBoard}
                  frameViewport={setViewport}
                  projector={projector}
                  fitOnce={fitOnce}
                  onSize={setCanvasSize}
                />
              }
            >
              {(kind) => (
                <Suspense>
                  <FormPhase session={session} phase={phase} kind={kind()} />
                </Suspense>
              )}
            </Show>
          )}
        </Show>
      </Show>
    </div>
  );
}
