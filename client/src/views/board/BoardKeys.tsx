import { onCleanup, onMount } from 'solid-js';
import { CROSS_CUTTING, type Note } from '@wcb/shared';
import { readingOrder, stepInOrder } from '../../board-logic/reading-order';
import { panBy, type Viewport } from '../../board-logic/viewport';
import { useBoard } from './context';
import { focusNote, noteOf } from './note-focus';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
// Screen pixels kept between a note that gets focus and the canvas edge when the board pans to it.
const REVEAL_MARGIN = 24;

const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el.closest('textarea, input, select') !== null);

const tabbables = (root: ParentNode): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
  );

/**
 * The board's keyboard, beyond what a focused note handles itself: Tab and Shift+Tab through the
 * notes in reading order (the DOM keeps creation order), "N" for a new note, and panning the board
 * so that whatever gets focus on it is on screen (the canvas clips, and must never scroll).
 */
export function BoardKeys(props: { setViewport: (vp: Viewport) => void }) {
  const board = useBoard();
  const steps = () => board.session.session.phases.find((p) => p.id === board.phase.phaseId)?.kind === 'steps';
  const canvas = () => document.querySelector<HTMLElement>('[data-testid="board.canvas"]');
  const order = () => {
    const notes = Object.values(board.phase.notes).filter((n): n is Note => n !== undefined);
    return readingOrder(
      board.session.session.topics.map((topic) => topic.id),
      notes,
    );
  };

  /** Tab: returns true when it moved focus itself. */
  const onTab = (e: KeyboardEvent): boolean => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    const ids = order();
    // A steps phase draws its lists in reading order already: the browser's own Tab is right.
    if (!target || !ids.length || steps()) return false;
    const note = target.closest<HTMLElement>('[data-testid="note"]');
    const notes = [...document.querySelectorAll<HTMLElement>('[data-testid="note"]')];
    const outside = () => tabbables(document).filter((el) => !noteOf(el));
    // Leaving the notes past either end: the next thing outside them in document order.
    const leave = (forward: boolean): boolean => {
      const edge = forward ? notes[notes.length - 1] : notes[0];
      if (!edge) return false;
      const candidates = outside().filter((el) => {
        const pos = edge.compareDocumentPosition(el);
        return forward ? pos & Node.DOCUMENT_POSITION_FOLLOWING : pos & Node.DOCUMENT_POSITION_PRECEDING;
      });
      const next = forward ? candidates[0] : candidates[candidates.length - 1];
      next?.focus();
      return !!next;
    };
    if (note) {
      const id = note.dataset.noteId ?? '';
      if (e.shiftKey) {
        if (target !== note) return false;
        const prev = stepInOrder(ids, id, -1);
        return prev ? focusNote(prev) : leave(false);
      }
      const inner = tabbables(note).filter((el) => el !== note);
      if (target === note ? inner.length > 0 : target !== inner[inner.length - 1]) return false;
      const next = stepInOrder(ids, id, 1);
      return next ? focusNote(next) : leave(true);
    }
    // Entering the notes from outside: at the first (or last) note in reading order, not in creation order.
    const all = tabbables(document);
    const at = all.indexOf(target);
    const natural = at < 0 ? undefined : all[at + (e.shiftKey ? -1 : 1)];
    if (!natural || !noteOf(natural)) return false;
    return focusNote((e.shiftKey ? ids[ids.length - 1] : ids[0]) ?? '');
  };

  /** "N": a new note in the focused note's (or cell's) topic, else the first topic. */
  const onNew = (e: KeyboardEvent): boolean => {
    const target = e.target instanceof Element ? e.target : null;
    const onBoard = !target || target === document.body || !!canvas()?.contains(target);
    if (!onBoard || board.readOnly()) return false;
    const topic =
      target?.closest<HTMLElement>('[data-testid="note"]')?.dataset.topicId ??
      target?.closest<HTMLElement>('[data-testid="steps.item"]')?.closest<HTMLElement>('[data-topic-id]')?.dataset.topicId ??
      target?.closest<HTMLElement>('section[data-topic-id]')?.dataset.topicId ??
      board.session.session.topics[0]?.id ??
      CROSS_CUTTING;
    board.addNote(topic);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    byKeyboard = true;
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return;
    const handled = e.key === 'Tab' ? onTab(e) : (e.key === 'n' || e.key === 'N') && !e.shiftKey ? onNew(e) : false;
    if (handled) e.preventDefault();
  };

  // Only focus moved by the keyboard pans the board: a press on a half-hidden note may be the start
  // of a drag, and panning under the pointer would throw the note off.
  let byKeyboard = false;
  const onPointerDown = () => (byKeyboard = false);
  // Whatever gets focus on the board is brought on screen by panning, never by scrolling the canvas.
  const onFocusIn = (e: FocusEvent) => {
    const c = canvas();
    const el = e.target instanceof HTMLElement ? e.target : null;
    if (!c || !el || !c.contains(el) || el === c) return;
    if (c.scrollLeft || c.scrollTop) c.scrollTo(0, 0);
    if (!byKeyboard) return;
    const box = (noteOf(el) ?? el).getBoundingClientRect();
    const area = c.getBoundingClientRect();
    const dx =
      box.left < area.left + REVEAL_MARGIN ? area.left + REVEAL_MARGIN - box.left : box.right > area.right - REVEAL_MARGIN ? area.right - REVEAL_MARGIN - box.right : 0;
    const dy =
      box.top < area.top + REVEAL_MARGIN ? area.top + REVEAL_MARGIN - box.top : box.bottom > area.bottom - REVEAL_MARGIN ? area.bottom - REVEAL_MARGIN - box.bottom : 0;
    if (dx || dy) props.setViewport(panBy(board.viewport(), dx, dy));
  };

  onMount(() => {
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
  });
  onCleanup(() => {
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('focusin', onFocusIn);
  });
  return null;
}
