import { createContext, createMemo, createSelector, useContext, type Accessor } from 'solid-js';
import { readStacks, type Note } from '@wcb/shared';

/** Per note: the head of its stack and, on a head, how many notes lie there (itself included). */
export type StacksView = { headOf: ReadonlyMap<string, string>; count: ReadonlyMap<string, number> };

const EMPTY: StacksView = { headOf: new Map(), count: new Map() };

/** Stacks as every peer resolves them (clusters.ts), recomputed when any note's stack or topic changes. */
export function createStacksView(notes: Accessor<readonly Note[]>): Accessor<StacksView> {
  const view = createMemo(() => {
    const all = notes();
    // Most boards have no stacks: then every note heads its own, which EMPTY says, and the same
    // object each time keeps every note's reader from re-running on each move or edit.
    if (!all.some((n) => n.stack)) return EMPTY;
    const headOf = new Map<string, string>();
    const count = new Map<string, number>();
    for (const stack of readStacks(all)) {
      count.set(stack.head.id, stack.count);
      for (const m of stack.members) headOf.set(m.id, stack.head.id);
    }
    return { headOf, count };
  });
  return view;
}

const none: Accessor<StacksView> = () => EMPTY;
export const StacksContext = createContext<Accessor<StacksView>>(none);
export const useStacks = (): Accessor<StacksView> => useContext(StacksContext);

/**
 * Per note, as selectors: a change of stacks notifies the notes whose answer changed, not every
 * note that reads the view (5,000 chips re-ran when the first stack on a board was made).
 */
export type StackOf = { isMember(id: string): boolean; isHead(id: string): boolean };

export function createStackOf(view: Accessor<StacksView>): StackOf {
  const isMember = createSelector(view, (id: string, v: StacksView) => (v.headOf.get(id) ?? id) !== id);
  const isHead = createSelector(view, (id: string, v: StacksView) => (v.count.get(id) ?? 1) > 1);
  return { isMember, isHead };
}

const alone: StackOf = { isMember: () => false, isHead: () => false };
export const StackOfContext = createContext<StackOf>(alone);
export const useStackOf = (): StackOf => useContext(StackOfContext);

/** The other note under a client point (the dragged note itself lies on top), or null. */
export function noteUnder(clientX: number, clientY: number, self: string): string | null {
  for (const el of document.elementsFromPoint(clientX, clientY)) {
    const note = el.closest<HTMLElement>('[data-testid="note"]');
    const id = note?.dataset.noteId;
    if (id && id !== self) return id;
  }
  return null;
}
