import { batch, createMemo, getOwner, runWithOwner, type Accessor } from 'solid-js';
import type { Point } from '../../board-logic/viewport';
import { useBoard } from './context';
import { createNoteDrag } from './create-note-drag';
import { useNoteLabels } from './note-label';
import { noteUnder, useStackOf } from './stacks-view';

/**
 * A note drawn light: one coloured element where its card would be, for zoom levels where the
 * text is unreadable and for notes far off screen on a large board (board/visible-notes.ts). It
 * keeps what the card offers without its dozen elements: the same test id, name and role, focus
 * (keyboard focus turns it into the full card, see PhaseCanvas), dragging, stacking on drop, and
 * double-click to edit.
 */
export function NoteChip(props: { id: string; position: Accessor<Point> }) {
  const board = useBoard();
  // eslint-disable-next-line solid/reactivity -- a chip is keyed by its note id.
  const id = props.id;
  const note = () => board.phase.notes[id];
  const stackOf = useStackOf();
  const labels = useNoteLabels();
  const dragging = () => board.isDragged(id);
  // Placed by margins in the world's grid (canvas.css), not by a transform or left/top: either
  // makes each chip a node or a paint layer of its own, and the browser re-layers all of them on
  // every frame that moves anything (a pan step, a drag step). The chip being dragged keeps its
  // place from the start of the drag and follows the pointer by a transform, on a layer of its own.
  const placement = createMemo<{ left: number; top: number; dx: number; dy: number }>((was) => {
    const p = props.position();
    if (!dragging() || !was) return { left: p.x, top: p.y, dx: 0, dy: 0 };
    return { left: was.left, top: was.top, dx: p.x - was.left, dy: p.y - was.top };
  });
  // The drag is set up on the first press: most chips of a large board are never touched.
  const owner = getOwner();
  let made: ReturnType<typeof createNoteDrag> | undefined;
  const drag = () => (made ??= runWithOwner(owner, () => createNoteDrag(id, note, board))!);
  const onPointerUp = (e: PointerEvent) => {
    const chipDrag = made;
    if (!chipDrag) return;
    const onto = dragging() ? noteUnder(e.clientX, e.clientY, id) : null;
    // One update for the drop and the stacking: the board is laid out once, the note in its stack.
    batch(() => {
      chipDrag.onPointerUp(e);
      if (onto) board.phase.actions.stack(id, onto);
    });
  };
  // No <Show> around it: the list drops a deleted note's chip, and thousands of chips are cheaper
  // without one more memo each. Until then its fields read as empty.
  return (
    <div
      class="note-chip"
      classList={{ 'is-dragging': dragging(), 'is-stacked-member': stackOf.isMember(id) }}
      data-testid="note"
      data-note-id={id}
      data-topic-id={note()?.topic}
      data-color={note()?.color}
      data-lod="chip"
      tabIndex={0}
      role="group"
      aria-roledescription={labels.roleDescription()}
      aria-label={labels.of(id)}
      aria-description={labels.help()}
      style={{
        'margin-left': `${placement().left}px`,
        'margin-top': `${placement().top}px`,
        transform: dragging() ? `translate(${placement().dx}px, ${placement().dy}px)` : undefined,
        '--note-bg': `var(--note-${note()?.color ?? 'yellow'})`,
      }}
      onPointerDown={(e) => drag().onPointerDown(e)}
      onPointerMove={(e) => made?.onPointerMove(e)}
      onPointerUp={onPointerUp}
      onPointerCancel={(e) => made?.onPointerCancel(e)}
      onDblClick={() => board.startEditing(id)}
    />
  );
}
