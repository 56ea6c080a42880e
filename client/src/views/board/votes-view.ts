import { createContext, createMemo, useContext, type Accessor } from 'solid-js';
import { proposeCriteria, type Note } from '@wcb/shared';
import type { Session } from '../../sync/session';

/**
 * What the notes of the phase on screen show about voting, computed once per change of the dots
 * (not once per note): counts, this voter's dots, and the notes proposed as selected criteria.
 */
export type VotesView = {
  /** Voting runs on this phase now: dot buttons are shown. */
  open: boolean;
  budget: number;
  /** Everyone's counts are shown (after closing, or when counts are not hidden). */
  showCounts: boolean;
  counts: ReadonlyMap<string, number>;
  mine: ReadonlyMap<string, number>;
  left: number;
  voter: string | null;
  canVote: boolean;
  /** Per topic, the notes with the most dots, best first (shown after voting closed). */
  proposed: ReadonlyMap<string, readonly string[]>;
};

export function createVotesView(session: Session, notes: Accessor<readonly Note[]>): Accessor<VotesView | null> {
  const view = createMemo(() => {
    const v = session.voting();
    const room = session.votes();
    if (!v || !room) return null;
    const counts = room.tally(v.budget);
    const voter = session.voter();
    const mine = voter ? room.mine(voter, v.budget) : null;
    return {
      open: v.open,
      budget: v.budget,
      showCounts: !v.open || !v.hideCounts || session.canControl(),
      counts,
      mine: mine?.perNote ?? new Map<string, number>(),
      left: mine?.left ?? 0,
      voter,
      canVote: v.open && session.canVote() && voter !== null,
      proposed: v.open ? new Map<string, string[]>() : proposeCriteria(notes(), counts),
    };
  });
  return view;
}

const none: Accessor<VotesView | null> = () => null;
export const VotesContext = createContext<Accessor<VotesView | null>>(none);
export const useVotes = (): Accessor<VotesView | null> => useContext(VotesContext);
