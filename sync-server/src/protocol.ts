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
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import type { Awareness } from 'y-protocols/awareness';
import {
  CloseCode,
  MessageType,
  READ_ONLY_REASON,
  SyncStep,
  encodeAwarenessMessage,
  encodeSyncStep1 as encodeStep1,
  type WriteRefusal,
} from '@wcb/shared/wire';
import type { DocState } from './doc-state/types';
import { countStructs } from './doc-state/struct-scan';
import { InvalidRecord, UPDATE_LIMITS } from './doc-state/update-rules';

export type ProtocolErrorKind = 'malformed-message' | 'invalid-record' | 'unknown-message-type' | 'rate-limited';

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
    if (this.kind === 'rate-limited') return CloseCode.RateLimited;
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
  /**
   * Whether this connection may set (or, `removing`, clear) the presence of `clientId`: only ids
   * it introduced, never another connection's. Absent: every id (a test context).
   */
  mayAnnounce?(clientId: number, removing: boolean): boolean;
  /** Charges `structs` decoded structs to the sender; false when it sent too many lately. Absent: free. */
  chargeStructs?(structs: number): boolean;
  /** Why the room cannot take `update` now (its size budget), or null. Absent: always takes it. */
  refuseWrite?(update: Uint8Array): WriteRefusal | null;
  /** A write was refused for `reason`: true to tell the writer (an auth message with that reason). */
  writeRefused?(reason: WriteRefusal): boolean;
}

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
      // Decoding costs per struct, so an address pays for what it sends before anything decodes.
      const structs = countStructs(update, UPDATE_LIMITS.maxStructs, UPDATE_LIMITS.maxValueDepth);
      if (ctx.chargeStructs && !ctx.chargeStructs(structs)) throw new ProtocolError('rate-limited', 'struct rate exceeded');
      // Within the room's budget? A full room refuses growth, not the connection: deletions
      // still pass, and the writer is told why instead of being closed (PROTOCOL.md, "Auth").
      const refusal = ctx.refuseWrite?.(update) ?? null;
      if (refusal !== null) {
        if (ctx.writeRefused?.(refusal)) {
          encoding.writeVarUint(encoder, MessageType.Auth);
          authProtocol.writePermissionDenied(encoder, refusal);
        }
        return;
      }
      ctx.doc.apply(update, ctx.origin, true);
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
  const entries = readAwarenessEntries(update);
  const allowed = ctx.mayAnnounce ? entries.filter((e) => ctx.mayAnnounce!(e.clientId, e.json === 'null')) : entries;
  if (allowed.length === 0) return;
  // Everything allowed (a cursor move, nearly every message of a plenary): the checked bytes
  // themselves, not a re-encoding of them.
  awarenessProtocol.applyAwarenessUpdate(ctx.awareness, allowed.length === entries.length ? update : encodeAwarenessEntries(allowed), ctx.origin);
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
    // Well-formed Yjs whose control record is not (control-guard.ts): same code, its own reason.
    if (err instanceof InvalidRecord) throw new ProtocolError('invalid-record', `invalid control record: ${err.message}`, { cause: err });
    const reason = err instanceof Error ? err.message : String(err);
    throw new ProtocolError('malformed-message', `malformed message: ${reason}`, { cause: err });
  }
  return encoding.length(encoder) > 0 ? encoding.toUint8Array(encoder) : null;
}

/** Presence limits (PROTOCOL.md, "Awareness"); each state is relayed to every member of the room. */
export const AWARENESS_LIMITS = {
  // Our state (name, colour, cursor, phase) is under 300 bytes; 4 KiB leaves room, stops amplification.
  maxStateBytes: 4096,
  // Our state nests two deep; a cap keeps JSON.stringify (every relay tick) off the stack limit.
  maxStateDepth: 8,
  // A stock client announces one id per message.
  maxEntries: 16,
  // Yjs client ids are unsigned 32-bit.
  maxClientId: 2 ** 32 - 1,
} as const;

export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  /** The state as sent: a JSON object, or "null" (the client left). */
  readonly json: string;
}

/**
 * Decodes and checks a whole awareness update: every entry decodes, every state is an object or
 * null within the size and depth limits. Throws ProtocolError (1007) otherwise.
 */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > AWARENESS_LIMITS.maxEntries) throw malformed(`more than ${AWARENESS_LIMITS.maxEntries} awareness states`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (clientId > AWARENESS_LIMITS.maxClientId) throw malformed('awareness client id out of range');
    if (bytes.byteLength > AWARENESS_LIMITS.maxStateBytes) throw malformed(`awareness state over ${AWARENESS_LIMITS.maxStateBytes} bytes`);
    const json = utf8.decode(bytes);
    const state: unknown = JSON.parse(json);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw malformed('awareness state must be an object or null');
    }
    if (jsonDepth(state) > AWARENESS_LIMITS.maxStateDepth) throw malformed(`awareness state nested deeper than ${AWARENESS_LIMITS.maxStateDepth}`);
    entries.push({ clientId, clock, json });
  }
  return entries;
}

/** Throws ProtocolError unless `update` is a well-formed awareness update (readAwarenessEntries). */
export function validateAwarenessUpdate(update: Uint8Array): void {
  readAwarenessEntries(update);
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const malformed = (message: string): ProtocolError => new ProtocolError('malformed-message', message);

/** Nesting depth of a parsed JSON value (a scalar is 0), without recursion. */
function jsonDepth(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > AWARENESS_LIMITS.maxStateDepth) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/* Server-initiated messages. */

export const encodeSyncStep1 = (doc: DocState): Uint8Array => encodeStep1(doc.stateVector());

export const encodeAwareness = (awareness: Awareness, clients: readonly number[]): Uint8Array =>
  encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [...clients]));
