/**
 * Websocket openings a normal client library would never make: a raw path sent byte for byte
 * (no URL normalisation of `..` or `%2e`), or chosen request headers (Origin, X-Forwarded-For).
 */
import net from 'node:net';
import WebSocket from 'ws';

export type UpgradeOutcome =
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'status'; status: number }
  /** The server accepted and sent a data frame (opcode 0x82 for binary): the name was valid. */
  | { kind: 'frame'; opcode: number };

/**
 * Sends an upgrade request for exactly `path` over a bare TCP socket and reports how the server
 * answered: an HTTP status other than 101, the close frame that followed a 101, or a data frame.
 */
export function rawUpgrade(port: number, path: string): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    const done = (outcome: UpgradeOutcome): void => {
      socket.destroy();
      resolve(outcome);
    };
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`connection for ${JSON.stringify(path)} ended without an answer`)));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(buffer.subarray(0, end).toString('latin1'))?.[1]);
      if (status !== 101) return done({ kind: 'status', status });
      // Server frames are unmasked; a close frame is 0x88, a 7-bit length, a 2-byte code, the reason.
      const frame = buffer.subarray(end + 4);
      if (frame.length < 2) return;
      if (frame[0] !== 0x88) return done({ kind: 'frame', opcode: frame[0]! });
      const length = frame[1]! & 0x7f;
      if (frame.length < 2 + length) return;
      done({ kind: 'closed', code: frame.readUInt16BE(2), reason: frame.subarray(4, 2 + length).toString('utf8') });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      'latin1',
    );
  });
}

/** A `ws` socket with chosen headers; `closed` settles with the close code the server sent. */
export function openWithHeaders(
  url: string,
  headers: Record<string, string>,
): { ws: WebSocket; closed: Promise<{ code: number; reason: string }> } {
  const ws = new WebSocket(url, { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => undefined); // the close event carries the outcome
  return { ws, closed };
}
