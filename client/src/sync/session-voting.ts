import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { ControlFacts, Role, VotingSettings } from '@wcb/shared';
import type { PhaseRoom } from './phase-room';
import { blocksWrites } from './refusal';
import type { VotesRoom } from './votes';

export type VotingRoomsInputs = {
  /** Opens the votes room of a phase (and follows its connection for auth). */
  open(phaseId: string): { room: VotesRoom; dispose(): void };
  voting: Accessor<VotingSettings | null>;
  viewPhase: Accessor<string>;
  ready: Accessor<boolean>;
  canControl: Accessor<boolean>;
  canVoteOn(phaseId: string): boolean;
  roomOf(phaseId: string): PhaseRoom;
  facts: Accessor<ControlFacts>;
  role: Accessor<Role>;
};

export type VotingRooms = {
  /** The votes room open now, whatever phase is on screen. */
  votingRoom: Accessor<VotesRoom | null>;
  /** The votes room of the phase on screen, while voting (open or closed) is set on it. */
  votes: Accessor<VotesRoom | null>;
  /** Whoever controls the session: the voted phase's room and votes room, from any phase. */
  voted: Accessor<{ phase: PhaseRoom; votes: VotesRoom } | null>;
  /** The votes room on screen accepts this person's dots now. */
  canVote: Accessor<boolean>;
};

/**
 * The votes room of the voted phase, opened when needed (after closing too: the results stay
 * readable) and closed when the board leaves that phase. Whoever controls the session keeps it
 * open on every phase: their panel works on the voted one.
 */
export function createVotingRooms(input: VotingRoomsInputs): VotingRooms {
  const votesPhase = createMemo(() => {
    const v = input.voting();
    return input.ready() && v && (v.phaseId === input.viewPhase() || input.canControl()) ? v.phaseId : null;
  });
  const [votingRoom, setVotingRoom] = createSignal<VotesRoom | null>(null);
  createEffect(
    on(votesPhase, (phaseId) => {
      if (!phaseId) return;
      const opened = input.open(phaseId);
      setVotingRoom(opened.room);
      onCleanup(() => {
        setVotingRoom(null);
        opened.dispose();
      });
    }),
  );
  // Writable again (voting reopened): send what the server dropped while it was closed.
  createEffect(
    on([input.facts, input.role, votingRoom], () => {
      const room = votingRoom();
      if (!room) return;
      if (room.state().denied) room.room.clearDenied();
      if (input.canVoteOn(room.phaseId)) room.room.pushState();
    }),
  );
  // The board's dots and counts belong to the phase on screen only.
  const votes = createMemo(() => {
    const room = votingRoom();
    return room && room.phaseId === input.viewPhase() ? room : null;
  });
  const voted = createMemo(
    () => {
      const room = votingRoom();
      return room && input.canControl() && input.ready() ? { phase: input.roomOf(room.phaseId), votes: room } : null;
    },
    null,
    { equals: (a, b) => a === b || (!!a && !!b && a.phase === b.phase && a.votes === b.votes) },
  );
  return {
    votingRoom,
    votes,
    voted,
    canVote: () => {
      const room = votes();
      return !!room && !blocksWrites(room.state().denied) && input.canVoteOn(room.phaseId);
    },
  };
}
