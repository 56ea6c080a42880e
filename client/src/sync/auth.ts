import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Role, SessionMeta } from '@wcb/shared';
import { CloseCode } from '@wcb/shared/wire';
import { confirmToken, forgetRefusedToken, type Credentials } from '../lib/credentials';
import { upsertRecent } from '../lib/recent';
import type { KeyValueStore } from '../lib/storage';
import { fetchRole, registerOnce } from './api';
import type { Room, RoomState } from './room';

/**
 * Why the server will not let this device in: 'unauthorized' will not pass; the others may.
 * 'rate-limited', 'server-full' and 'too-large': the server refused to register this device's
 * session for now (429, 507, 413); it stays in this browser and registration is retried.
 */
export type AccessProblem = 'unauthorized' | 'unknown-session' | 'rate-limited' | 'server-full' | 'too-large';

export type SessionAuth = {
  role: Accessor<Role>;
  /** The server has confirmed the role (or this device created the session). */
  confirmed: Accessor<boolean>;
  problem: Accessor<AccessProblem | null>;
  /** Follows one room's connection: final closes, and the first successful connect. */
  watch(room: Room): () => void;
};

// A session not registered yet waits for its creator to come online: ask again every 10 s at
// first, then less often, so a room full of laptops does not hammer the server all morning.
const RETRY_FIRST_MS = 10_000;
const RETRY_MAX_MS = 60_000;

/**
 * Who this device is in a session, and what to do when the server turns a socket away:
 * 4404 (not registered): the facilitator registers it (it holds the tokens) and reconnects;
 * anyone else says so and retries with backoff. 4401: says the link is no longer valid, and stops.
 */
export function createSessionAuth(
  store: KeyValueStore,
  credentials: Credentials,
  meta: () => SessionMeta | null,
): SessionAuth {
  const id = credentials.sessionId;
  const [problem, setProblemSignal] = createSignal<AccessProblem | null>(null);
  // A plain mirror of the signal: read from socket events, outside any reactive scope.
  let current: AccessProblem | null = null;
  const setProblem = (p: AccessProblem | null) => {
    current = p;
    setProblemSignal(p);
  };
  const rooms = new Set<Room>();
  const life = { disposed: false };
  // Only this token is refused: the session's other credentials (a stronger role) stay.
  const refuse = () => {
    forgetRefusedToken(store, id, credentials.token);
    setProblem('unauthorized');
  };
  const confirmation = makeRoleConfirmation(store, credentials, life, refuse);
  const registration = makeRegistration({ store, credentials, meta, rooms, setProblem, life });

  // Room states arrive on every change (pending counts too); act once per final close.
  const onState = (s: RoomState, fresh: boolean) => {
    if (s.closed && !fresh) return;
    if (s.closed?.code === CloseCode.Unauthorized) return refuse();
    if (s.closed?.code === CloseCode.UnknownSession) {
      if (current === 'unauthorized') return;
      if (credentials.role === 'facilitator') return registration.recover();
      setProblem('unknown-session');
      return registration.scheduleRetry();
    }
    // Synced, not merely open: a socket the server is about to close with 4404 opens first.
    if (s.link.synced) {
      if (current !== null && current !== 'unauthorized') setProblem(null);
      registration.resetBackoff();
      confirmation.ask();
    }
  };

  onCleanup(() => {
    life.disposed = true;
    registration.dispose();
    rooms.clear();
  });

  return {
    role: confirmation.role,
    confirmed: confirmation.confirmed,
    problem,
    watch(room) {
      rooms.add(room);
      let last: RoomState['closed'] = null;
      const off = room.subscribe((s) => {
        const fresh = s.closed !== last;
        last = s.closed;
        onState(s, fresh);
      });
      return () => {
        rooms.delete(room);
        off();
      };
    },
  };
}

/** Asks the server once what this token may do; asked again after each sync until answered. */
function makeRoleConfirmation(store: KeyValueStore, credentials: Credentials, life: { disposed: boolean }, refuse: () => void) {
  const id = credentials.sessionId;
  const [role, setRole] = createSignal<Role>(credentials.role);
  const [confirmed, setConfirmed] = createSignal(credentials.confirmed);
  let isConfirmed = credentials.confirmed;
  let asking = false;
  const ask = () => {
    if (asking || isConfirmed || life.disposed) return;
    asking = true;
    fetchRole(id, credentials.token).then((answer) => {
      asking = false;
      if (life.disposed) return;
      if ('role' in answer) {
        isConfirmed = true;
        setRole(answer.role);
        setConfirmed(true);
        confirmToken(store, id, credentials.token, answer.role);
      } else if (answer.error === 'unauthorized') refuse();
      // 'unknown-session' and 'unreachable': asked again on the next successful connection.
    });
  };
  ask();
  return { role, confirmed, ask };
}

type RegistrationDeps = {
  store: KeyValueStore;
  credentials: Credentials;
  meta: () => SessionMeta | null;
  rooms: ReadonlySet<Room>;
  setProblem(problem: AccessProblem | null): void;
  life: { disposed: boolean };
};

/**
 * A session the server does not know (4404): the facilitator registers it and reconnects the
 * waiting rooms; anyone else waits, asking again with backoff.
 */
function makeRegistration({ store, credentials, meta, rooms, setProblem, life }: RegistrationDeps) {
  const id = credentials.sessionId;
  let retryMs = RETRY_FIRST_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const reconnectWaiting = () => {
    for (const room of rooms) if (room.state().closed?.code === CloseCode.UnknownSession) room.reconnect();
  };
  /** `atLeastMs`: the server's Retry-After; asking sooner would only be refused again. */
  const scheduleRetry = (atLeastMs: number | null = null) => {
    if (retryTimer !== undefined || life.disposed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      recover();
    }, Math.max(retryMs, atLeastMs ?? 0));
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };
  const recover = () => {
    const share = credentials.shareTokens;
    const m = meta();
    if (credentials.role !== 'facilitator' || !share) {
      setProblem('unknown-session');
      reconnectWaiting();
      return;
    }
    registerOnce(id, { template: m?.template, language: m?.language, tokens: { facilitator: credentials.token, ...share } }).then(({ result, retryAfterMs }) => {
      if (life.disposed) return;
      if (result === 'registered') {
        upsertRecent(store, { id, registered: true });
        reconnectWaiting();
        return;
      }
      // Unreachable between the close and now: try again later. Refused for now (rate, quota,
      // size): say why, and try again no sooner than the server asked. Conflict or rejected: the
      // server will not take this session; say so rather than spin.
      if (result === 'rate-limited' || result === 'server-full' || result === 'too-large') setProblem(result);
      else if (result !== 'unreachable') setProblem('unknown-session');
      scheduleRetry(retryAfterMs);
    });
  };
  return {
    recover,
    scheduleRetry: () => scheduleRetry(),
    resetBackoff: () => void (retryMs = RETRY_FIRST_MS),
    dispose: () => {
      if (retryTimer !== undefined) clearTimeout(retryTimer);
    },
  };
}
