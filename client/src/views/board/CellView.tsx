import { createSignal, Show } from 'solid-js';
import { CROSS_CUTTING } from '@wcb/shared';
import { t } from '../../i18n';
import { useBoard } from './context';
import { PasteLinesDialog } from './PasteLinesDialog';
import { StepsList } from './StepsList';
import { VoteBar } from './VoteBar';
import './selection.css';

// A tablet's finger double-taps where a mouse double-clicks: the hint names the gesture the device has.
const COARSE_POINTER = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/**
 * One topic column (or the cross-cutting row): a header with the topic and an add button, and a
 * body for notes (double-clicking it is handled by the canvas, which owns the pointer). Notes are
 * drawn by the world layer above the cells, not inside them, so moving a note between cells never
 * re-creates it.
 */
export function CellView(props: { topic: string }) {
  const board = useBoard();
  const cross = () => props.topic === CROSS_CUTTING;
  const cell = () => board.layout().cells.get(props.topic) ?? board.layout().cross;
  const label = () =>
    cross() ? t('board.crossCutting') : (board.session.session.topics.find((topic) => topic.id === props.topic)?.label ?? '');
  const headingId = () => `cell-${props.topic}`;
  const steps = () => board.session.session.phases.find((p) => p.id === board.phase.phaseId)?.kind === 'steps';
  const selectedCount = () => (cross() ? 0 : board.session.facilitation.criteria.count(board.phase.phaseId, props.topic));
  const known = () => new Set(board.session.session.topics.map((topic) => topic.id));
  const [pasting, setPasting] = createSignal(false);
  return (
    <section
      class="cell"
      classList={{ 'cell-cross': cross() }}
      data-testid={cross() ? 'board.cross-row' : 'board.column'}
      data-topic-id={props.topic}
      aria-labelledby={headingId()}
      style={{ transform: `translate(${cell().x}px, ${cell().y}px)`, width: `${cell().width}px`, height: `${cell().height}px` }}
    >
      <header class="cell-header" data-testid="board.column-header">
        <h3 id={headingId()} class="cell-label" title={label()}>
          {label()}
        </h3>
        <Show when={selectedCount() > 0}>
          <span class="cell-selected" data-testid="board.selected-count" data-count={selectedCount()}>
            {t('board.selectedCount', { count: selectedCount() })}
          </span>
        </Show>
        <Show when={!board.readOnly()}>
          <button
            class="btn cell-paste"
            data-testid="board.paste-lines"
            data-topic-id={props.topic}
            title={t('paste.openTitle', { topic: label() })}
            onClick={() => setPasting(true)}
          >
            {t('paste.open')}
          </button>
          <button
            class="cell-add"
            data-testid="board.add-note"
            data-topic-id={props.topic}
            aria-label={t('board.addNote', { topic: label() })}
            title={t('board.addNote', { topic: label() })}
            // The press already takes the keys (type-ahead.ts), and keeps the focus off the button:
            // a space typed at once must not press it again.
            onPointerDown={() => board.typeAhead.arm(true)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => board.addNote(props.topic)}
          >
            <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
            </svg>
          </button>
        </Show>
      </header>
      <Show when={pasting() && !board.readOnly()}>
        <PasteLinesDialog topic={props.topic} label={label()} onClose={() => setPasting(false)} />
      </Show>
      <Show when={!cross()}>
        <VoteBar topic={props.topic} label={label()} />
      </Show>
      <Show
        when={steps()}
        fallback={
          <Show when={cell().count === 0 && !board.readOnly()}>
            <p class="cell-hint">{t(COARSE_POINTER ? 'board.emptyCellTouch' : 'board.emptyCell')}</p>
          </Show>
        }
      >
        <StepsList topic={props.topic} known={known()} label={label()} />
        <Show when={cell().count === 0 && !board.readOnly()}>
          <p class="cell-hint">{t('steps.empty')}</p>
        </Show>
      </Show>
    </section>
  );
}
