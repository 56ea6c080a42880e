import { createMemo, createSignal, type Accessor } from 'solid-js';
import { notesNewSinceLastRound, type Note } from '@wcb/shared';

/**
 * A table host's "new since last round": the notes written at this device's table during the
 * previous round (see notesNewSinceLastRound), and whether the board highlights them. Only a
 * device seated at a table has any; the highlight is this device's own choice, never shared.
 */
export type NewSince = {
  /** A table is picked and a previous round exists: the toggle makes sense. */
  available: Accessor<boolean>;
  ids: Accessor<ReadonlySet<string>>;
  shown: Accessor<boolean>;
  setShown(on: boolean): void;
};

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((id) => b.has(id));

export function createNewSince(notes: Accessor<readonly Note[]>, table: Accessor<string>, round: Accessor<number>): NewSince {
  const [shown, setShown] = createSignal(false);
  const available = () => !!table() && round() >= 2;
  // Unavailable, nothing reads the notes: on a board of thousands, reading them all is a cost.
  const ids = createMemo<ReadonlySet<string>>(
    () => (available() ? new Set(notesNewSinceLastRound(notes(), table(), round()).map((n) => n.id)) : new Set()),
    new Set(),
    { equals: sameSet },
  );
  return { available, ids, shown: () => shown() && available(), setShown };
}
