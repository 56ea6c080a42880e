import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { controlRoom, migrateDoc, type Presence, type SessionMeta, type SessionSnapshot } from '@wcb/shared';
import { browserStore } from '../lib/storage';
import { loadRecent, upsertRecent } from '../lib/recent';
import { makeSessionActions } from './actions';
import { sessionStatus, type ConnectionStatus } from './pending';
import { makePhaseRoom, type PhaseRoom } from './phase-room';
import { makeLocalPresence, makePeers, type LocalPresence, type Peers } from './presence';
import { makeControlProjection } from './projection';
import { registerSession } from './register';
import { makeRoom } from './room';

/**
 * 'loading': reading IndexedDB. 'connecting': nothing on this device, waiting for the server.
 * 'offline-empty': nothing on this device and the server cannot be reached (still retrying).
 * 'not-found': the server has nothing either (still listening: an offline creator may push it).
 */
export type Availability = 'loading' | 'connecting' | 'offline-empty' | 'not-found' | 'ready';

export type Session = {
  readonly id: string;
  readonly session: SessionSnapshot;
  availability: Accessor<Availability>;
  /** A document was written by a newer app version: show it, write nothing. */
  readOnly: Accessor<boolean>;
  /** The current phase's room, once the control document is known. */
  phase: Accessor<PhaseRoom | null>;
  /** People in the session (control room), excluding this device. */
  people: Peers;
  connection: Accessor<{ status: ConnectionStatus; pending: number }>;
  setPhase(phaseId: string): void;
  setCursor(cursor: Presence['cursor']): void;
  setEditing(noteId: string | null): void;
};

/**
 * Opens a session: the control room right away, and the room of whichever phase is current (rooms
 * of phases visited earlier stay open until the board closes, so switching back is instant and
 * changes made offline in them still reach the server). Disposes everything on cleanup.
 */
export function createSession(id: string, user: Presence['user']): Session {
  const control = makeRoom(controlRoom(id));
  const projection = makeControlProjection(control.doc);
  const [controlState, setControlState] = createSignal(control.state());
  // Migrations: once on what IndexedDB had, once after the first server sync (see phase-room.ts).
  const migrated = { load: false, sync: false };
  const unsubscribe = control.subscribe((s) => {
    if ((s.loaded && !migrated.load) || (s.everSynced && !migrated.sync)) migrateDoc(control.doc, 'control');
    migrated.load ||= s.loaded;
    migrated.sync ||= s.everSynced;
    setControlState(s);
  });

  const availability = createMemo<Availability>(() => {
    const s = controlState();
    if (projection.status() !== 'empty') return 'ready';
    if (!s.loaded) return 'loading';
    if (s.everSynced) return 'not-found';
    return s.unreachable ? 'offline-empty' : 'connecting';
  });
  const controlReadOnly = () => projection.status() === 'newer';

  const rooms = new Map<string, PhaseRoom>();
  const [openRooms, setOpenRooms] = createSignal<PhaseRoom[]>([]);
  const phase = createMemo(() => {
    const phaseId = projection.session.state.currentPhase;
    if (availability() !== 'ready' || !phaseId) return null;
    let room = rooms.get(phaseId);
    if (!room) {
      room = makePhaseRoom(id, phaseId, controlReadOnly);
      rooms.set(phaseId, room);
      setOpenRooms([...rooms.values()]);
    }
    return room;
  });
  const readOnly = () => controlReadOnly() || phase()?.status() === 'newer';

  const connection = createMemo(() => sessionStatus([controlState(), ...openRooms().map((r) => r.state())]));

  // Presence: who is in the session is published in the control room (everyone is there); the
  // cursor and the note being edited only in the current phase's room.
  const base = (): Presence => ({ user, phase: projection.session.state.currentPhase, cursor: null, editing: null });
  const controlPresence = makeLocalPresence(control.awareness, base());
  const people = makePeers(control.awareness);
  const [phasePresence, setPhasePresence] = createSignal<LocalPresence | null>(null);
  createEffect(
    on(phase, (room) => {
      controlPresence.set({ phase: projection.session.state.currentPhase });
      if (!room) return;
      const presence = makeLocalPresence(room.room.awareness, base());
      setPhasePresence(presence);
      onCleanup(() => {
        setPhasePresence(null);
        presence.dispose();
      });
    }),
  );

  createRecentEntry(
    id,
    () => (availability() === 'ready' ? projection.session.meta : null),
    () => controlState().link.connected,
  );

  const actions = makeSessionActions(control.doc, controlReadOnly);
  onCleanup(() => {
    unsubscribe();
    batch(() => {
      for (const room of rooms.values()) room.dispose();
      rooms.clear();
    });
    people.dispose();
    controlPresence.dispose();
    projection.dispose();
    control.dispose();
  });

  return {
    id,
    session: projection.session,
    availability,
    readOnly,
    phase,
    people: people.peers,
    connection,
    setPhase: (phaseId) => actions.setPhase(phaseId),
    setCursor: (cursor) => phasePresence()?.setCursor(cursor),
    setEditing: (editing) => phasePresence()?.set({ editing }),
  };
}

/**
 * Keeps the home page's recent list current (title, last opened) and registers the session with
 * the server the first time this device sees the server while the session is open.
 */
function createRecentEntry(id: string, meta: Accessor<SessionMeta | null>, connected: Accessor<boolean>): void {
  const store = browserStore();
  const openedAt = Date.now();
  createEffect(() => {
    const title = meta()?.title;
    if (title !== undefined) upsertRecent(store, { id, title, openedAt });
  });
  let registering = false;
  createEffect(() => {
    const m = meta();
    if (!connected() || !m || registering) return;
    if (loadRecent(store).find((r) => r.id === id)?.registered) return;
    registering = true;
    registerSession(id, { template: m.template, language: m.language }).then((ok) => {
      if (ok) upsertRecent(store, { id, registered: true });
      else registering = false;
    });
  });
}
