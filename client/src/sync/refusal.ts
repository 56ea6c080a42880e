/**
 * Why the server refuses this device's writes, from a room's state: the reason of y-protocols'
 * auth message (permission denied, PROTOCOL.md "Auth (type 2)"), or an old server's close code.
 * The connection stays open after a refusal; the refused edits stay in this device's document
 * (and IndexedDB) and reach nobody.
 */
import { CloseCode, INVALID_RECORD_REASON, READ_ONLY_REASON, ROOM_FULL_REASON, isFinalClose, type DenialReason, type WriteRefusal } from '@wcb/shared/wire';

/** 'invalid-record': the server closed the control room for a record it refuses (final, see below). */
export type Refusal = DenialReason | 'invalid-record' | 'other';

// Storage refusals do not make the room read-only: deleting notes still frees room.
const STORAGE: ReadonlySet<string> = new Set<WriteRefusal>([ROOM_FULL_REASON, 'session-full', 'server-full']);

/** The reason as kept in the room's state: y-protocols lets it be empty, which means read-only. */
export const normaliseReason = (reason: string): string => reason.trim() || READ_ONLY_REASON;

/** Whether a refusal means nothing this device writes here can land (every reason but storage). */
export const blocksWrites = (denied: string | null): boolean => denied !== null && !STORAGE.has(denied);

export function refusalOf(state: { denied: string | null; closed: { code: number; reason?: string } | null }): Refusal | null {
  if (state.denied !== null) return state.denied === READ_ONLY_REASON || STORAGE.has(state.denied) ? (state.denied as Refusal) : 'other';
  if (state.closed && isInvalidRecordClose(state.closed)) return 'invalid-record';
  return state.closed?.code === CloseCode.DocumentTooLarge ? ROOM_FULL_REASON : null;
}

const isInvalidRecordClose = (event: { code: number; reason?: string }): boolean =>
  event.code === CloseCode.MalformedMessage && event.reason === INVALID_RECORD_REASON;

/**
 * Whether the provider should connect again after the server closed it: not after the stock
 * client's final codes (4400-4499), nor after a refused control record. That document would send
 * the same record on every reconnect and be closed again, over and over, with nothing said.
 */
export const shouldReconnectAfter = (event: { code: number; reason: string }): boolean => !isFinalClose(event.code) && !isInvalidRecordClose(event);
