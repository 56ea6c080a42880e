import { getOwner, runWithOwner, type Accessor } from 'solid-js';
import type { Point } from '../../board/viewport';
import { useBoard } from './context';
import { createNoteDrag } from './create-note-drag';
import { useNoteLabels } from './note-label';
import { noteUnder, useStacks } from './stacks-view';

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
  const stacks = useStacks();
  const labels = useNoteLabels();
  const dragging = () => board.isDragged(id);
  const position = () => props.position();
  // The drag is set up on the first press: most chips of a large board are never touched.
  const owner = getOwner();
  let made: ReturnType<typeof createNoteDrag> | undefined;
  const drag = () => (made ??= runWithOwner(owner, () => createNoteDrag(id, note, board))!);
  const onPointerUp = (e: PointerEvent) => {
    if (!made) return;
    const onto = dragging() ? noteUnder(e.clientX, e.clientY, id) : null;
    made.onPointerUp(e);
    if (onto) board.phase.actions.stack(id, onto);
  };
  // No <Show> around it: the list drops a deleted note's chip, and thousands of chips are cheaper
  // without one more memo each. Until then its fields read as empty.
  return (
    <div
      class="note-chip"
      classList={{ 'is-dragging': dragging(), 'is-stacked-member': (stacks().headOf.get(id) ?? id) !== id }}
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
      style={{ transform: `translate(${position().x}px, ${position().y}px)`, '--note-bg': `var(--note-${note()?.color ?? 'yellow'})` }}
      onPointerDown={(e) => drag().onPointerDown(e)}
      onPointerMove={(e) => made?.onPointerMove(e)}
      onPointerUp={onPointerUp}
      onPointerCancel={(e) => made?.onPointerCancel(e)}
      onDblClick={() => board.startEditing(id)}
    />
  );
}
