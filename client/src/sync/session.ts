import { createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { ControlRepair, Note, Presence, Role, SchemaStatus, SessionMeta, SessionSnapshot, Spotlight, VotingSettings, FollowViewport } from '@wcb/shared';
import { loadSeat, participantId, saveSeat, takeLinkSeat, voterFor, type Seat } from '../lib/seat';
import type { Credentials } from '../lib/credentials';
import { browserStore, type KeyValueStore } from '../lib/storage';
import { upsertRecent } from '../lib/recent';
import type { ReadOnlyReason } from './access';
import { refusalOf, type Refusal } from './refusal';
import { createSessionAuth, type AccessProblem, type SessionAuth } from './auth';
import { sessionStatus, type ConnectionStatus, type PendingCount } from './pending';
import { createBrowserOnline } from './browser-online';
import type { Person } from './people';
import { makePhaseRoom, type PhaseRoom } from './phase-room';
import type { Peers } from './presence';
import type { RoomState } from './room';
import { guessPhase, type PhaseGuess } from './preload-board';
import { markOpen } from './open-marks';
import { createShare, type Share } from './share';
import { makeVotesRoom, type VotesRoom } from './votes';
import { createNewSince, type NewSince } from './new-since';
import { createFacilitation, type Facilitation } from './facilitation';
import { createRunSheet, type RunSheet } from './run-sheet';
import { createControlLink, type ControlLink } from './session-control';
import { makeSessionAccess, type SessionAccess } from './session-access';
import { createNavigation, type Navigation } from './session-navigation';
import { createPhaseRooms } from './session-phase-rooms';
import { createVotingRooms } from './session-voting';
import { createSessionPresence } from './session-presence';

/**
 * 'loading': reading IndexedDB. 'connecting': nothing on this device, waiting for the server.
 * 'offline-empty': nothing on this device and the server cannot be reached (still retrying).
 * 'not-found': the server has nothing either (still listening: an offline creator may push it).
 */
export type Availability = 'loading' | 'connecting' | 'offline-empty' | 'not-found' | 'ready';

export type Session = {
  readonly id: string;
  readonly session: SessionSnapshot;
  /** The control room's document, for the facilitator panel's writes (shared mutations) and the timer. */
  readonly controlDoc: Y.Doc;
  availability: Accessor<Availability>;
  /** This person may not write on the current phase (see `readOnlyReason`): show it, write nothing. */
  readOnly: Accessor<boolean>;
  readOnlyReason: Accessor<ReadOnlyReason | null>;
  /** What the token grants; a guess ('participant') until the server confirms a link's role. */
  role: Accessor<Role>;
  /** Why the server turns this device away, if it does. */
  problem: Accessor<AccessProblem | null>;
  /**
   * Control records this device's own copy held that the server would refuse, repaired or left
   * out when the session opened (session-control.ts); empty when there were none.
   */
  controlRepairs: Accessor<readonly ControlRepair[]>;
  /** Why the server refused this device's last write on the phase on screen, its votes or the control room. */
  refusal: Accessor<Refusal | null>;
  /** The server does not know the phase on screen yet (4533): the facilitator's changes are on their way. */
  waitingForServer: Accessor<boolean>;
  /** Facilitator: may switch and lock phases. */
  canControl: Accessor<boolean>;
  lockedPhases: Accessor<ReadonlySet<string>>;
  /** The facilitator's share links; null for everyone else. */
  share: Share | null;
  /** The room of the phase this device shows (see `viewPhase`), once the control document is known. */
  phase: Accessor<PhaseRoom | null>;
  /**
   * The phase this device shows: the session's current phase for the facilitator and for anyone
   * following them; for everyone else the phase they picked or were last brought to (the current
   * phase when they came).
   */
  viewPhase: Accessor<string>;
  /** The facilitator's latest "bring everyone here", if any. */
  spotlight: Accessor<Spotlight | null>;
  /**
   * The last "bring everyone here" that moved this device (a new object per press; null before
   * the first). Each press moves everyone once, following or not; between presses people roam.
   */
  brought: Accessor<Spotlight | null>;
  /**
   * Follow mode: the phase shown moves with the session's current phase. Off for participants
   * until they ask for it (and on the projector); always true for whoever controls the session.
   */
  following: Accessor<boolean>;
  /** Follow (true): shows the current phase from now on. False: stay on the phase shown. */
  setFollowing(on: boolean): void;
  /** Facilitator: brings everyone to this phase and, if given, this viewport. */
  bringEveryone(phaseId: string, viewport: FollowViewport | null): void;
  /** The timer and rounds (everyone) and the facilitator's control writes: one per session. */
  facilitation: Facilitation;
  /** The café's run sheet: now, next, and the facilitator's Next / Back (run-sheet.ts). */
  runSheet: RunSheet;
  /** Presence in the session (control room), by connection, excluding this device. */
  people: Peers;
  /** The other people in the session, each once however many tabs they have open. */
  others: Accessor<Person[]>;
  /** This person as others see them. */
  me: Accessor<Presence['user']>;
  /** Changes this person's name (or colour) everywhere they are present. */
  setUser(user: Presence['user']): void;
  /** A person's colour on this board: distinct among the people present (see people.ts). */
  colorOf(user: Presence['user']): string;
  connection: Accessor<{ status: ConnectionStatus; pending: PendingCount }>;
  /** Facilitator: moves the session's current phase. Others: shows that phase here, leaving follow mode. */
  setPhase(phaseId: string): void;
  setPhaseLocked(phaseId: string, locked: boolean): void;
  setCursor(cursor: Presence['cursor']): void;
  setEditing(noteId: string | null): void;
  /** This device's stable participant id (a voter when voting is per participant). */
  participantId: string;
  /** The table this device joined as ('' = none) and whether it writes anonymously. */
  seat: Accessor<Seat>;
  setSeat(patch: Partial<Seat>): void;
  /** The café's current round (0 before the first), stamped on new notes. */
  round: Accessor<number>;
  /** A table host's notes new since the last round, on the phase on screen, and their highlight. */
  newSince: NewSince;
  /** The facilitator's voting settings, open or closed; null when no voting was ever set up. */
  voting: Accessor<VotingSettings | null>;
  /** The votes room of the phase on screen, while voting (open or closed) is set on it. */
  votes: Accessor<VotesRoom | null>;
  /**
   * Whoever controls the session: the voted phase's room and votes room, whatever phase is on
   * screen (the facilitator confirms criteria and types paper dots from anywhere). Null otherwise.
   */
  voted: Accessor<{ phase: PhaseRoom; votes: VotesRoom } | null>;
  /** Who places this device's dots; null when voting is per table and no table is picked. */
  voter: Accessor<string | null>;
  /** The votes room accepts this person's dots now. */
  canVote: Accessor<boolean>;
};

/**
 * Opens a session from its parts: the control room right away (session-control.ts), what this
 * person may write (session-access.ts), which phase this device shows (session-navigation.ts),
 * the rooms of the phases shown (session-phase-rooms.ts) and of the voted phase
 * (session-voting.ts), presence (session-presence.ts) and the facilitator's writes
 * (facilitation.ts), one of each per session. Disposes everything on cleanup.
 */
export function createSession(credentials: Credentials, user: Presence['user']): Session {
  const id = credentials.sessionId;
  markOpen('session');
  const store = browserStore();
  const control = createControlLink(id, credentials.token, { mayRepair: credentials.role === 'facilitator' });
  const { projection } = control;
  // The phase shown last time is read from IndexedDB alongside the control room, not after it.
  const guess = guessPhase(store, id);
  const availability = createAvailability(projection.status, control.state);
  const ready = () => availability() === 'ready';
  const auth = createSessionAuth(store, credentials, () => (projection.status() === 'empty' ? null : projection.session.meta));
  onCleanup(auth.watch(control.room));
  const access = makeSessionAccess({
    sessionId: id,
    role: auth.role,
    problem: auth.problem,
    facts: control.facts,
    controlNewer: () => projection.status() === 'newer',
    controlDenied: () => control.state().denied,
  });
  const navigation = createNavigation({
    canControl: access.canControl,
    ready,
    synced: () => control.state().everSynced,
    currentPhase: () => projection.session.state.currentPhase,
    phaseIds: () => projection.session.phases.map((p) => p.id),
    spotlight: control.spotlight,
  });
  const { phases, voting } = createRooms({ credentials, auth, control, access, navigation, guess, ready });
  const seat = createSeat(store, id, () => projection.session.tables.map((table) => table.id));
  const me = participantId(store);
  const voter = (): string | null => {
    const v = control.voting();
    return v ? voterFor(v, me, seat.seat().table, projection.session.tables.map((table) => table.id)) : null;
  };
  const connection = createConnection(control.state, phases.openRooms, voting.votingRoom);
  const presence = createSessionPresence(control.room.awareness, () => phases.phase()?.room.awareness ?? null, navigation.viewPhase, user);
  const newSince = createNewSince(
    () => Object.values(phases.phase()?.notes ?? {}).filter((n): n is Note => n !== undefined),
    () => seat.seat().table,
    control.round,
  );
  createRecentEntry(id, () => (ready() ? projection.session.meta : null));
  const facilitation = createFacilitation(control.room.doc, access.canControl, () => connection().status !== 'offline');
  const runSheet = createRunSheet(control.room.doc, access.canControl, facilitation.clock);
  return {
    id,
    session: projection.session,
    controlDoc: control.room.doc,
    availability,
    readOnly: () => phases.readOnlyReason() !== null,
    readOnlyReason: phases.readOnlyReason,
    role: auth.role,
    problem: auth.problem,
    controlRepairs: control.repairs,
    refusal: () => firstRefusal([phases.phase()?.state(), voting.votes()?.state(), control.state()]),
    waitingForServer: () => !!phases.phase()?.state().waiting || !!voting.votes()?.state().waiting,
    canControl: access.canControl,
    lockedPhases: () => control.facts().lockedPhases,
    share: credentials.role === 'facilitator' && credentials.shareTokens ? createShare(store, id, location.origin) : null,
    phase: phases.phase,
    ...presence,
    connection,
    ...navigation,
    spotlight: control.spotlight,
    facilitation,
    runSheet,
    bringEveryone: facilitation.bringEveryone,
    setPhase: (phaseId) => (access.canControl() ? facilitation.setCurrentPhase(phaseId) : navigation.roamTo(phaseId)),
    setPhaseLocked: facilitation.setPhaseLocked,
    participantId: me,
    ...seat,
    round: control.round,
    newSince,
    voting: control.voting,
    votes: voting.votes,
    voted: voting.voted,
    voter,
    canVote: voting.canVote,
  };
}

/** The first of the rooms' refusals, in the order given: the phase on screen first, where a person just wrote. */
const firstRefusal = (states: (RoomState | undefined)[]): Refusal | null => states.reduce<Refusal | null>((found, s) => found ?? (s ? refusalOf(s) : null), null);

type RoomsContext = {
  credentials: Credentials;
  auth: SessionAuth;
  control: ControlLink;
  access: SessionAccess;
  navigation: Navigation;
  guess: PhaseGuess;
  ready: Accessor<boolean>;
};

/** The phase rooms and the votes room, each followed for auth while it is open. */
function createRooms({ credentials, auth, control, access, navigation, guess, ready }: RoomsContext) {
  const id = credentials.sessionId;
  // Phase rooms open from inside memos: their watches end with the session, not with a memo run.
  const unwatch: (() => void)[] = [];
  onCleanup(() => unwatch.forEach((off) => off()));
  const phases = createPhaseRooms({
    open: (phaseId) => {
      const room = makePhaseRoom(id, phaseId, () => access.phaseReason(phaseId) !== null, credentials.token);
      unwatch.push(auth.watch(room.room));
      return room;
    },
    viewPhase: navigation.viewPhase,
    ready,
    guess,
    phaseReason: access.phaseReason,
    facts: control.facts,
    role: auth.role,
    clearControlDenied: () => control.room.clearDenied(),
  });
  const voting = createVotingRooms({
    open: (phaseId) => {
      const room = makeVotesRoom(id, phaseId, () => access.canVoteOn(phaseId), credentials.token);
      const off = auth.watch(room.room);
      return { room, dispose: () => (off(), room.dispose()) };
    },
    voting: control.voting,
    viewPhase: navigation.viewPhase,
    ready,
    canControl: access.canControl,
    canVoteOn: access.canVoteOn,
    roomOf: phases.roomOf,
    facts: control.facts,
    role: auth.role,
  });
  return { phases, voting };
}

/** Whether the session's state is on this device yet, and if not, why (see `Availability`). */
function createAvailability(status: Accessor<SchemaStatus>, state: Accessor<RoomState>): Accessor<Availability> {
  const availability = createMemo<Availability>(() => {
    const s = state();
    if (status() !== 'empty') return 'ready';
    if (!s.loaded) return 'loading';
    if (s.everSynced) return 'not-found';
    return s.unreachable ? 'offline-empty' : 'connecting';
  });
  return availability;
}

/**
 * The table this device joined as and whether it writes anonymously, kept per session. A seated
 * link's table is taken once the session's tables are known and name it, and only while this
 * device has picked no table of its own: the link never moves someone who already sits.
 */
function createSeat(store: KeyValueStore, id: string, tableIds: Accessor<string[]>): { seat: Accessor<Seat>; setSeat(patch: Partial<Seat>): void } {
  const [seat, setSeat] = createSignal(loadSeat(store, id));
  const save = (patch: Partial<Seat>) => setSeat(saveSeat(store, id, patch));
  const linked = takeLinkSeat(id);
  // Read once, untracked: a device that sits somewhere already ignores the link.
  let asked = untrack(seat).table ? null : linked;
  if (asked) {
    createEffect(() => {
      if (!asked || seat().table) return void (asked = null);
      if (tableIds().includes(asked)) {
        const table = asked;
        asked = null;
        save({ table });
      }
    });
  }
  return { seat, setSeat: save };
}

/** The badge's state over every room this device has open (pending counted in notes). */
function createConnection(control: Accessor<RoomState>, phases: Accessor<PhaseRoom[]>, votes: Accessor<VotesRoom | null>) {
  const browserOnline = createBrowserOnline();
  const connection = createMemo(
    () => sessionStatus([control(), ...phases().map((r) => r.state()), ...(votes() ? [votes()!.state()] : [])], browserOnline()),
    undefined,
    { equals: (a, b) => a.status === b.status && a.pending.notes === b.pending.notes && a.pending.other === b.pending.other },
  );
  return connection;
}

/**
 * Keeps the home page's recent list current (title, last opened). Registering a session with the
 * server is auth.ts's job: the server turns sockets of an unregistered session away (4404).
 */
function createRecentEntry(id: string, meta: Accessor<SessionMeta | null>): void {
  const store = browserStore();
  const openedAt = Date.now();
  createEffect(() => {
    const title = meta()?.title;
    if (title !== undefined) upsertRecent(store, { id, title, openedAt });
  });
}
