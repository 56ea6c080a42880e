/**
 * Issue 5's storm: over ten thousand malformed frames (seeded random bytes, truncated varints,
 * huge declared lengths, unknown message types, text frames, one 10 MB frame) over many raw
 * `ws` connections, while two stock clients keep editing one healthy room. Every bad frame
 * closes only its own connection; the healthy room never stalls; the server stays up; and none
 * of the garbage reaches the healthy room's storage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { phaseRoom } from '@wcb/shared';
import { CloseCode } from '@wcb/shared/wire';
import { fuzzSeeds } from '../support/fuzz';
import { connectClient, waitForDoc, type TestClient } from './helpers/clients';
import { registerSession } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

const BAD_FRAMES = 10_000;
// Connections storming at once; each is opened, fed one bad frame and closed by the server.
const PARALLEL = 12;
// The healthy clients exchange an edit after every this many bad frames.
const CHECK_EVERY = 250;

type Frame = string | Uint8Array;

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const withVarUint = (prefix: number[], n: number, tail: Uint8Array = new Uint8Array()): Uint8Array => {
  const e = encoding.createEncoder();
  for (const b of prefix) encoding.writeUint8(e, b);
  encoding.writeVarUint(e, n);
  encoding.writeUint8Array(e, tail);
  return encoding.toUint8Array(e);
};

/** One malformed frame of a randomly chosen family. */
function badFrame(gen: prng.PRNG): Frame {
  const tail = (max: number): Uint8Array => prng.uint8Array(gen, prng.uint32(gen, 0, max));
  switch (prng.uint32(gen, 0, 8)) {
    case 0: // random bytes
      return prng.uint8Array(gen, prng.uint32(gen, 1, 96));
    case 1: {
      // a varint that never ends, at the type, the sync step or a length
      const prefix = prng.oneOf(gen, [[], [0], [0, 1], [0, 2], [1]]);
      const run = Array.from({ length: prng.uint32(gen, 1, 10) }, () => 0x80 | prng.uint32(gen, 0, 127));
      return bytes(...prefix, ...run);
    }
    case 2: // a declared length far beyond the frame
      return withVarUint(
        prng.oneOf(gen, [[0, 0], [0, 1], [0, 2], [1]]),
        prng.oneOf(gen, [2 ** 31, 2 ** 40, 2 ** 52, 1000, 70_000]),
        tail(16),
      );
    case 3: // an unknown message type, or auth (server to client only)
      return withVarUint([], prng.oneOf(gen, [2, 4, 5, 9, 127, 128, 300, 2 ** 32]), tail(16));
    case 4: // text frames
      return prng.oneOf(gen, ['-1', '', '{"type":"sync"}', prng.word(gen, 1, 40)]);
    case 5: // an unknown sync step
      return withVarUint([0], prng.uint32(gen, 3, 1000), tail(8));
    case 6: {
      // a sync message (step 1, step 2 or update) around random bytes
      const body = tail(64);
      return withVarUint([0, prng.uint32(gen, 0, 2)], body.length, body);
    }
    case 7: {
      // awareness whose state is not JSON, or not an object
      const state = new TextEncoder().encode(prng.oneOf(gen, ['not json', '[1,2]', '42', '"s"', '{']));
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, prng.uint32(gen, 1, 2 ** 30));
      encoding.writeVarUint(inner, prng.uint32(gen, 0, 5));
      encoding.writeVarUint8Array(inner, state);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    }
    default: // an empty frame
      return new Uint8Array();
  }
}

/**
 * Opens a socket, sends `frame` and then a text frame as a terminator (in case `frame` was
 * harmless by chance), and resolves with the close code the server sent.
 */
function storm(url: string, frame: Frame): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined); // the close event carries the outcome
    ws.once('open', () => {
      ws.send(frame, { binary: typeof frame !== 'string' });
      ws.send('terminator', { binary: false });
    });
    ws.once('close', (code: number) => resolve(code));
    ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
}

