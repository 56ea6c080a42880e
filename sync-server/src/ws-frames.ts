// RFC 6455 §5.2: FIN set, opcode 2 (binary).
const FINAL_BINARY = 0x82;
// Payload lengths up to 125 fit the second byte; up to 65,535 take 2 more bytes; beyond, 8.
const SHORT = 125;
const MEDIUM = 0xffff;

/**
 * Server-to-client WebSocket frames for `messages`, back to back in one buffer: each final,
 * binary and unmasked, byte for byte what `ws` writes for `send(message)` with compression off.
 * A message many members receive is framed once and the same bytes go to every socket.
 */
export function binaryFrames(messages: readonly Uint8Array[]): Buffer {
  const size = messages.reduce((sum, m) => sum + headerLength(m.byteLength) + m.byteLength, 0);
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const message of messages) {
    offset = writeHeader(out, offset, message.byteLength);
    out.set(message, offset);
    offset += message.byteLength;
  }
  return out;
}

const headerLength = (length: number): number => (length <= SHORT ? 2 : length <= MEDIUM ? 4 : 10);

function writeHeader(out: Buffer, offset: number, length: number): number {
  out[offset] = FINAL_BINARY;
  if (length <= SHORT) {
    out[offset + 1] = length;
    return offset + 2;
  }
  if (length <= MEDIUM) {
    out[offset + 1] = 126;
    out.writeUInt16BE(length, offset + 2);
    return offset + 4;
  }
  out[offset + 1] = 127;
  out.writeBigUInt64BE(BigInt(length), offset + 2);
  return offset + 10;
}
