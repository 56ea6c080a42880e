import { createContext, useContext, type Accessor } from 'solid-js';
import type { NoteColor, Presence } from '@wcb/shared';
import type { BoardLayout, NotePlacement } from '../../board-logic/layout';
import type { Point, Viewport } from '../../board-logic/viewport';
import type { PhaseRoom } from '../../sync/phase-room';
import type { Session } from '../../sync/session';
import type { TypeAhead } from './type-ahead';

/** A note being dragged by this person: where it started, and where it is drawn now (board coordinates). */
export type Drag = { id: string; origin: NotePlacement };

/** What the components of one phase's board share. Created by PhaseCanvas. */
export type BoardContextValue = {
  session: Session;
  phase: PhaseRoom;
  layout: Accessor<BoardLayout>;
  viewport: Accessor<Viewport>;
  /** The board point under a pointer event's client position. */
  clientToBoard(clientX: number, clientY: number): Point;
  drag: Accessor<Drag | null>;
  /** Whether this person drags note `id` now (a selector: a drag notifies that note alone). */
  isDragged(id: string): boolean;
  dragPos: Accessor<Point | null>;
  beginDrag(drag: Drag): void;
  moveDrag(pos: Point): void;
  endDrag(): void;
  editing: Accessor<string | null>;
  /** Whether note `id` is being edited here (a selector, as isDragged). */
  isEditing(id: string): boolean;
  startEditing(id: string): void;
  stopEditing(id: string): void;
  /** People editing each note (other than this person), from the phase room's awareness. */
  editors: Accessor<ReadonlyMap<string, readonly Presence[]>>;
  readOnly: Accessor<boolean>;
  /** Creates a note in a cell (at `at`, cell coordinates, or the first free slot) and opens its editor. */
  addNote(topic: string, at?: Point): void;
  /** Keys typed before a new note's editor is there; see type-ahead.ts. */
  typeAhead: TypeAhead;
  noteColor: Accessor<NoteColor>;
  setNoteColor(color: NoteColor): void;
};

export const BoardContext = createContext<BoardContextValue>();

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard outside a board');
  return value;
}
