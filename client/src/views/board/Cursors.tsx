import { For, Show } from 'solid-js';
import { readableInk } from '../../board-logic/ink';
import { toScreen } from '../../board-logic/viewport';
import { useBoard } from './context';
import { personName } from './person-name';

/**
 * Other people's pointers on this phase. Positions arrive in board coordinates and are placed with
 * this viewer's own pan and zoom; the overlay sits above the canvas in screen space, so labels
 * stay readable at any zoom.
 */
export function Cursors() {
  const board = useBoard();
  const visible = () =>
    Object.entries(board.phase.peers)
      .filter(([, p]) => p.cursor !== null && p.phase === board.phase.phaseId)
      .map(([clientId]) => clientId);
  return (
    <div class="cursors" aria-hidden="true">
      <For each={visible()}>
        {(clientId) => {
          const peer = () => board.phase.peers[Number(clientId)];
          const color = () => {
            const p = peer();
            return p ? board.session.colorOf(p.user) : '';
          };
          const at = () => {
            const c = peer()?.cursor;
            return c ? toScreen(board.viewport(), c) : null;
          };
          return (
            <Show when={at()}>
              {(p) => (
                <div
                  class="cursor"
                  data-testid="cursor"
                  data-client-id={clientId}
                  style={{ transform: `translate(${p().x}px, ${p().y}px)`, '--user': color() }}
                >
                  <svg width="18" height="22" viewBox="0 0 18 22">
                    <path d="M1 1l15 11.5-6.6.9 3.9 7.4-2.7 1.3-3.9-7.5L1 19z" fill="var(--user)" stroke="#fff" stroke-width="1.5" stroke-linejoin="round" />
                  </svg>
                  <span class="cursor-name" data-testid="cursor.name" style={{ color: readableInk(color()) }}>
                    {peer() ? personName(peer()!.user) : ''}
                  </span>
                </div>
              )}
            </Show>
          );
        }}
      </For>
    </div>
  );
}
