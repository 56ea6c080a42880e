import { createMemo, createSignal, onMount, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import { linesToNotes, MAX_NOTE_TEXT, overlongLines, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import { cellTopic, freeSlot, type Cell } from '../../board-logic/layout';
import type { Point } from '../../board-logic/viewport';
import { loadPrefs } from '../../lib/prefs';
import { authorFor } from '../../lib/seat';
import { browserStore } from '../../lib/storage';
import { useBoard } from './context';
import './paste-lines.css';

type Props = { topic: string; label: string; onClose: () => void };

/**
 * A list pasted from a document or chat becomes one note per line in this cell. All of them are
 * one undo step. Rendered in a portal: inside the canvas, the board's pan, zoom and double-click
 * handlers would see every click and keystroke in the dialog.
 */
export function PasteLinesDialog(props: Props) {
  const board = useBoard();
  const [text, setText] = createSignal('');
  let dialog!: HTMLDialogElement;
  let area!: HTMLTextAreaElement;
  onMount(() => {
    dialog.showModal();
    area.focus();
  });
  const parsed = createMemo((): { lines: string[]; error: string } => {
    try {
      return { lines: linesToNotes(text()), error: '' };
    } catch (error) {
      return { lines: [], error: error instanceof Error ? error.message : String(error) };
    }
  });
  const steps = () => board.session.session.phases.find((p) => p.id === board.phase.phaseId)?.kind === 'steps';

  const add = () => {
    const lines = parsed().lines;
    if (!lines.length || board.readOnly()) return;
    const phase = board.phase;
    const cell: Cell = board.layout().cells.get(props.topic) ?? board.layout().cross;
    const known = new Set(board.session.session.topics.map((topic) => topic.id));
    const taken: Point[] = Object.values(phase.notes).filter((n): n is Note => !!n && cellTopic(n.topic, known) === cell.topic);
    const seat = board.session.seat();
    const stamp = { color: board.noteColor(), author: authorFor(loadPrefs(browserStore()).name, seat.anonymous), table: seat.table, round: board.session.round() };
    const end = phase.undo.group();
    try {
      for (const line of lines) {
        if (steps()) {
          const id = phase.actions.addStep(cell.topic, stamp);
          if (id) phase.actions.setText(id, line);
          continue;
        }
        // Each new note takes the next free slot, so the pasted ones neither overlap nor cover others.
        const pos = freeSlot(taken, cell.width);
        taken.push(pos);
        phase.actions.add({ topic: cell.topic, text: line, x: pos.x, y: pos.y, ...stamp });
      }
    } finally {
      end();
    }
    dialog.close();
  };

  return (
    <Portal>
      <dialog
        ref={dialog}
        class="paste-lines"
        data-testid="paste.dialog"
        aria-labelledby="paste-lines-title"
        onClose={() => props.onClose()}
        onClick={(e) => {
          // A click on the backdrop lands on the <dialog> itself.
          if (e.target === dialog) dialog.close();
        }}
      >
        <form
          class="paste-lines-body"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <h2 id="paste-lines-title">{t('paste.title', { topic: props.label })}</h2>
          <label class="paste-lines-label" for="paste-lines-text">
            {t('paste.label')}
          </label>
          <textarea
            id="paste-lines-text"
            ref={area}
            rows={8}
            data-testid="paste.text"
            aria-invalid={parsed().error ? 'true' : undefined}
            aria-describedby={parsed().error ? 'paste-lines-error' : undefined}
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <Show when={parsed().error}>
            <p id="paste-lines-error" class="paste-lines-error" role="alert" data-testid="paste.error">
              {parsed().error}
            </p>
          </Show>
          <Show when={!parsed().error && overlongLines(text()) > 0}>
            <p class="paste-lines-error" role="status" data-testid="paste.overlong">
              {t('paste.overlong', { count: overlongLines(text()), max: MAX_NOTE_TEXT })}
            </p>
          </Show>
          <div class="paste-lines-actions">
            <button type="button" class="btn" data-testid="paste.cancel" onClick={() => dialog.close()}>
              {t('paste.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" data-testid="paste.add" disabled={!parsed().lines.length}>
              {t('paste.add', { count: parsed().lines.length })}
            </button>
          </div>
        </form>
      </dialog>
    </Portal>
  );
}
