import { batch, createEffect, createMemo, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import {
  controlRoom,
  migrateDoc,
  readRounds,
  readSpotlight,
  readVotingSettings,
  roomAccess,
  sameSpotlight,
  setSpotlight,
  viewedPhase,
  type FollowViewport,
  type Note,
  type Presence,
  type Role,
  type SessionMeta,
  type SessionSnapshot,
  type Spotlight,
  type VotingSettings,
} from '@wcb/shared';
import { loadSeat, participantId, saveSeat, voterFor, type Seat } from '../lib/seat';
import type { Credentials } from '../lib/credentials';
import { browserStore } from '../lib/storage';
import { upsertRecent } from '../lib/recent';
import { makeControlFacts, type ReadOnlyReason } from './access';
import { blocksWrites, refusalOf, type Refusal } from './refusal';
import { makeSessionActions } from './actions';
import { createSessionAuth, type AccessProblem } from './auth';
import { sessionStatus, type ConnectionStatus, type PendingCount } from './pending';
import { createBrowserOnline } from './browser-online';
import { otherPeople, peopleColors, type Person } from './people';
import { makePhaseRoom, type PhaseRoom } from './phase-room';
import { makeLocalPresence, makePeers, type LocalPresence, type Peers } from './presence';
import { makeControlProjection } from './projection';
import { makeRoom } from './room';
import { guessPhase } from './preload-board';
import { markOpen } from './open-marks';
import { createShare, type Share } from './share';
import { makeVotesRoom, type VotesRoom } from './votes';
import { createNewSince, type NewSince } from './new-since';
import { createPresses } from './follow';

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

const sameVoting = (a: VotingSettings | null, b: VotingSettings | null): boolean =>
  a === b ||
  (!!a && !!b && a.phaseId === b.phaseId && a.budget === b.budget && a.per === b.per && a.hideCounts === b.hideCounts && a.open === b.open);

/**
 * Opens a session: the control room right away, and the room of whichever phase is current (rooms
 * of phases visited earlier stay open until the board closes, so switching back is instant and
 * changes made offline in them still reach the server). Disposes everything on cleanup.
 */
export function createSession(credentials: Credentials, user: Presence['user']): Session {
  const id = credentials.sessionId;
  markOpen('session');
  const store = browserStore();
  const control = makeRoom(controlRoom(id), { token: credentials.token });
  // The phase shown last time is read from IndexedDB alongside the control room, not after it.
  const guess = guessPhase(store, id);
  const projection = makeControlProjection(control.doc);
  const { facts, dispose: disposeFacts } = makeControlFacts(control.doc);
  const [controlState, setControlState] = createSignal(control.state());
  // Migrations: once on what IndexedDB had, once after the first server sync (see phase-room.ts).
  const migrated = { load: false, sync: false };
  const unsubscribe = control.subscribe((s) => {
    if ((s.loaded && !migrated.load) || (s.everSynced && !migrated.sync)) migrateDoc(control.doc, 'control');
    migrated.load ||= s.loaded;
    migrated.sync ||= s.everSynced;
    setControlState(s);
  });

  // Round and voting settings, re-read after each control transaction; signals change only when they do.
  const [round, setRound] = createSignal(readRounds(control.doc).current);
  const [voting, setVoting] = createSignal(readVotingSettings(control.doc), { equals: sameVoting });
  const [spotlight, setSpotlightSignal] = createSignal(readSpotlight(control.doc), { equals: sameSpotlight });
  const onControlUpdate = () =>
    batch(() => {
      setRound(readRounds(control.doc).current);
      setVoting(readVotingSettings(control.doc));
      setSpotlightSignal(readSpotlight(control.doc));
    });
  control.doc.on('update', onControlUpdate);
  const me = participantId(store);
  const [seat, setSeatSignal] = createSignal(loadSeat(store, id));

  const availability = createMemo<Availability>(() => {
    const s = controlState();
    if (projection.status() !== 'empty') return 'ready';
    if (!s.loaded) return 'loading';
    if (s.everSynced) return 'not-found';
    return s.unreachable ? 'offline-empty' : 'connecting';
  });
  const auth = createSessionAuth(store, credentials, () => (projection.status() === 'empty' ? null : projection.session.meta));
  const unwatchControl = auth.watch(control);
  const controlNewer = () => projection.status() === 'newer';
  const canControl = () =>
    !controlNewer() && auth.problem() !== 'unauthorized' && !blocksWrites(controlState().denied) && roomAccess(auth.role(), { kind: 'control', sessionId: id }, facts()) === 'write';
  // Why phase `phaseId` is read-only for this person, ignoring what only its room knows.
  const phaseReason = (phaseId: string): ReadOnlyReason | null => {
    if (controlNewer()) return 'newer';
    if (auth.problem() === 'unauthorized') return 'unauthorized';
    if (auth.role() === 'viewer') return 'viewer';
    return roomAccess(auth.role(), { kind: 'phase', sessionId: id, phaseId }, facts()) === 'read' ? 'locked' : null;
  };

  // Participants roam: each stays on the phase they look at until they pick another or the
  // facilitator brings everyone somewhere. Follow mode (the current phase, wherever it moves) is
  // something a person turns on, and the projector view does.
  const [followSignal, setFollowSignal] = createSignal(false);
  const [localPhase, setLocalPhase] = createSignal<string | null>(null);
  const [brought, setBrought] = createSignal<Spotlight | null>(null, { equals: false });
  const following = () => canControl() || followSignal();
  const viewPhase = createMemo(() =>
    viewedPhase({
      following: following(),
      currentPhase: projection.session.state.currentPhase,
      localPhase: localPhase(),
      phaseIds: projection.session.phases.map((p) => p.id),
    }),
  );
  // A roaming person's phase is the current phase until the server's state is known (what this
  // device read from IndexedDB may be old), then stays theirs; again if their phase is removed.
  createEffect(() => {
    if (following() || availability() !== 'ready' || !controlState().everSynced) return;
    const local = localPhase();
    if (local && projection.session.phases.some((p) => p.id === local)) return;
    setLocalPhase(projection.session.state.currentPhase);
  });
  createPresses(spotlight, () => availability() === 'ready', (spot) => {
    if (canControl()) return;
    batch(() => {
      setLocalPhase(spot.phaseId);
      setBrought(spot);
    });
  });

  const rooms = new Map<string, PhaseRoom>();
  const unwatch: (() => void)[] = [];
  const [openRooms, setOpenRooms] = createSignal<PhaseRoom[]>([]);
  // Rooms stay open until the board closes (see above), whoever asked for them first.
  const roomOf = (phaseId: string): PhaseRoom => {
    let room = rooms.get(phaseId);
    if (!room) {
      room = makePhaseRoom(id, phaseId, () => phaseReason(phaseId) !== null, credentials.token);
      unwatch.push(auth.watch(room.room));
      rooms.set(phaseId, room);
      setOpenRooms([...rooms.values()]);
    }
    return room;
  };
  const phase = createMemo(() => {
    const phaseId = viewPhase();
    if (availability() !== 'ready' || !phaseId) return null;
    if (!guess.ready(phaseId)) return null;
    return roomOf(phaseId);
  });
  createEffect(on(phase, (room) => room && guess.shown(room.phaseId)));
  const readOnlyReason = (): ReadOnlyReason | null => {
    const room = phase();
    if (!room) return phaseReason(viewPhase());
    if (room.status() === 'newer') return 'newer';
    return phaseReason(room.phaseId) ?? (blocksWrites(room.state().denied) ? 'denied' : null);
  };
  const readOnly = () => readOnlyReason() !== null;
  // When a phase turns writable again (unlocked, or a refused write made stale by new facts),
  // push what this device holds: the server dropped what it wrote meanwhile, and would hold back
  // everything it writes next (Yjs waits for the missing changes) until the next reconnect.
  const wasWritable = new Map<string, boolean>();
  createEffect(
    on([facts, auth.role, openRooms], () => {
      control.clearDenied();
      for (const room of rooms.values()) {
        const writable = phaseReason(room.phaseId) === null;
        const was = wasWritable.get(room.phaseId) ?? writable;
        const denied = room.room.state().denied;
        wasWritable.set(room.phaseId, writable);
        if (denied) room.room.clearDenied();
        if (writable && (!was || denied)) room.room.pushState();
      }
    }),
  );

  // The votes room of the phase on screen, while voting is set up on it (after closing too: the
  // results stay readable). Opened when needed and closed when the board leaves that phase.
  // Whoever controls the session keeps it open on every phase: their panel works on the voted one.
  const canVoteOn = (phaseId: string): boolean =>
    !controlNewer() && auth.problem() !== 'unauthorized' && roomAccess(auth.role(), { kind: 'votes', sessionId: id, phaseId }, facts()) === 'write';
  const votesPhase = createMemo(() => {
    const v = voting();
    return availability() === 'ready' && v && (v.phaseId === viewPhase() || canControl()) ? v.phaseId : null;
  });
  const [votingRoom, setVotes] = createSignal<VotesRoom | null>(null);
  // The board's dots and counts belong to the phase on screen only.
  const votes = createMemo(() => {
    const room = votingRoom();
    return room && room.phaseId === viewPhase() ? room : null;
  });
  const voted = createMemo(() => {
    const room = votingRoom();
    return room && canControl() && availability() === 'ready' ? { phase: roomOf(room.phaseId), votes: room } : null;
  }, null, { equals: (a, b) => a === b || (!!a && !!b && a.phase === b.phase && a.votes === b.votes) });
  createEffect(
    on(votesPhase, (phaseId) => {
      if (!phaseId) return;
      const room = makeVotesRoom(id, phaseId, () => canVoteOn(phaseId), credentials.token);
      const off = auth.watch(room.room);
      setVotes(room);
      onCleanup(() => {
        setVotes(null);
        off();
        room.dispose();
      });
    }),
  );
  // Writable again (voting reopened): send what the server dropped while it was closed.
  createEffect(
    on([facts, auth.role, votingRoom], () => {
      const room = votingRoom();
      if (!room) return;
      if (room.state().denied) room.room.clearDenied();
      if (canVoteOn(room.phaseId)) room.room.pushState();
    }),
  );
  const voter = (): string | null => {
    const v = voting();
    if (!v) return null;
    return voterFor(v, me, seat().table, projection.session.tables.map((table) => table.id));
  };

  // The phase on screen first: that is where a person just wrote.
  const shownStates = () => [phase()?.state(), votes()?.state(), controlState()];
  const refusal = () => shownStates().reduce<Refusal | null>((found, s) => found ?? (s ? refusalOf(s) : null), null);
  const waitingForServer = () => !!phase()?.state().waiting || !!votes()?.state().waiting;

  const browserOnline = createBrowserOnline();
  const connection = createMemo(
    () => sessionStatus([controlState(), ...openRooms().map((r) => r.state()), ...(votingRoom() ? [votingRoom()!.state()] : [])], browserOnline()),
    undefined,
    { equals: (a, b) => a.status === b.status && a.pending.notes === b.pending.notes && a.pending.other === b.pending.other },
  );

  // Presence: who is in the session is published in the control room (everyone is there); the
  // cursor and the note being edited only in the room of the phase this device shows.
  const [myUser, setMyUser] = createSignal(user);
  const base = (): Presence => ({ user: myUser(), phase: viewPhase(), cursor: null, editing: null });
  const controlPresence = makeLocalPresence(control.awareness, untrack(base));
  const people = makePeers(control.awareness);
  const others = createMemo(() => otherPeople(people.peers, myUser().id));
  const colors = createMemo(() => peopleColors(myUser().id, others()));
  const [phasePresence, setPhasePresence] = createSignal<LocalPresence | null>(null);
  createEffect(
    on(phase, (room) => {
      controlPresence.set({ phase: viewPhase() });
      if (!room) return;
      const presence = makeLocalPresence(room.room.awareness, base());
      setPhasePresence(presence);
      onCleanup(() => {
        setPhasePresence(null);
        presence.dispose();
      });
    }),
  );

  const newSince = createNewSince(
    () => Object.values(phase()?.notes ?? {}).filter((n): n is Note => n !== undefined),
    () => seat().table,
    round,
  );

  createRecentEntry(id, () => (availability() === 'ready' ? projection.session.meta : null));

  // eslint-disable-next-line solid/reactivity -- an accessor, read by each action when it runs.
  const actions = makeSessionActions(control.doc, () => !canControl());
  onCleanup(() => {
    control.doc.off('update', onControlUpdate);
    unsubscribe();
    unwatchControl();
    for (const off of unwatch) off();
    disposeFacts();
    batch(() => {
      for (const room of rooms.values()) room.dispose();
      rooms.clear();
    });
    guess.dispose();
    people.dispose();
    controlPresence.dispose();
    projection.dispose();
    control.dispose();
  });

  return {
    id,
    session: projection.session,
    controlDoc: control.doc,
    availability,
    readOnly,
    readOnlyReason,
    role: auth.role,
    problem: auth.problem,
    refusal,
    waitingForServer,
    canControl,
    lockedPhases: () => facts().lockedPhases,
    share: credentials.role === 'facilitator' && credentials.shareTokens ? createShare(store, id, location.origin) : null,
    phase,
    people: people.peers,
    others,
    me: myUser,
    setUser: (next) => {
      setMyUser(next);
      controlPresence.set({ user: next });
      phasePresence()?.set({ user: next });
    },
    colorOf: (u) => colors().get(u.id) ?? u.color,
    connection,
    viewPhase,
    spotlight,
    brought,
    following,
    setFollowing: (on) =>
      batch(() => {
        if (!on) setLocalPhase(viewPhase());
        setFollowSignal(on);
      }),
    bringEveryone: (phaseId, viewport) => {
      if (canControl()) setSpotlight(control.doc, phaseId, viewport);
    },
    setPhase: (phaseId) => {
      if (canControl()) return actions.setPhase(phaseId);
      if (phaseId === viewPhase()) return;
      batch(() => {
        setLocalPhase(phaseId);
        setFollowSignal(false);
      });
    },
    setPhaseLocked: (phaseId, locked) => actions.setPhaseLocked(phaseId, locked),
    setCursor: (cursor) => phasePresence()?.setCursor(cursor),
    setEditing: (editing) => phasePresence()?.set({ editing }),
    participantId: me,
    seat,
    setSeat: (patch) => setSeatSignal(saveSeat(store, id, patch)),
    round,
    newSince,
    voting,
    votes,
    voted,
    voter,
    canVote: () => {
      const room = votes();
      return !!room && !blocksWrites(room.state().denied) && canVoteOn(room.phaseId);
    },
  };
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
