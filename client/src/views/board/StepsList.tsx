import { createMemo, For, Show } from 'solid-js';
import { byOrder, type Note } from '@wcb/shared';
import { t } from '../../i18n';
import { dropBefore } from '../../board-logic/steps-layout';
import { useBoard } from './context';
import { NoteEditor } from './NoteEditor';
import { useVotes } from './votes-view';
import { rememberDeleted } from './note-focus';

// Below this many screen pixels a press is a click (focus, double-click to edit), not a drag.
const DRAG_THRESHOLD_PX = 4;

type Gesture = { id: string; pointerId: number; y: number; started: boolean };

/**
 * One topic of a 'steps' phase as a numbered list (readSteps order: fractional `order`, then id).
 * Reorder by dragging an item within the list, or with Alt+ArrowUp / Alt+ArrowDown on a focused
 * item; each move rewrites one step's order, so everyone's numbering follows at once.
 */
export function StepsList(props: { topic: string; known: ReadonlySet<string>; label: string }) {
  const board = useBoard();
  let list!: HTMLOListElement;
  let gesture: Gesture | null = null;
  const steps = createMemo(() =>
    Object.values(board.phase.notes)
      .filter((n): n is Note => n !== undefined && (props.known.has(n.topic) ? n.topic : '_cross') === props.topic)
      .sort(byOrder),
  );
  const ids = () => steps().map((s) => s.id);
  const votes = useVotes();
  const phaseTitle = () => board.session.session.phases.find((p) => p.id === board.phase.phaseId)?.title ?? '';
  // Number, topic, text, phase, author and dots: what a sighted reader sees of the step.
  const stepLabel = (step: Note, n: number) => {
    const v = votes();
    return [
      t('a11y.stepTopic', { n, topic: props.label, text: step.text || t('note.empty') }),
      t('a11y.notePhase', { phase: phaseTitle() }),
      t('a11y.noteAuthor', { author: step.author || t('note.anonymous') }),
      v?.showCounts ? t('note.votes', { count: v.counts.get(step.id) ?? 0 }) : '',
    ]
      .filter(Boolean)
      .join(', ');
  };

  const itemEl = (id: string) => list.querySelector<HTMLElement>(`[data-testid="steps.item"][data-note-id="${CSS.escape(id)}"]`);
  // <For> moves the element of a reordered step, and a moved element loses focus: give it back.
  const refocus = (id: string) => requestAnimationFrame(() => itemEl(id)?.focus());

  const targetAt = (x: number, y: number): { id: string; after: boolean } | null => {
    const hit = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-testid="steps.item"]');
    if (!hit || !list.contains(hit)) return null;
    const r = hit.getBoundingClientRect();
    return { id: hit.dataset.noteId ?? '', after: y > r.top + r.height / 2 };
  };
  const clearMarks = () => list.querySelectorAll('.is-drop-target, .is-dragging').forEach((el) => el.classList.remove('is-drop-target', 'is-dragging'));

  const onPointerDown = (e: PointerEvent, id: string) => {
    // The canvas pans on a press anywhere else; a press on a step is the step's.
    e.stopPropagation();
    if (board.readOnly() || board.editing() === id || gesture) return;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (e.target instanceof Element && e.target.closest('button, textarea')) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    gesture = { id, pointerId: e.pointerId, y: e.clientY, started: false };
  };
  const onPointerMove = (e: PointerEvent) => {
    const g = gesture;
    if (!g || e.pointerId !== g.pointerId) return;
    if (!g.started && Math.abs(e.clientY - g.y) < DRAG_THRESHOLD_PX) return;
    g.started = true;
    clearMarks();
    itemEl(g.id)?.classList.add('is-dragging');
    const target = targetAt(e.clientX, e.clientY);
    if (target && target.id !== g.id) itemEl(target.id)?.classList.add('is-drop-target');
  };
  const onPointerUp = (e: PointerEvent, commit: boolean) => {
    const g = gesture;
    if (!g || e.pointerId !== g.pointerId) return;
    gesture = null;
    clearMarks();
    if (!commit || !g.started) return;
    const target = targetAt(e.clientX, e.clientY);
    if (!target) return;
    const before = dropBefore(ids(), g.id, target.id, target.after);
    if (before !== undefined) board.phase.actions.moveStep(g.id, before);
  };

  const onKeyDown = (e: KeyboardEvent, step: Note) => {
    if (e.target !== e.currentTarget || board.readOnly()) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      if (board.phase.actions.moveStepBy(step.id, e.key === 'ArrowUp' ? -1 : 1)) refocus(step.id);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      board.startEditing(step.id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      // Focus goes on to the next step (or the one before), not to <body>.
      const at = ids().indexOf(step.id);
      const next = ids()[at + 1] ?? ids()[at - 1];
      rememberDeleted(step.id);
      board.phase.actions.remove(step.id);
      if (next) itemEl(next)?.focus();
    }
  };

  return (
    <ol ref={list} class="steps-list" data-testid="steps.list" data-topic-id={props.topic} aria-label={t('steps.list', { topic: props.label })}>
      <For each={steps()}>
        {(step, i) => (
          <li
            class="steps-item"
            data-testid="steps.item"
            data-note-id={step.id}
            data-color={step.color}
            tabIndex={0}
            aria-label={stepLabel(step, i() + 1)}
            aria-description={t('steps.help')}
            style={{ '--note-bg': `var(--note-${step.color})` }}
            on:pointerdown={(e) => onPointerDown(e, step.id)}
            on:pointermove={onPointerMove}
            on:pointerup={(e) => onPointerUp(e, true)}
            on:pointercancel={(e) => onPointerUp(e, false)}
            onDblClick={() => board.startEditing(step.id)}
            onKeyDown={(e) => onKeyDown(e, step)}
          >
            <span class="steps-number" data-testid="steps.number">
              {i() + 1}
            </span>
            <Show
              when={board.editing() === step.id}
              fallback={
                <span class="steps-text" data-testid="note.text">
                  {step.text}
                </span>
              }
            >
              <NoteEditor
                text={step.text}
                onInput={(text) => board.phase.actions.setText(step.id, text)}
                onDone={(refocusItem) => {
                  board.stopEditing(step.id);
                  if (refocusItem) itemEl(step.id)?.focus();
                }}
              />
            </Show>
            <Show when={step.author}>
              <span class="steps-author">{step.author}</span>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}
