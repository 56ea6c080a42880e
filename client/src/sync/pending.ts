/**
 * Connection status and the local changes not yet sent, as plain functions.
 *
 * "Pending" is the set of records (a note, a dot, a setting: `<map>/<id>`, see pending-records.ts)
 * changed by this device since the room last had everything it wrote on the wire *and* heard from
 * the server afterwards. The server answers a heartbeat (liveness.ts) in order, after it has stored
 * what the same connection sent before, so hearing back is as close to an acknowledgement as the
 * stock y-websocket protocol allows. Every pending change is already saved in IndexedDB, so
 * "pending" never means "at risk of loss on this device". The set is kept with the room in
 * IndexedDB, so a reload while offline still shows it. People count notes, not Yjs updates: the
 * badge shows how many distinct notes wait (`countPending`).
 */

export type LinkState = {
  /** The websocket is open. */
  connected: boolean;
  /** The first sync exchange with the server has completed on this connection. */
  synced: boolean;
  /** `WebSocket.bufferedAmount`: bytes queued by send() but not yet handed to the network. */
  bufferedAmount: number;
  /** The socket is open but the server has not answered a heartbeat in time (liveness.ts). */
  stale: boolean;
};

export type ConnectionStatus = 'online' | 'offline' | 'syncing';

/** Record keys (`notes/<id>`, `dots/<id>`, `state/timer`, …) with changes not yet sent. */
export type PendingKeys = ReadonlySet<string>;

export type RoomLink = { link: LinkState; pending: PendingKeys };

/** What waits, as people count it: distinct notes, and any other changes (dots, settings, answers). */
export type PendingCount = { notes: number; other: number };

export const OFFLINE: LinkState = { connected: false, synced: false, bufferedAmount: 0, stale: false };

export const NOTHING_PENDING: PendingKeys = new Set<string>();

const NOTE_PREFIX = 'notes/';

/** Everything this room has is on the wire and the link is alive. */
export const isFlushed = (link: LinkState): boolean => link.connected && link.synced && !link.stale && link.bufferedAmount === 0;

/** After a local change: its records wait until `settle` sees them sent and answered. */
export function afterLocalChange(pending: PendingKeys, keys: Iterable<string>): PendingKeys {
  const next = new Set(pending);
  for (const key of keys) next.add(key);
  return next.size === pending.size ? pending : next;
}

/** Nothing waits once everything is on the wire and the server has answered since (`confirmed`). */
export const settle = (pending: PendingKeys, link: LinkState, confirmed: boolean): PendingKeys =>
  pending.size > 0 && isFlushed(link) && confirmed ? NOTHING_PENDING : pending;

/**
 * Offline without a socket or while the server does not answer; syncing until the first exchange
 * is done or while local changes wait. The send buffer alone does not count: it also carries
 * cursor moves.
 */
export function roomStatus({ link, pending }: RoomLink): ConnectionStatus {
  if (!link.connected || link.stale) return 'offline';
  if (!link.synced || pending.size > 0) return 'syncing';
  return 'online';
}

export function countPending(keys: Iterable<string>): PendingCount {
  let notes = 0;
  let other = 0;
  for (const key of keys) {
    if (key.startsWith(NOTE_PREFIX)) notes++;
    else other++;
  }
  return { notes, other };
}

/**
 * A session is as connected as its least connected room, and offline whenever the browser says
 * it has no network (`navigator.onLine`): that is known at once, long before a socket notices.
 * Pending records add up over the rooms, each note once.
 */
export function sessionStatus(rooms: readonly RoomLink[], browserOnline = true): { status: ConnectionStatus; pending: PendingCount } {
  const statuses = rooms.map(roomStatus);
  const status: ConnectionStatus =
    !browserOnline || statuses.length === 0 || statuses.includes('offline') ? 'offline' : statuses.includes('syncing') ? 'syncing' : 'online';
  const keys = new Set<string>();
  for (const room of rooms) for (const key of room.pending) keys.add(key);
  return { status, pending: countPending(keys) };
}
