import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Note } from '@wcb/shared';
import { cellAt, notePosition, toCellCoords } from '../../board-logic/layout';
import type { Point } from '../../board-logic/viewport';
import { throttle } from '../../lib/throttle';
import type { BoardContextValue } from './context';
import { createLongPress } from './create-long-press';
import { claimPointer } from './create-pan-zoom';

// Below this many screen pixels a press is a click (focus, double-click to edit), not a drag.
const DRAG_THRESHOLD_PX = 4;
// Others see the note travel at ~20 updates per second: smooth behind their CSS transition,
// and a third of the writes (IndexedDB, server log) that one per frame would cost.
const LIVE_WRITE_MS = 50;

type Gesture = { pointerId: number; start: Point; from: Point; origin: Pick<Note, 'topic' | 'x' | 'y'>; started: boolean; endGroup?: () => void };

/**
 * Dragging a note with pointer capture. The note follows the pointer locally every frame; its new
 * cell and position are written to the document throttled while it moves and once more on drop,
 * all as one undo step. Dropping over another column (or the cross-cutting row) changes its topic.
 *
 * Mouse and pen drag at once. A finger must rest on the note first (a long press): on a tablet most
 * swipes that start on a note mean "pan the board", which the canvas does meanwhile with the same
 * pointer; the long press takes the pointer from it and lifts the note (`press()`).
 */
export function createNoteDrag(id: string, note: Accessor<Note | undefined>, board: BoardContextValue) {
  let gesture: Gesture | null = null;
  const [lifted, setLifted] = createSignal(false);
  const longPress = createLongPress();
  // Where the resting finger is: the board may pan under it before the long press fires.
  let finger: { pointerId: number; at: Point } | null = null;

  const target = (pos: Point, clientX: number, clientY: number) => {
    const cell = cellAt(board.layout(), board.clientToBoard(clientX, clientY));
    return { topic: cell.topic, ...toCellCoords(cell, pos) };
  };
  const write = throttle((to: { topic: string; x: number; y: number }) => board.phase.actions.move(id, to), LIVE_WRITE_MS);

  const finish = (commit: { clientX: number; clientY: number } | null) => {
    const g = gesture;
    gesture = null;
    longPress.end();
    finger = null;
    setLifted(false);
    if (!g?.started) return;
    const pos = board.dragPos();
    if (commit && pos) {
      write.cancel();
      board.phase.actions.move(id, target(pos, commit.clientX, commit.clientY));
    } else write.flush();
    g.endGroup?.();
    board.endDrag();
  };

  const begin = (n: Note, pointerId: number, at: Point): Gesture => ({
    pointerId,
    start: at,
    from: notePosition(board.layout(), n),
    origin: { topic: n.topic, x: n.x, y: n.y },
    started: false,
  });

  const lift = (el: HTMLElement) => {
    const n = note();
    const f = finger;
    if (!n || !f || gesture || board.editing() === id) return;
    claimPointer(el, f.pointerId);
    try {
      el.setPointerCapture(f.pointerId);
    } catch {
      return; // The finger was already gone (its pointerup is on its way).
    }
    gesture = { ...begin(n, f.pointerId, f.at), started: true, endGroup: board.phase.undo.group() };
    board.beginDrag({ id, origin: gesture.origin });
    board.moveDrag(gesture.from);
    setLifted(true);
    // A tick under the finger where the device can; before any tap Chrome refuses (and logs) it.
    if (navigator.userActivation?.hasBeenActive) navigator.vibrate?.(10);
  };

  const onPointerDown = (e: PointerEvent & { currentTarget: HTMLElement }) => {
    const n = note();
    if (!n || gesture || finger || board.readOnly() || board.editing() === id) return;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (e.target instanceof Element && e.target.closest('button, textarea')) return;
    if (e.pointerType === 'touch') {
      // A second finger belongs to the board's pinch, never to a note.
      if (!e.isPrimary) return;
      finger = { pointerId: e.pointerId, at: { x: e.clientX, y: e.clientY } };
      const el = e.currentTarget;
      longPress.start(e, () => lift(el));
      return;
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    gesture = begin(n, e.pointerId, { x: e.clientX, y: e.clientY });
  };

  const onPointerMove = (e: PointerEvent) => {
    if (finger && !gesture && e.pointerId === finger.pointerId) {
      finger.at = { x: e.clientX, y: e.clientY };
      longPress.move(e);
      return;
    }
    const g = gesture;
    if (!g || e.pointerId !== g.pointerId) return;
    const dx = e.clientX - g.start.x;
    const dy = e.clientY - g.start.y;
    if (!g.started) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      g.started = true;
      g.endGroup = board.phase.undo.group();
      board.beginDrag({ id, origin: g.origin });
    }
    const zoom = board.viewport().zoom;
    const pos = { x: g.from.x + dx / zoom, y: g.from.y + dy / zoom };
    board.moveDrag(pos);
    write(target(pos, e.clientX, e.clientY));
  };

  const mine = (e: PointerEvent) => e.pointerId === (gesture ?? finger)?.pointerId;
  const onPointerUp = (e: PointerEvent) => {
    if (mine(e)) finish(e);
  };
  // The browser took the pointer (a scroll, a system gesture): keep where the note got to.
  const onPointerCancel = (e: PointerEvent) => {
    if (mine(e)) finish(null);
  };

  // Deleted by someone else mid-drag: the component goes away, the drag must not linger.
  onCleanup(() => finish(null));
  /** A finger's long press: 'pending' while it rests, 'lifted' once the note follows it. */
  const press = (): 'pending' | 'lifted' | undefined => (lifted() ? 'lifted' : longPress.pending() ? 'pending' : undefined);
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, press };
}