describe('malformed-frame storm', () => {
  let server: TestServer | null = null;
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server?.stop();
    server = null;
  });

  it('closes only the offending connections while a healthy room keeps syncing, and stores none of it', async () => {
    server = await startTestServer();
    const { wsUrl } = server;
    const session = await registerSession(server.storage);
    const healthyRoom = phaseRoom(session.id, 'healthy');
    const stormRoom = phaseRoom(session.id, 'storm');
    const [seed = 0] = fuzzSeeds(1);
    const gen = prng.create(seed);

    const a = connectClient(wsUrl, healthyRoom, { token: session.tokens.participant });
    const b = connectClient(wsUrl, healthyRoom, { token: session.tokens.participant });
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    const healthyIds = new Set([a.doc.clientID, b.doc.clientID]);

    let edits = 0;
    /** A writes, B must see it; B writes, A must see it. waitForDoc's timeout turns a stall into a failure. */
    const exchange = async (): Promise<void> => {
      const n = edits++;
      a.doc.getMap('notes').set(`a${n}`, n);
      await waitForDoc(`B sees A's edit ${n}`, b.doc, (d) => d.getMap('notes').get(`a${n}`) === n);
      b.doc.getMap('notes').set(`b${n}`, n);
      await waitForDoc(`A sees B's edit ${n}`, a.doc, (d) => d.getMap('notes').get(`b${n}`) === n);
    };

    // Viewers in the healthy room itself (their bad frames meet its decoders, their writes are
    // refused before decoding) and participants in a room of their own (bad updates meet Yjs).
    const urls = [
      `${wsUrl}/${healthyRoom}?token=${session.tokens.viewer}`,
      `${wsUrl}/${stormRoom}?token=${session.tokens.participant}`,
    ];
    const frames: Frame[] = Array.from({ length: BAD_FRAMES }, () => badFrame(gen));
    frames.splice(prng.uint32(gen, 0, BAD_FRAMES), 0, new Uint8Array(10 * 1024 * 1024));

    const codes = new Map<number, number>();
    let next = 0;
    let sent = 0;
    let checking: Promise<void> = Promise.resolve();
    let checks = 0;
    const worker = async (w: number): Promise<void> => {
      while (next < frames.length) {
        const i = next++;
        const code = await storm(urls[(i + w) % urls.length]!, frames[i]!);
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (++sent % CHECK_EVERY === 0) {
          checks++;
          checking = checking.then(exchange);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, (_, w) => worker(w)));
    await checking;
    await exchange();

    expect(sent).toBeGreaterThanOrEqual(BAD_FRAMES);
    expect(checks).toBeGreaterThanOrEqual(BAD_FRAMES / CHECK_EVERY);
    // Only the protocol's own refusals: binary only / unknown type, malformed, too big.
    const allowed = new Set<number>([CloseCode.UnsupportedData, CloseCode.MalformedMessage, CloseCode.MessageTooBig]);
    expect([...codes.keys()].filter((code) => !allowed.has(code)), JSON.stringify([...codes])).toEqual([]);
    expect(codes.get(CloseCode.MessageTooBig)).toBeGreaterThanOrEqual(1);
    expect(codes.get(CloseCode.MalformedMessage)).toBeGreaterThan(1000);

    // Healthy clients were never dropped: still connected, and everything they wrote converged.
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    expect(a.doc.getMap('notes').toJSON()).toEqual(b.doc.getMap('notes').toJSON());
    expect(a.doc.getMap('notes').size).toBe(2 * edits);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);

    // Storage of the healthy room holds the two healthy writers and nobody else.
    const stored = new Y.Doc();
    for (const update of await server.storage.load(healthyRoom)) Y.applyUpdate(stored, update);
    const writers = [...Y.decodeStateVector(Y.encodeStateVector(stored)).keys()];
    expect(writers.every((id) => healthyIds.has(id))).toBe(true);
    expect(stored.getMap('notes').size).toBe(2 * edits);
    // The storm's own room took garbage updates from writers: none of it decoded into anything stored.
    expect(await server.storage.load(stormRoom)).toHaveLength(0);
  }, 120_000);
});
