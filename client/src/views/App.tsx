import { createSignal, lazy, Match, onCleanup, Suspense, Switch } from 'solid-js';
import { captureLinkToken } from '../lib/credentials';
import { createRoute, matchRoute } from '../lib/router';
import { browserStore } from '../lib/storage';

// One chunk per page: a participant's link loads the board, not the home page's session creation
// and templates; the home page does not load the board. The service worker precaches both.
const BoardPage = lazy(() => import('./board/BoardPage').then((m) => ({ default: m.BoardPage })));
const HomePage = lazy(() => import('./home/HomePage').then((m) => ({ default: m.HomePage })));

const boardIdOf = (pathname: string): string | null => {
  const r = matchRoute(pathname);
  return r.name === 'board' ? r.sessionId : null;
};

export function App() {
  const store = browserStore();
  // Before the first render: the board reads the token this link brought.
  captureLinkToken(store, boardIdOf);
  // A new link pasted into the address bar of an open board only changes the fragment: no page
  // load, so take its token here and open the board afresh with it.
  const [visit, setVisit] = createSignal(0);
  const onHash = () => {
    if (captureLinkToken(store, boardIdOf)) setVisit((n) => n + 1);
  };
  window.addEventListener('hashchange', onHash);
  onCleanup(() => window.removeEventListener('hashchange', onHash));

  const route = createRoute();
  const board = () => {
    const r = route();
    return r.name === 'board' ? `${visit()}:${r.sessionId}` : null;
  };
  return (
    <Suspense>
      <Switch fallback={<HomePage />}>
        {/* keyed: a different session id (or token) is a different board, with fresh rooms and state */}
        <Match when={board()} keyed>
          {(key) => <BoardPage sessionId={key.slice(key.indexOf(':') + 1)} />}
        </Match>
      </Switch>
    </Suspense>
  );
}
