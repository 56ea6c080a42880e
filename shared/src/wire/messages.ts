/**
 * What travels on a room's websocket (PROTOCOL.md, "Messages"): the y-websocket message types and
 * sync steps, the reasons a write is refused, and the few encoders both ends need. Pure functions
 * over lib0 encoders and decoders, no socket: the server's handlers (sync-server/src/protocol.ts),
 * the client's room and the tests' raw peers all import them from here.
 */
import * as encoding from 'lib0/encoding';
import { writeUpdate } from 'y-protocols/sync';

/** First varuint of every message. Auth (2) only travels from the server to the client. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Second varuint of a sync message. */
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

/** Reason of the permission-denied auth message sent to a writer the room does not let write. */
export const READ_ONLY_REASON = 'read-only';
/** Reason when a write would grow the room past its size budget (deleting still works). */
export const ROOM_FULL_REASON = 'room-full';

/** Why a write was refused for space: the room, the session's quota, or the server's storage. */
export type WriteRefusal = typeof ROOM_FULL_REASON | 'session-full' | 'server-full';
/** Every reason a permission-denied auth message carries today; a newer server may send others. */
export const DENIAL_REASONS = [READ_ONLY_REASON, ROOM_FULL_REASON, 'session-full', 'server-full'] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

/** A sync update message (type 0, step 2 "update") carrying `update`. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 message carrying `stateVector`. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncStep.Step1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** An awareness message (type 1) carrying an encoded awareness update. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

