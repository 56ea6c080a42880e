/**
 * The y-websocket wire protocol as pure functions (PROTOCOL.md, "Messages").
 *
 * Nothing here sees a socket, a room or storage: a handler reads one message from a decoder,
 * may change the doc/awareness in the context, and writes its reply (if any) to an encoder.
 * That keeps every rule unit-testable and lets the room decide when bytes actually leave.
 *
 * Incoming sync messages are decoded here rather than with y-protocols' readSyncMessage,
 * because that helper swallows errors from applyUpdate; we need a malformed update to fail
 * loudly so only the offending connection is closed.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import type { Awareness } from 'y-protocols/awareness';
import { CloseCode } from './close-codes';
import type { DocState } from './doc-state/types';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const;

export type ProtocolErrorKind = 'malformed-message' | 'unknown-message-type';

/** The peer sent something we cannot process: close that connection, nobody else's. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly kind: ProtocolErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  get closeCode(): number {
    return this.kind === 'unknown-message-type' ? CloseCode.UnsupportedData : CloseCode.MalformedMessage;
  }
}

/** Everything a handler may touch for one connection. */
export interface ProtocolContext {
  /** The room's document: a Y.Doc or its encoded form (doc-state/). */
  readonly doc: DocState;
  readonly awareness: Awareness;
  /** Transaction origin of changes this connection causes, so the room knows whom not to echo to. */
  readonly origin: unknown;
  /**
   * Whether this connection may change the doc right now. Asked per message, because a
   * permission (a phase lock, a role) can change while the connection stays open.
   */
  canWrite(): boolean;
  /**
   * Called when a step 2 or update is dropped because canWrite() said no. Returning true makes
   * the reply an auth message (type 2) `permission denied: read-only`. Absent: dropped silently.
   */
  writeDenied?(step: typeof SyncStep.Step2 | typeof SyncStep.Update): boolean;
}

/** Reason text of the permission-denied auth message sent to a read-only writer. */
export const READ_ONLY_REASON = 'read-only';

export type MessageHandler = (decoder: decoding.Decoder, encoder: encoding.Encoder, ctx: ProtocolContext) => void;

const handleSync: MessageHandler = (decoder, encoder, ctx) => {
  const step = decoding.readVarUint(decoder);
  switch (step) {
    case SyncStep.Step1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, SyncStep.Step2);
      encoding.writeVarUint8Array(encoder, ctx.doc.diff(stateVector));
      return;
    }
    case SyncStep.Step2:
    case SyncStep.Update: {
      const update = decoding.readVarUint8Array(decoder);
      // A refused write is never applied, so it reaches neither storage nor other peers. The
      // connection stays open: refusing a write must not disturb read access.
      if (!ctx.canWrite()) {
        if (ctx.writeDenied?.(step)) {
          encoding.writeVarUint(encoder, MessageType.Auth);
          authProtocol.writePermissionDenied(encoder, READ_ONLY_REASON);
        }
        return;
      }
      ctx.doc.apply(update, ctx.origin);
      return;
    }
    default:
      throw new ProtocolError('malformed-message', `unknown sync step ${step}`);
  }
};

const handleAwareness: MessageHandler = (decoder, _encoder, ctx) => {
  const update = decoding.readVarUint8Array(decoder);
  // applyAwarenessUpdate mutates entry by entry, so a bad entry in the middle would leave
  // earlier entries applied but never announced. Check the whole update first.
  validateAwarenessUpdate(update);
  awarenessProtocol.applyAwarenessUpdate(ctx.awareness, update, ctx.origin);
};

const handleQueryAwareness: MessageHandler = (_decoder, encoder, ctx) => {
  const clients = Array.from(ctx.awareness.getStates().keys());
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(ctx.awareness, clients));
};

/** Message type → handler. Type 2 (auth) is server → client only and so is unknown here. */
export const messageHandlers: ReadonlyMap<number, MessageHandler> = new Map([
  [MessageType.Sync, handleSync],
  [MessageType.Awareness, handleAwareness],
  [MessageType.QueryAwareness, handleQueryAwareness],
]);

/**
 * Handles one complete message and returns the reply to send back to the same peer, if any.
 * Throws ProtocolError for anything the peer got wrong; changes already applied to the doc
 * before a throw are kept, since Yjs emits them as ordinary updates (see Room).
 */
export function handleMessage(message: Uint8Array, ctx: ProtocolContext): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  const encoder = encoding.createEncoder();
  try {
    const type = decoding.readVarUint(decoder);
    const handler = messageHandlers.get(type);
    if (!handler) throw new ProtocolError('unknown-message-type', `unknown message type ${type}`);
    handler(decoder, encoder, ctx);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new ProtocolError('malformed-message', `malformed message: ${reason}`, { cause: err });
  }
  return encoding.length(encoder) > 0 ? encoding.toUint8Array(encoder) : null;
}

/** Throws ProtocolError unless `update` is a well-formed awareness update of object-or-null states. */
export function validateAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // clientID
    decoding.readVarUint(decoder); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new ProtocolError('malformed-message', 'awareness state must be an object or null');
    }
  }
}

/* Server-initiated messages. */

export function encodeSyncStep1(doc: DocState): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncStep.Step1);
  encoding.writeVarUint8Array(encoder, doc.stateVector());
  return encoding.toUint8Array(encoder);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: Awareness, clients: readonly number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
  return encoding.toUint8Array(encoder);
}
