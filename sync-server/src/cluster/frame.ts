/**
 * Bus frames (PROTOCOL.md, "Cluster bus"):
 *
 *   frame = version:u8 (1) · origin:varString · target:varString · message:bytes (the rest)
 *
 * `origin` is the sending instance's id; `target` is '' for every instance, or the one instance
 * a reconcile reply is meant for; `message` is a y-websocket message (sync or awareness).
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const FRAME_VERSION = 1;

export interface Frame {
  readonly origin: string;
  /** '' = every instance. */
  readonly target: string;
  readonly message: Uint8Array;
}

export function encodeFrame({ origin, target, message }: Frame): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, FRAME_VERSION);
  encoding.writeVarString(encoder, origin);
  encoding.writeVarString(encoder, target);
  encoding.writeUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

/** null for anything that is not a version-1 frame (a newer instance during a rolling upgrade). */
export function decodeFrame(bytes: Uint8Array): Frame | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readUint8(decoder) !== FRAME_VERSION) return null;
    const origin = decoding.readVarString(decoder);
    const target = decoding.readVarString(decoder);
    const message = bytes.subarray(decoder.pos);
    return message.byteLength > 0 ? { origin, target, message } : null;
  } catch {
    return null;
  }
}
