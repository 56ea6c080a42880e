import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { SharedMessages, sendShared, type Connection } from '../../sync-server/src/connection';
import { binaryFrames } from '../../sync-server/src/ws-frames';

// The framing and parsing ws itself uses (exported by ws, not declared by @types/ws).
type FrameOptions = { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean };
const { Sender, Receiver } = ws as unknown as {
  Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] };
  Receiver: new (options: { isServer: boolean; binaryType: string }) => NodeJS.WritableStream & { on(event: 'message', listener: (data: Buffer) => void): void };
};

// Around every boundary of the three length encodings (7 bits, 16 bits, 64 bits).
const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000];
const message = (length: number): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);

/** What ws itself writes for `send(message)` from a server with compression off. */
const framedByWs = (data: Uint8Array): Buffer =>
  Buffer.concat(Sender.frame(Buffer.from(data), { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }));

describe('frames shared by many connections', () => {
  it.each(LENGTHS)('frames a %i-byte message exactly as ws does', (length) => {
    const data = message(length);
    expect(binaryFrames([data]).equals(framedByWs(data))).toBe(true);
  });

  it('puts several messages back to back, and a client reads each as its own message', async () => {
    const messages = LENGTHS.map(message);
    const received: Buffer[] = [];
    const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
    receiver.on('message', (data: Buffer) => received.push(data));
    await new Promise<void>((resolve, reject) => receiver.write(binaryFrames(messages), (error?: Error | null) => (error ? reject(error) : resolve())));
    expect(received.map((r) => [...r])).toEqual(messages.map((m) => [...m]));
  });

  it('encodes once for every connection that takes shared messages, and sends one by one to the others', () => {
    let encodings = 0;
    const shared = new SharedMessages([message(3), message(4)]);
    const writes: unknown[] = [];
    const framing: Connection = { id: 'a', role: 'participant', close: () => {}, send: () => {}, sendShared: (s) => writes.push(s.encodedBy(() => ++encodings)) };
    const plain: Connection = { id: 'b', role: 'participant', close: () => {}, send: (m) => writes.push(m) };
    for (const conn of [framing, framing, plain, framing]) sendShared(conn, shared);
    expect(encodings).toBe(1);
    expect(writes).toEqual([1, 1, shared.messages[0], shared.messages[1], 1]);
  });
});
