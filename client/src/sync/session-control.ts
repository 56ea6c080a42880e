import { batch, createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import {
  controlRoom,
  LocalOrigin,
  migrateDoc,
  repairOpenedControl,
  readRounds,
  readSpotlight,
  readVotingSettings,
  sameSpotlight,
  type ControlFacts,
  type ControlRepair,
  type Spotlight,
  type VotingSettings,
} from '@wcb/shared';
import { makeControlFacts } from './access';
import { makeControlProjection, type ControlProjection } from './projection';
import { makeRoom, type Room, type RoomState } from './room';

export type ControlSignals = {
  /** The café's current round (0 before the first). */
  round: Accessor<number>;
  /** The facilitator's voting settings, open or closed; null when no voting was ever set up. */
  voting: Accessor<VotingSettings | null>;
  /** The facilitator's latest "bring everyone here", if any. */
  spotlight: Accessor<Spotlight | null>;
};

const sameVoting = (a: VotingSettings | null, b: VotingSettings | null): boolean =>
  a === b ||
  (!!a && !!b && a.phaseId === b.phaseId && a.budget === b.budget && a.per === b.per && a.hideCounts === b.hideCounts && a.open === b.open);

/**
 * Round, voting and spotlight of a control document, re-read after each of its transactions;
 * each signal changes only when its value does. The listener goes with the owner.
 */
export function createControlSignals(doc: Y.Doc): ControlSignals {
  const [round, setRound] = createSignal(readRounds(doc).current);
  const [voting, setVoting] = createSignal(readVotingSettings(doc), { equals: sameVoting });
  const [spotlight, setSpotlight] = createSignal(readSpotlight(doc), { equals: sameSpotlight });
  const onUpdate = () =>
    batch(() => {
      setRound(readRounds(doc).current);
      setVoting(readVotingSettings(doc));
      setSpotlight(readSpotlight(doc));
    });
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));
  return { round, voting, spotlight };
}

export type ControlLink = ControlSignals & {
  room: Room;
  projection: ControlProjection;
  facts: Accessor<ControlFacts>;
  state: Accessor<RoomState>;
  /** What this device repaired in its own copy of the control room when it opened (empty: nothing). */
  repairs: Accessor<readonly ControlRepair[]>;
};

/**
 * The session's control room, open from the start: its document projected onto a store, the
 * facts that decide access, and its connection state. The document is migrated (and, for whoever
 * may write it, repaired) once on what IndexedDB had and once after the first server sync (see
 * phase-room.ts). Closed with the owner.
 */
export function createControlLink(sessionId: string, token: string, opts: { mayRepair: boolean }): ControlLink {
  const room = makeRoom(controlRoom(sessionId), { token });
  const projection = makeControlProjection(room.doc);
  const { facts, dispose: disposeFacts } = makeControlFacts(room.doc);
  const [state, setState] = createSignal(room.state());
  const [repairs, setRepairs] = createSignal<readonly ControlRepair[]>([]);
  const migrated = { load: false, sync: false };
  const unsubscribe = room.subscribe((s) => {
    if ((s.loaded && !migrated.load) || (s.everSynced && !migrated.sync)) {
      migrateDoc(room.doc, 'control');
      if (opts.mayRepair) {
        const repaired = repairLocalControl(room.doc);
        if (repaired.length > 0) setRepairs((before) => [...before, ...repaired]);
      }
    }
    migrated.load ||= s.loaded;
    migrated.sync ||= s.everSynced;
    setState(s);
  });
  const signals = createControlSignals(room.doc);
  onCleanup(() => {
    unsubscribe();
    disposeFacts();
    projection.dispose();
    room.dispose();
  });
  return { ...signals, room, projection, facts, state, repairs };
}

/**
 * Records the server would refuse (an IndexedDB copy an older version wrote, or one edited
 * offline) are repaired by import's rules (control-repair-open.ts) the moment IndexedDB has been
 * read, which is before the room connects (room.ts connects after its `loaded` state): the first
 * sync then carries the repair instead of a record the server closes the room for (1007
 * `invalid-record`). Once more after the first sync, for such a record the server itself still
 * holds from before its checks. A local origin: the repair is this facilitator's change, counted
 * as pending until the server has it. Only the facilitator repairs: nobody else may write here
 * (the server refuses their writes), and readers skip or cut such records anyway.
 */
function repairLocalControl(doc: Y.Doc): ControlRepair[] {
  const repairs = repairOpenedControl(doc, new LocalOrigin('control.repair'));
  if (repairs.length > 0) console.warn('Repaired control records on this device:', repairs.map((r) => `${r.path} ${r.action}: ${r.problem}`));
  return repairs;
}
