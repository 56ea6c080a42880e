import { createMemo, untrack, type JSX } from 'solid-js';
import { notePosition } from '../../board-logic/layout';
import type { Point } from '../../board-logic/viewport';
import { useBoard } from './context';
import { NoteCard } from './NoteCard';
import type { ChipMaker } from './note-chip';
import type { NoteLod } from './note-lod';

const ORIGIN: Point = { x: 0, y: 0 };
const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

/**
 * One note of the board, drawn as a full card or a light chip (note-lod.ts). Where it stands is
 * worked out here, once for both: a swap between chip and card keeps it, and a drag step moves
 * the dragged note alone (the others' positions do not read the drag).
 */
export function NoteView(props: { id: string; lod: NoteLod; chip: ChipMaker }) {
  const board = useBoard();
  // eslint-disable-next-line solid/reactivity -- a note view is keyed by its note id.
  const id = props.id;
  const stored = createMemo(
    () => {
      const n = board.phase.notes[id];
      return n ? notePosition(board.layout(), n) : ORIGIN;
    },
    ORIGIN,
    { equals: samePoint },
  );
  // While this person drags it, the note follows the pointer; its live writes land in `stored`.
  const drawn = () => (board.isDragged(id) && board.dragPos()) || stored();
  // eslint-disable-next-line solid/reactivity -- the level of detail is made once per note view.
  const card = props.lod(id, stored);
  // One memo swaps chip and card (a <Show> would add one more per note: a board opens with
  // thousands). The card reads its position through a memo of its own; the chip's one render
  // effect compares what it sets.
  const view = createMemo(() => {
    if (!card()) return untrack(() => props.chip(id, drawn));
    const position = createMemo(drawn, ORIGIN, { equals: samePoint });
    return untrack(() => <NoteCard id={id} position={position} />);
  });
  // What <Show> returns too: Solid inserts an accessor's value and follows it.
  return view as unknown as JSX.Element;
}
