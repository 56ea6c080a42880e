import { For, Show, type Accessor } from 'solid-js';
import { CROSS_CUTTING, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import type { Cell } from '../../board-logic/layout';
import type { Size, Viewport } from '../../board-logic/viewport';
import { voteBarsReach } from '../../board-logic/vote-bars';
import { useBoard } from './context';
import { createProjectorFrame } from './projector-frame';
import { useVotes } from './votes-view';

/**
 * The projector's framing of the phase on screen (projector-frame.ts), and what paging needs on
 * the wall: which page of how many, and the headers of the columns whose own header a lower page
 * has scrolled away, pinned to the top so every column on the wall still says what it is.
 */
export function ProjectorPages(props: { size: Accessor<Size | null>; setViewport: (vp: Viewport) => void }) {
  const board = useBoard();
  const votes = useVotes();
  // After voting closed, each column's chart floats above it: the wall shows it whole.
  const above = () => {
    const v = votes();
    if (!v || v.open) return 0;
    return voteBarsReach(Object.values(board.phase.notes).filter((n): n is Note => n !== undefined), v.counts);
  };
  const frame = createProjectorFrame({
    layout: board.layout,
    above,
    size: () => props.size(),
    phaseId: board.phase.phaseId,
    brought: board.session.brought,
    viewport: board.viewport,
    setViewport: (vp) => props.setViewport(vp),
  });
  const shown = () => frame.pages()[frame.page()]?.shows ?? null;
  // Cells cut by the page's top edge: their header is above the screen, their notes on it.
  const cut = () => {
    const top = shown()?.y ?? 0;
    const l = board.layout();
    return [...l.columns, l.cross].filter((c) => top > c.y && top < c.y + c.height);
  };
  const label = (cell: Cell) =>
    cell.topic === CROSS_CUTTING ? t('board.crossCutting') : (board.session.session.topics.find((topic) => topic.id === cell.topic)?.label ?? '');
  const place = (cell: Cell) => {
    const vp = board.viewport();
    return { left: `${cell.x * vp.zoom + vp.x}px`, width: `${cell.width * vp.zoom}px`, 'font-size': `${20 * vp.zoom}px` };
  };
  return (
    <>
      <Show when={cut().length > 0}>
        <div class="projector-headers" aria-hidden="true">
          <For each={cut()}>
            {(cell) => (
              <div
                class="projector-header"
                classList={{ 'projector-header-cross': cell.topic === CROSS_CUTTING }}
                data-testid="projector.column-header"
                data-topic-id={cell.topic}
                style={place(cell)}
              >
                {label(cell)}
              </div>
            )}
          </For>
        </div>
      </Show>
      <Show when={frame.pages().length > 1}>
        <p class="projector-page" data-testid="projector.page" data-page={frame.page() + 1} data-pages={frame.pages().length}>
          {t('projector.page', { page: frame.page() + 1, pages: frame.pages().length })}
        </p>
      </Show>
    </>
  );
}
