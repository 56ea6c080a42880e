import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import * as Y from 'yjs';
import { phaseRoom } from '@wcb/shared';
import { RawPeer } from './helpers/raw-peer';
import { registerSession } from './helpers/sessions';
import { startTestServer } from './helpers/test-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// The smallest frame limit the server takes: its unread backlog limit is four such frames.
const MAX_PAYLOAD = 64 * 1024;
// More than the kernel buffers a stalled loopback reader can hide (a few MB) plus that backlog.
const WRITES = 200;
const TEXT = 'x'.repeat(50_000);

describe('a member that stops reading', () => {
  it('is cut off once its unread backlog passes the limit, and the room goes on for everyone else', async () => {
    const server = await startTestServer({ config: { maxPayloadBytes: MAX_PAYLOAD, messageRate: 10_000, messageBurst: 10_000, messageBytesPerSecond: 1024 * 1024 * 1024 } });
    cleanups.push(() => server.stop());
    const session = await registerSession(server.storage);
    const room = phaseRoom(session.id, 'ideas');
    const join = () => RawPeer.join(server.wsUrl, room, session.tokens.participant);
    const [stalled, writer, reader] = await Promise.all([join(), join(), join()]);
    cleanups.push(() => [stalled, writer, reader].forEach((p) => p.close()));
    // Stops reading from the socket: what the server sends piles up in the kernel, then in the server.
    const stalledSocket = (stalled.ws as unknown as { _socket: Socket })._socket;
    stalledSocket.pause();

    const doc = new Y.Doc();
    for (let i = 0; i < WRITES; i++) {
      const before = Y.encodeStateVector(doc);
      doc.getMap('notes').set(`n${i}`, TEXT);
      writer.sendUpdate(Y.encodeStateAsUpdate(doc, before));
      // Each write is answered in order: the server has handled it before the next one goes.
      if (i % 20 === 19) await writer.roundTrip();
    }

    await reader.waitFor('every write', () => {
      const relayed = new Y.Doc();
      reader.relayedUpdates.forEach((u) => Y.applyUpdate(relayed, u));
      return relayed.getMap('notes').size === WRITES;
    });
    expect((await writer.roundTrip()).getMap('notes').size).toBe(WRITES);
    // The stalled phone reads again: it finds the connection cut (no close frame, which would have
    // waited behind the backlog), and a provider would reconnect and resync.
    stalledSocket.resume();
    expect((await stalled.closed).code).toBe(1006);
    expect(stalled.relayedUpdates.length).toBeLessThan(WRITES);
  });
});
