import { createContext, useContext, type Accessor } from 'solid-js';
import type { PhaseRoom } from '../../sync/phase-room';
import type { Session } from '../../sync/session';
import type { StacksView } from '../board/stacks-view';
import type { VotesView } from '../board/votes-view';
import type { PhoneEditing } from './phone-editing';

/** What the cards of one phase on a phone share. Created by PhonePhase. */
export type PhoneContextValue = {
  session: Session;
  phase: PhaseRoom;
  editing: PhoneEditing;
  votes: Accessor<VotesView | null>;
  stacks: Accessor<StacksView>;
  steps: Accessor<boolean>;
  readOnly: Accessor<boolean>;
  /** Keys typed between "add" and the new note's editor (see board/type-ahead.ts). */
  takeEarly(): string;
  /** A dot that did not count, said out loud instead of silently dropped. */
  voteFailed(): void;
};

export const PhoneContext = createContext<PhoneContextValue>();

export function usePhone(): PhoneContextValue {
  const value = useContext(PhoneContext);
  if (!value) throw new Error('usePhone outside a phone phase');
  return value;
}
