import { createComputed, createSignal, onCleanup, type Accessor } from 'solid-js';
import { makeSpreader, type Note } from '@wcb/shared';
import { layoutBoard, layoutNotes, sameLayout, type BoardLayout } from '../../board-logic/layout';
import { stepPlacements } from '../../board-logic/steps-layout';
import type { PhaseRoom } from '../../sync/phase-room';
import type { Drag } from './context';

type Options = {
  phase: PhaseRoom;
  topicIds: Accessor<readonly string[]>;
  steps: Accessor<boolean>;
  /** The notes as store proxies (a steps phase reads their order and text length). */
  notes: Accessor<readonly Note[]>;
  drag: Accessor<Drag | null>;
};

/**
 * The board's layout (board/layout.ts), computed when the notes' places change and not otherwise.
 *
 * An ideas board reads the notes as plain objects once the projection says a place changed
 * (phase.placements): through store proxies it tracked 5,000 notes' fields one by one. The note
 * this person drags counts where it started, so cells do not grow and shift under the pointer:
 * then neither the start of the drag nor its live writes change the layout, and it is not
 * computed again until the drop or another note moves. A steps phase lays its notes out as lists.
 * Equal geometry is the same layout: a note moving inside its cell must not make every note and
 * cell re-read their position.
 */
export function createBoardLayout(o: Options): Accessor<BoardLayout> {
  const spreader = makeSpreader();
  // Notes whose place changed since the layout was last computed.
  const moved = new Set<string>();
  onCleanup(o.phase.placements.onChange((ids) => ids.forEach((id) => moved.add(id))));
  let laidOut: { held: string | null; topics: readonly string[] } | null = null;
  // A signal set from a computation, not a memo: every note reads the layout, and a memo would
  // mark all of them as possibly changed on each live write of a drag, only to keep the layout.
  const [layout, setLayout] = createSignal<BoardLayout | undefined>(undefined, { equals: (a, b) => !!b && sameLayout(a, b) });
  createComputed(() => {
    if (o.steps()) {
      laidOut = null;
      setLayout(layoutBoard(o.topicIds(), stepPlacements(o.topicIds(), o.notes())));
      return;
    }
    o.phase.placements.version();
    const topics = o.topicIds();
    const drag = o.drag();
    const held = drag?.id ?? null;
    const last = laidOut;
    const onlyHeldMoved = [...moved].every((id) => id === held);
    moved.clear();
    laidOut = { held, topics };
    if (last && held !== null && last.topics === topics && (last.held === null || last.held === held) && onlyHeldMoved) return;
    setLayout(layoutNotes(topics, o.phase.placements.notes(), drag, spreader));
  });
  return layout as Accessor<BoardLayout>;
}
