/**
 * Why the server refuses this device's writes, from a room's state: the reason of y-protocols'
 * auth message (permission denied, PROTOCOL.md "Auth (type 2)"), or an old server's close code.
 * The connection stays open after a refusal; the refused edits stay in this device's document
 * (and IndexedDB) and reach nobody.
 */
export type Refusal = 'read-only' | 'room-full' | 'session-full' | 'server-full' | 'other';

/** Close code of servers that closed the socket instead of refusing (final for the stock client). */
export const CLOSE_TOO_LARGE = 4413;
/** Transient: the server does not know this phase yet (its control room has not got it). */
export const CLOSE_UNKNOWN_PHASE = 4533;

// Storage refusals do not make the room read-only: deleting notes still frees room.
const STORAGE: ReadonlySet<string> = new Set(['room-full', 'session-full', 'server-full']);

/** The reason as kept in the room's state: y-protocols lets it be empty, which means read-only. */
export const normaliseReason = (reason: string): string => reason.trim() || 'read-only';

/** Whether a refusal means nothing this device writes here can land (every reason but storage). */
export const blocksWrites = (denied: string | null): boolean => denied !== null && !STORAGE.has(denied);

export function refusalOf(state: { denied: string | null; closed: { code: number } | null }): Refusal | null {
  if (state.denied !== null) return state.denied === 'read-only' || STORAGE.has(state.denied) ? (state.denied as Refusal) : 'other';
  return state.closed?.code === CLOSE_TOO_LARGE ? 'room-full' : null;
}
