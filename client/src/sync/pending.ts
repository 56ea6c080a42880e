/**
 * Connection status and the count of local changes not yet sent, as plain functions.
 *
 * "Pending" counts the local (LocalOrigin) document updates made since the last moment this room
 * was connected, synced and had an empty websocket send buffer. It resets to 0 as soon as that
 * holds again. It therefore counts changes not yet *sent* (handed to the network), not changes
 * acknowledged by the server: y-websocket has no acknowledgements. Every one of them is already
 * saved in IndexedDB, so "pending" never means "at risk of loss on this device". The count is kept
 * with the room in IndexedDB, so a reload while offline still shows it.
 */

export type LinkState = {
  /** The websocket is open. */
  connected: boolean;
  /** The first sync exchange with the server has completed on this connection. */
  synced: boolean;
  /** `WebSocket.bufferedAmount`: bytes queued by send() but not yet handed to the network. */
  bufferedAmount: number;
};

export type ConnectionStatus = 'online' | 'offline' | 'syncing';

export type RoomLink = { link: LinkState; pending: number };

export const OFFLINE: LinkState = { connected: false, synced: false, bufferedAmount: 0 };

/** Everything this room has is on the wire: the moment the pending count goes back to 0. */
export const isFlushed = (link: LinkState): boolean => link.connected && link.synced && link.bufferedAmount === 0;

/** After a local update: one more change that may not be sent yet (checked again by `settle`). */
export const afterLocalUpdate = (pending: number): number => pending + 1;

/** After looking at the link again (on status/sync events and while polling the send buffer). */
export const settle = (pending: number, link: LinkState): number => (isFlushed(link) ? 0 : pending);

/**
 * Offline without a socket; syncing until the first exchange is done or while local changes are
 * unsent. The send buffer alone does not count: it also carries cursor moves.
 */
export function roomStatus({ link, pending }: RoomLink): ConnectionStatus {
  if (!link.connected) return 'offline';
  if (!link.synced || pending > 0) return 'syncing';
  return 'online';
}

/** A session is as connected as its least connected room; pending counts add up. */
export function sessionStatus(rooms: readonly RoomLink[]): { status: ConnectionStatus; pending: number } {
  const statuses = rooms.map(roomStatus);
  const status: ConnectionStatus =
    statuses.length === 0 || statuses.includes('offline') ? 'offline' : statuses.includes('syncing') ? 'syncing' : 'online';
  return { status, pending: rooms.reduce((sum, r) => sum + r.pending, 0) };
}
