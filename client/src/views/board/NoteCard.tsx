import { createMemo, For, onCleanup, Show } from 'solid-js';
import { NOTE_COLORS } from '@wcb/shared';
import { t } from '../../i18n';
import { notePosition } from '../../board/layout';
import { useBoard } from './context';
import { createNoteDrag } from './create-note-drag';
import { NoteEditor } from './NoteEditor';
import './note.css';

// Arrow keys move a focused note by a small step; with Shift, by about a fifth of a note.
const NUDGE = 8;
const NUDGE_LARGE = 40;

/**
 * A sticky note: text rendered as text (never HTML), draggable, editable in place, with a small
 * toolbar for colour and delete. Keyboard: Enter edits, arrows move, Delete removes.
 */
export function NoteCard(props: { id: string }) {
  const board = useBoard();
  // eslint-disable-next-line solid/reactivity -- a NoteCard is keyed by its note id.
  const id = props.id;
  const note = () => board.phase.notes[id];
  let el!: HTMLDivElement;

  const dragging = () => board.drag()?.id === id;
  const editing = () => board.editing() === id;
  const position = createMemo(() => {
    const live = dragging() ? board.dragPos() : null;
    const n = note();
    return live ?? (n ? notePosition(board.layout(), n) : { x: 0, y: 0 });
  });
  const editors = () => board.editors().get(id) ?? [];
  const drag = createNoteDrag(id, note, board);
  onCleanup(() => board.stopEditing(id));

  const stopEditing = (refocus: boolean) => {
    board.stopEditing(id);
    if (refocus) el.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = note();
    if (e.target !== el || !n || board.readOnly()) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      board.startEditing(id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      remove();
    } else if (e.key === 'Escape') {
      el.blur();
    } else if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      const step = e.shiftKey ? NUDGE_LARGE : NUDGE;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      board.phase.actions.move(id, { x: Math.max(0, n.x + dx), y: Math.max(0, n.y + dy) });
    }
  };
  const remove = () => {
    // Keep keyboard users on the board rather than dropping focus to <body>.
    (el.closest('[data-testid="board.canvas"]') as HTMLElement | null)?.focus();
    board.phase.actions.remove(id);
  };

  return (
    <Show when={note()}>
      {(n) => (
        <div
          ref={el}
          class="note"
          classList={{ 'is-dragging': dragging(), 'is-editing': editing(), 'is-remote-editing': editors().length > 0 }}
          data-testid="note"
          data-note-id={id}
          data-topic-id={n().topic}
          data-color={n().color}
          tabIndex={0}
          role="group"
          aria-roledescription="note"
          aria-label={n().text ? t('note.label', { text: n().text }) : t('note.empty')}
          aria-description={t('note.help')}
          style={{
            transform: `translate(${position().x}px, ${position().y}px)`,
            '--note-bg': `var(--note-${n().color})`,
            '--editor': editors()[0]?.user.color,
          }}
          onPointerDown={drag.onPointerDown}
          onPointerMove={drag.onPointerMove}
          onPointerUp={drag.onPointerUp}
          onPointerCancel={drag.onPointerCancel}
          onDblClick={(e) => {
            if (!(e.target instanceof Element && e.target.closest('button'))) board.startEditing(id);
          }}
          onKeyDown={onKeyDown}
        >
          <Show when={editors().length > 0}>
            <div class="note-editing-by" data-testid="note.editing-by">
              {t('note.editingBy', { name: editors().map((p) => p.user.name).join(', ') })}
            </div>
          </Show>
          <Show
            when={editing()}
            fallback={
              <div class="note-text" data-testid="note.text">
                {n().text}
              </div>
            }
          >
            <NoteEditor text={n().text} onInput={(text) => board.phase.actions.setText(id, text)} onDone={stopEditing} />
          </Show>
          <Show when={!board.readOnly()}>
            <div class="note-toolbar" role="toolbar" aria-label={t('note.edit')}>
              <For each={NOTE_COLORS}>
                {(color) => (
                  <button
                    class="note-swatch"
                    data-testid="note.color"
                    data-color={color}
                    style={{ '--swatch': `var(--note-${color})` }}
                    aria-label={t('note.color', { color: t(`color.${color}`) })}
                    aria-pressed={n().color === color}
                    title={t('note.color', { color: t(`color.${color}`) })}
                    onClick={() => {
                      board.phase.actions.recolor(id, color);
                      board.setNoteColor(color);
                    }}
                  />
                )}
              </For>
              <button class="note-delete" data-testid="note.delete" aria-label={t('note.delete')} title={t('note.delete')} onClick={remove}>
                <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
                  <path
                    d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"
                    fill="none"
                    stroke="currentColor"
                    stroke-width="2"
                    stroke-linecap="round"
                    stroke-linejoin="round"
                  />
                </svg>
              </button>
            </div>
          </Show>
        </div>
      )}
    </Show>
  );
}
