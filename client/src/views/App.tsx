import { Match, Switch } from 'solid-js';
import { createRoute } from '../lib/router';
import { BoardPage } from './board/BoardPage';
import { HomePage } from './home/HomePage';

export function App() {
  const route = createRoute();
  const boardId = () => {
    const r = route();
    return r.name === 'board' ? r.sessionId : null;
  };
  return (
    <Switch fallback={<HomePage />}>
      {/* keyed: a different session id is a different board, with fresh rooms and state */}
      <Match when={boardId()} keyed>
        {(id) => <BoardPage sessionId={id} />}
      </Match>
    </Switch>
  );
}
