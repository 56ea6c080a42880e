import { onCleanup, type Accessor } from 'solid-js';
import type { Note } from '@wcb/shared';
import { cellAt, notePosition, toCellCoords } from '../../board/layout';
import type { Point } from '../../board/viewport';
import { throttle } from '../../lib/throttle';
import type { BoardContextValue } from './context';

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
 */
export function createNoteDrag(id: string, note: Accessor<Note | undefined>, board: BoardContextValue) {
  let gesture: Gesture | null = null;

  const target = (pos: Point, clientX: number, clientY: number) => {
    const cell = cellAt(board.layout(), board.clientToBoard(clientX, clientY));
    return { topic: cell.topic, ...toCellCoords(cell, pos) };
  };
  const write = throttle((to: { topic: string; x: number; y: number }) => board.phase.actions.move(id, to), LIVE_WRITE_MS);

  const finish = (commit: { clientX: number; clientY: number } | null) => {
    const g = gesture;
    gesture = null;
    if (!g?.started) return;
    const pos = board.dragPos();
    if (commit && pos) {
      write.cancel();
      board.phase.actions.move(id, target(pos, commit.clientX, commit.clientY));
    } else write.flush();
    g.endGroup?.();
    board.endDrag();
  };

  const onPointerDown = (e: PointerEvent & { currentTarget: HTMLElement }) => {
    const n = note();
    if (!n || gesture || board.readOnly() || board.editing() === id) return;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (e.target instanceof Element && e.target.closest('button, textarea')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    gesture = {
      pointerId: e.pointerId,
      start: { x: e.clientX, y: e.clientY },
      from: notePosition(board.layout(), n),
      origin: { topic: n.topic, x: n.x, y: n.y },
      started: false,
    };
  };

  const onPointerMove = (e: PointerEvent) => {
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

  const onPointerUp = (e: PointerEvent) => {
    if (gesture && e.pointerId === gesture.pointerId) finish(e);
  };
  // The browser took the pointer (a scroll, a system gesture): keep where the note got to.
  const onPointerCancel = (e: PointerEvent) => {
    if (gesture && e.pointerId === gesture.pointerId) finish(null);
  };

  // Deleted by someone else mid-drag: the component goes away, the drag must not linger.
  onCleanup(() => finish(null));
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}
