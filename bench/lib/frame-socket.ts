import { connect, type Socket } from 'node:net';

// RFC 6455's sample nonce: any 16 bytes in base64 will do, and the answer is not checked (a bench
// talks to a server it started itself).
const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
const NO_STATUS = 1005;
const ABNORMAL = 1006;

/**
 * The smallest WebSocket client a load generator needs: binary frames over one TCP socket.
 *
 * Why not `ws`: a generator process holds hundreds of clients, and in a 500-client plenary (each
 * member receives a relay every 20 ms and sends its cursor 30 times a second) the per-message work
 * of a general client (a Writable stream per receiver, an event per message, a random mask per
 * frame and a masking pass over every payload) made the generators, not the server, the limit.
 * Here a received frame is a view into the socket's chunk, and a sent frame is one buffer and one
 * write. The mask key is zero (RFC 6455 lets the client choose any key; the server only unmasks),
 * so the payload is copied as is. What travels is what `ws` would send: servers cannot tell.
 */
export class FrameSocket {
  /** Each complete message's payload (a view, valid during the call). */
  onMessage: (data: Uint8Array) => void = () => {};
  /** Called once the handshake is answered, before any message that came with the answer. */
  onOpen: () => void = () => {};
  readonly opened: Promise<void>;
  /** The close code the server sent (1005 without one, 1006 if the connection just ended). */
  readonly closed: Promise<number>;
  private isOpen = false;
  private closeCode = ABNORMAL;
  private readonly socket: Socket;
  private unread: Buffer | null = null;
  private handshaken = false;
  private fragments: Buffer[] = [];

  constructor(url: string) {
    const target = new URL(url);
    this.socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    let refuse!: (error: Error) => void;
    this.opened = new Promise((resolve, reject) => {
      this.markOpen = resolve;
      refuse = reject;
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', () => {
        this.isOpen = false;
        refuse(new Error(`connection to ${target.pathname} closed before it opened`));
        resolve(this.closeCode);
      }),
    );
    this.socket.once('error', (error) => refuse(error));
    this.socket.once('connect', () =>
      this.socket.write(
        `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  private markOpen!: () => void;

  get open(): boolean {
    return this.isOpen;
  }

  /** One binary frame, masked with a zero key, in one write. */
  send(data: Uint8Array): void {
    if (this.isOpen) this.socket.write(frame(OPCODE.binary, data));
  }

  close(code = 1000): void {
    if (!this.isOpen) return void this.socket.destroy();
    this.isOpen = false;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.end(frame(OPCODE.close, payload));
  }

  /** Reads the handshake's answer, then every complete frame; keeps a partial one. */
  private read(chunk: Buffer): void {
    const bytes = this.unread ? Buffer.concat([this.unread, chunk]) : chunk;
    let offset = 0;
    if (!this.handshaken) {
      const end = bytes.indexOf('\r\n\r\n');
      if (end < 0) return void (this.unread = bytes);
      if (!bytes.toString('latin1', 0, 13).startsWith('HTTP/1.1 101')) return void this.socket.destroy();
      this.handshaken = this.isOpen = true;
      offset = end + 4;
      this.onOpen();
      this.markOpen();
    }
    for (;;) {
      const header = frameHeader(bytes, offset);
      if (!header || bytes.length < header.start + header.length) break;
      this.frame(header.opcode, header.fin, bytes.subarray(header.start, header.start + header.length));
      offset = header.start + header.length;
    }
    this.unread = offset < bytes.length ? bytes.subarray(offset) : null;
  }

  private frame(opcode: number, fin: boolean, payload: Buffer): void {
    if (opcode === OPCODE.binary || opcode === OPCODE.text || opcode === OPCODE.continuation) {
      if (fin && this.fragments.length === 0) return this.onMessage(payload);
      this.fragments.push(Buffer.from(payload));
      if (!fin) return;
      const whole = Buffer.concat(this.fragments);
      this.fragments = [];
      return this.onMessage(whole);
    }
    if (opcode === OPCODE.ping) return void this.socket.write(frame(OPCODE.pong, payload));
    if (opcode === OPCODE.close) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : NO_STATUS;
      this.close(this.closeCode);
    }
  }
}

/** Where a server frame's payload starts and how long it is; null until its header is complete. */
function frameHeader(bytes: Buffer, offset: number): { opcode: number; fin: boolean; start: number; length: number } | null {
  if (bytes.length - offset < 2) return null;
  const first = bytes[offset]!;
  let length = bytes[offset + 1]! & 0x7f;
  let start = offset + 2;
  if (length === 126) {
    if (bytes.length < start + 2) return null;
    length = bytes.readUInt16BE(start);
    start += 2;
  } else if (length === 127) {
    if (bytes.length < start + 8) return null;
    length = Number(bytes.readBigUInt64BE(start));
    start += 8;
  }
  return { opcode: first & 0x0f, fin: (first & 0x80) !== 0, start, length };
}

/** A final client frame: masked (as the protocol requires) with the key 0, so the payload is unchanged. */
function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const start = 2 + lengthBytes + 4;
  const out = Buffer.allocUnsafe(start + length);
  out[0] = 0x80 | opcode;
  if (lengthBytes === 0) out[1] = 0x80 | length;
  else if (lengthBytes === 2) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(length, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeBigUInt64BE(BigInt(length), 2);
  }
  out.writeUInt32BE(0, start - 4);
  out.set(payload, start);
  return out;
}
