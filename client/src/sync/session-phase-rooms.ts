import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { ControlFacts, Role } from '@wcb/shared';
import type { ReadOnlyReason } from './access';
import type { PhaseRoom } from './phase-room';
import type { PhaseGuess } from './preload-board';
import { blocksWrites } from './refusal';

export type PhaseRoomsInputs = {
  /** Opens the room of a phase (and follows its connection for auth). */
  open(phaseId: string): PhaseRoom;
  viewPhase: Accessor<string>;
  ready: Accessor<boolean>;
  /** The phase shown last time, read ahead from IndexedDB: its room waits for that read. */
  guess: PhaseGuess;
  phaseReason(phaseId: string): ReadOnlyReason | null;
  facts: Accessor<ControlFacts>;
  role: Accessor<Role>;
  /** Forget the control room's last refusal: new facts may make it stale. */
  clearControlDenied(): void;
};

export type PhaseRooms = {
  /** The room of the phase this device shows, once the control document is known. */
  phase: Accessor<PhaseRoom | null>;
  /** Every phase room opened so far. */
  openRooms: Accessor<PhaseRoom[]>;
  roomOf(phaseId: string): PhaseRoom;
  /** Why the phase on screen is read-only for this person, its room's refusals included. */
  readOnlyReason: Accessor<ReadOnlyReason | null>;
};

/**
 * The rooms of the phases this device has shown. They stay open until the board closes, whoever
 * asked for them first, so switching back is instant and changes made offline in them still
 * reach the server. Disposed with the owner.
 */
export function createPhaseRooms(input: PhaseRoomsInputs): PhaseRooms {
  const rooms = new Map<string, PhaseRoom>();
  const [openRooms, setOpenRooms] = createSignal<PhaseRoom[]>([]);
  const roomOf = (phaseId: string): PhaseRoom => {
    let room = rooms.get(phaseId);
    if (!room) {
      room = input.open(phaseId);
      rooms.set(phaseId, room);
      setOpenRooms([...rooms.values()]);
    }
    return room;
  };
  const phase = createMemo(() => {
    const phaseId = input.viewPhase();
    if (!input.ready() || !phaseId || !input.guess.ready(phaseId)) return null;
    return roomOf(phaseId);
  });
  createEffect(on(phase, (room) => room && input.guess.shown(room.phaseId)));
  // eslint-disable-next-line solid/reactivity -- an accessor, tracked by the effect it is handed to.
  pushWhenWritableAgain(input, rooms, openRooms);
  onCleanup(() =>
    batch(() => {
      for (const room of rooms.values()) room.dispose();
      rooms.clear();
      input.guess.dispose();
    }),
  );
  return {
    phase,
    openRooms,
    roomOf,
    readOnlyReason: () => {
      const room = phase();
      if (!room) return input.phaseReason(input.viewPhase());
      if (room.status() === 'newer') return 'newer';
      return input.phaseReason(room.phaseId) ?? (blocksWrites(room.state().denied) ? 'denied' : null);
    },
  };
}

/**
 * When a phase turns writable again (unlocked, or a refused write made stale by new facts), push
 * what this device holds: the server dropped what it wrote meanwhile, and would hold back
 * everything it writes next (Yjs waits for the missing changes) until the next reconnect.
 */
function pushWhenWritableAgain(input: PhaseRoomsInputs, rooms: ReadonlyMap<string, PhaseRoom>, openRooms: Accessor<PhaseRoom[]>): void {
  const wasWritable = new Map<string, boolean>();
  createEffect(
    on([input.facts, input.role, openRooms], () => {
      input.clearControlDenied();
      for (const room of rooms.values()) {
        const writable = input.phaseReason(room.phaseId) === null;
        const was = wasWritable.get(room.phaseId) ?? writable;
        const denied = room.room.state().denied;
        wasWritable.set(room.phaseId, writable);
        if (denied) room.room.clearDenied();
        if (writable && (!was || denied)) room.room.pushState();
      }
    }),
  );
}
