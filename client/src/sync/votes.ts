import { createSignal, type Accessor } from 'solid-js';
import { castDot, removeDot, tally, voterDots, votesRoom, type VoterDots } from '@wcb/shared';
import { makeRoom, type Room, type RoomState } from './room';
import { blocksWrites } from './refusal';

/**
 * The votes room of one phase (`<sid>/votes/<phaseId>`): dots, readable by everyone, writable
 * only while the facilitator has voting open on that phase (the server decides; `writable` is
 * this device's view of the same rule, so buttons are disabled instead of writes being dropped).
 */
export type VotesRoom = {
  readonly phaseId: string;
  readonly room: Room;
  state: Accessor<RoomState>;
  /** Counted dots per note (over all voters, each cut to the budget). */
  tally(budget: number): ReadonlyMap<string, number>;
  mine(voter: string, budget: number): VoterDots;
  cast(voter: string, noteId: string, budget: number): boolean;
  remove(voter: string, noteId: string): boolean;
  dispose(): void;
};

export function makeVotesRoom(sessionId: string, phaseId: string, writable: Accessor<boolean>, token?: string): VotesRoom {
  const room = makeRoom(votesRoom(sessionId, phaseId), { token });
  const { doc } = room;
  const [state, setState] = createSignal(room.state());
  // Bumped on every change of the dots: the reads below depend on it.
  const [version, setVersion] = createSignal(0);
  const unsubscribe = room.subscribe(setState);
  const onUpdate = () => setVersion((v) => v + 1);
  doc.on('update', onUpdate);
  const canWrite = () => writable() && !blocksWrites(state().denied);
  return {
    phaseId,
    room,
    state,
    tally(budget) {
      version();
      return tally(doc, budget);
    },
    mine(voter, budget) {
      version();
      return voterDots(doc, voter, budget);
    },
    cast: (voter, noteId, budget) => canWrite() && castDot(doc, voter, noteId, budget),
    remove: (voter, noteId) => canWrite() && removeDot(doc, voter, noteId),
    dispose() {
      unsubscribe();
      doc.off('update', onUpdate);
      room.dispose();
    },
  };
}
