/**
 * Every limit of PROTOCOL.md "Limits and tuning", crossed on purpose: the offender gets its
 * specific close code (or HTTP status), and a bystander in the same room keeps working.
 * Each test starts a server with that one limit set low.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { controlRoom, phaseRoom, randomId, votesRoom } from '@wcb/shared';
import { CloseCode } from '@wcb/shared/wire';
import { DEFAULTS, MemoryStorage, createJsonLogger, createSyncServer, silentLogger, type Logger, type ServerConfig } from '@wcb/sync-server';
import { noMetrics, type Metrics, type RejectReason } from '../../sync-server/src/metrics';
import { REMEASURE_MS } from '../../sync-server/src/limits';
import { connectClient, nextEvent, waitForDoc } from './helpers/clients';
import { RawPeer, type ServerMessage } from './helpers/raw-peer';
import { openWithHeaders, rawUpgrade } from './helpers/raw-upgrade';
import { registerSession } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(config: Partial<ServerConfig>, logger?: Logger, clock?: () => number) {
  const server = await startTestServer({ config, ...(logger ? { logger } : {}), ...(clock ? { clock } : {}) });
  cleanups.push(() => server.stop());
  const session = await registerSession(server.storage);
  return { server, session };
}

function tracked(server: TestServer) {
  const peers: RawPeer[] = [];
  cleanups.push(() => peers.forEach((p) => p.close()));
  return {
    join: async (room: string, token: string) => {
      const p = await RawPeer.join(server.wsUrl, room, token);
      peers.push(p);
      return p;
    },
    connect: async (room: string, token?: string) => {
      const p = await RawPeer.connect(server.wsUrl, room, token);
      peers.push(p);
      return p;
    },
  };
}

/** An update from a fresh writer carrying `bytes` of text; its client id shows where it went. */
function updateOf(bytes: number): { update: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  // In strings of at most 50,000 characters: the server refuses longer ones as hostile.
  for (let left = bytes; left > 0; left -= 50_000) doc.getMap('notes').set(randomId(), 'x'.repeat(Math.min(left, 50_000)));
  const update = Y.encodeStateAsUpdate(doc);
  const clientId = doc.clientID;
  doc.destroy();
  return { update, clientId };
}

const holdsClient = (doc: Y.Doc, clientId: number): boolean =>
  Y.decodeStateVector(Y.encodeStateVector(doc)).has(clientId);

async function storedDoc(server: TestServer, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await server.storage.load(room)) Y.applyUpdate(doc, update);
  return doc;
}

const refusedFor =
  (reason: string) =>
  (m: ServerMessage): boolean =>
    m.type === 'auth' && m.denied && m.reason === reason;
const isRoomFull = refusedFor('room-full');

/** A bystander proves the room still works: its own write comes back in the server's state. */
async function stillWorks(peer: RawPeer): Promise<void> {
  const { update, clientId } = updateOf(10);
  peer.sendUpdate(update);
  expect(holdsClient(await peer.roundTrip(), clientId)).toBe(true);
}

const queryAwareness = (): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 3);
  return encoding.toUint8Array(e);
};

describe('limits', () => {
  it('closes a frame past maxPayloadBytes with 1009, and only that connection', async () => {
    const { server, session } = await setup({ maxPayloadBytes: 64 * 1024 });
    const peers = tracked(server);
    const room = phaseRoom(session.id, 'p1');
    const bystander = await peers.join(room, session.tokens.participant);
    const offender = await peers.join(room, session.tokens.participant);
    offender.send(new Uint8Array(64 * 1024 + 1));
    expect((await offender.closed).code).toBe(CloseCode.MessageTooBig);
    await stillWorks(bystander);
  });

  it('refuses an update that would grow the document past maxDocBytes with a room-full notice; nothing of it is stored', async () => {
    const { server, session } = await setup({ maxDocBytes: 64 * 1024 });
    const peers = tracked(server);
    const room = phaseRoom(session.id, 'p1');
    const bystander = await peers.join(room, session.tokens.participant);
    const offender = await peers.join(room, session.tokens.participant);
    const big = updateOf(70_000);
    offender.sendUpdate(big.update);
    offender.sendUpdate(updateOf(70_000).update); // the same refusal is told once, not per edit
    await offender.waitFor('a room-full notice', () => offender.count(isRoomFull) > 0);

    // The connection stays open and keeps reading: a refused write is not a broken client.
    await stillWorks(offender);
    await stillWorks(bystander);
    expect(offender.count(isRoomFull)).toBe(1);
    expect(holdsClient(await bystander.roundTrip(), big.clientId)).toBe(false);
    const relayed = bystander.relayedUpdates.map((u) => Y.decodeStateVector(Y.encodeStateVectorFromUpdate(u)));
    expect(relayed.some((sv) => sv.has(big.clientId))).toBe(false);
    expect(holdsClient(await storedDoc(server, room), big.clientId)).toBe(false);
  });

  it('keeps a full room alive: deletions pass, and once they made room writes are taken again', async () => {
    let now = 0;
    const { server, session } = await setup({ maxDocBytes: 64 * 1024 }, undefined, () => now);
    const peers = tracked(server);
    const room = phaseRoom(session.id, 'p1');
    const writer = connectClient(server.wsUrl, room, { token: session.tokens.participant });
    cleanups.push(() => writer.destroy());
    await writer.synced();
    const notes = writer.doc.getMap('notes');
    // Fill the room to just under the limit, in notes a facilitator could delete.
    for (let i = 0; i < 6; i++) notes.set(`n${i}`, 'x'.repeat(10_000));
    const facilitator = connectClient(server.wsUrl, room, { token: session.tokens.facilitator });
    cleanups.push(() => facilitator.destroy());
    await facilitator.synced();
    await waitForDoc('the six notes', facilitator.doc, (d) => d.getMap('notes').size === 6);

    const refused = await peers.join(room, session.tokens.participant);
    refused.sendUpdate(updateOf(20_000).update);
    await refused.waitFor('a room-full notice', () => refused.count(isRoomFull) > 0);

    // The facilitator deletes notes: a deletion carries no new content, so the full room takes it.
    facilitator.doc.transact(() => ['n0', 'n1', 'n2', 'n3'].forEach((key) => facilitator.doc.getMap('notes').delete(key)));
    await waitForDoc('the deletions', writer.doc, (d) => d.getMap('notes').size === 2);
    // The exact measure (a pass over the whole state) runs at most every REMEASURE_MS per room.
    const early = updateOf(20_000);
    refused.sendUpdate(early.update);
    await stillWorks(refused);
    expect(holdsClient(await storedDoc(server, room), early.clientId)).toBe(false);
    now += REMEASURE_MS;
    const fits = updateOf(20_000);
    refused.sendUpdate(fits.update);
    await stillWorks(refused);
    expect(holdsClient(await storedDoc(server, room), fits.clientId)).toBe(true);
  });

  it("refuses growth past a session's storage quota with a session-full notice, in any of its rooms; other sessions write on", async () => {
    const { server, session } = await setup({ maxSessionBytes: 100 * 1024 });
    const peers = tracked(server);
    const first = await peers.join(phaseRoom(session.id, 'a'), session.tokens.participant);
    first.sendUpdate(updateOf(60_000).update);
    await stillWorks(first);
    const second = await peers.join(phaseRoom(session.id, 'b'), session.tokens.participant);
    const over = updateOf(60_000);
    second.sendUpdate(over.update);
    await second.waitFor('a session-full notice', () => second.count(refusedFor('session-full')) > 0);
    expect(holdsClient(await storedDoc(server, phaseRoom(session.id, 'b')), over.clientId)).toBe(false);

    const other = await registerSession(server.storage);
    const elsewhere = await peers.join(phaseRoom(other.id, 'a'), other.tokens.participant);
    const fits = updateOf(60_000);
    elsewhere.sendUpdate(fits.update);
    await stillWorks(elsewhere);
    expect(holdsClient(await storedDoc(server, phaseRoom(other.id, 'a')), fits.clientId)).toBe(true);
  });

  it('refuses growth past MAX_STORAGE_BYTES with a server-full notice', async () => {
    const { server, session } = await setup({ maxStorageBytes: 1024 * 1024 });
    const peers = tracked(server);
    const writer = await peers.join(phaseRoom(session.id, 'a'), session.tokens.participant);
    for (let i = 0; i < 2; i++) {
      writer.sendUpdate(updateOf(300_000).update);
      await stillWorks(writer);
    }
    const over = updateOf(500_000);
    writer.sendUpdate(over.update);
    await writer.waitFor('a server-full notice', () => writer.count(refusedFor('server-full')) > 0);
    expect(holdsClient(await storedDoc(server, phaseRoom(session.id, 'a')), over.clientId)).toBe(false);
  });

  it('closes a connection that floods messages with 4529, and the stock client comes back', async () => {
    const { server, session } = await setup({ messageBurst: 20, messageRate: 10 });
    const peers = tracked(server);
    const room = phaseRoom(session.id, 'p1');
    const bystander = await peers.join(room, session.tokens.participant);
    const offender = await peers.join(room, session.tokens.participant);
    for (let i = 0; i < 40; i++) offender.send(queryAwareness());
    expect(await offender.closed).toEqual({ code: CloseCode.RateLimited, reason: 'rate limited' });
    await stillWorks(bystander);

    // Transient: an honest client that tripped it reconnects (with backoff) and syncs again.
    const stock = connectClient(server.wsUrl, room, { token: session.tokens.participant });
    cleanups.push(() => stock.destroy());
    await stock.synced();
    const dropped = nextEvent<[{ code: number } | null]>(stock.provider, 'connection-close');
    const notes = stock.doc.getMap('notes');
    for (let i = 0; i < 40; i++) notes.set(`n${i}`, i);
    expect((await dropped)[0]?.code).toBe(CloseCode.RateLimited);
    await nextEvent<[boolean]>(stock.provider, 'sync', (synced) => synced);
    const check = await bystander.roundTrip();
    expect(check.getMap('notes').get('n39')).toBe(39);
  });

  it('answers pings within the message rate, and closes a connection that floods pings or pongs with 4529', async () => {
    const { server, session } = await setup({ messageBurst: 20, messageRate: 10 });
    const peers = tracked(server);
    const room = phaseRoom(session.id, 'p1');
    const bystander = await peers.join(room, session.tokens.participant);
    const honest = await peers.join(room, session.tokens.participant);
    const answered = nextEvent<[Buffer]>(honest.ws, 'pong');
    honest.ws.ping('are you there');
    expect((await answered)[0].toString()).toBe('are you there');

    // Each ping was a pong written by ws itself, outside every limit: a script could keep the
    // server writing at line rate.
    const pinger = await peers.join(room, session.tokens.participant);
    let pongs = 0;
    pinger.ws.on('pong', () => (pongs += 1));
    for (let i = 0; i < 1000; i++) pinger.ws.ping();
    expect(await pinger.closed).toEqual({ code: CloseCode.RateLimited, reason: 'rate limited' });
    expect(pongs).toBeLessThanOrEqual(20);

    const ponger = await peers.join(room, session.tokens.participant);
    for (let i = 0; i < 1000; i++) ponger.ws.pong();
    expect(await ponger.closed).toEqual({ code: CloseCode.RateLimited, reason: 'rate limited' });
    await stillWorks(bystander);
  });

  it('refuses a connection past maxConnectionsPerIp with 4530, and admits again once one closes', async () => {
    const { server, session } = await setup({ maxConnectionsPerIp: 3 });
    const peers = tracked(server);
    const room = controlRoom(session.id);
    const first = await peers.join(room, session.tokens.viewer);
    await peers.join(phaseRoom(session.id, 'a'), session.tokens.viewer);
    const third = await peers.join(votesRoom(session.id, 'a'), session.tokens.viewer);
    const refused = await peers.connect(room, session.tokens.viewer);
    expect(await refused.closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'too many connections' });
    expect((await third.roundTrip()).clientID).toBeGreaterThan(0);

    first.close();
    await first.closed;
    await peers.join(room, session.tokens.viewer);
  });

  it('with TRUST_PROXY counts connections per forwarded address, not per proxy', async () => {
    const { server, session } = await setup({ maxConnectionsPerIp: 1, trustProxy: 1 });
    const url = `${server.wsUrl}/${controlRoom(session.id)}?token=${session.tokens.viewer}`;
    const open = (address: string) => {
      const socket = openWithHeaders(url, { 'x-forwarded-for': address });
      cleanups.push(() => socket.ws.terminate());
      return socket;
    };
    const a = open('203.0.113.1');
    await nextEvent(a.ws, 'message');
    const b = open('203.0.113.2');
    await nextEvent(b.ws, 'message');
    expect((await open('203.0.113.1').closed).code).toBe(CloseCode.TooManyConnections);
  });

  it('refuses a connection past maxConnectionsPerRoom with 4531; other rooms are open', async () => {
    const { server, session } = await setup({ maxConnectionsPerRoom: 2 });
    const peers = tracked(server);
    const room = phaseRoom(session.id, 'a');
    const bystander = await peers.join(room, session.tokens.participant);
    await peers.join(room, session.tokens.participant);
    const refused = await peers.connect(room, session.tokens.participant);
    expect(await refused.closed).toEqual({ code: CloseCode.RoomFull, reason: 'room full' });
    await stillWorks(bystander);
    await peers.join(phaseRoom(session.id, 'b'), session.tokens.participant);
  });

  it('refuses to load a room past maxRooms with 4503; loaded rooms keep working', async () => {
    // control + phase a + phase b; phase c would be the fourth room.
    const { server, session } = await setup({ maxRooms: 3 });
    const peers = tracked(server);
    const bystander = await peers.join(phaseRoom(session.id, 'a'), session.tokens.participant);
    await peers.join(phaseRoom(session.id, 'b'), session.tokens.participant);
    const refused = await peers.connect(phaseRoom(session.id, 'c'), session.tokens.participant);
    expect(await refused.closed).toEqual({ code: CloseCode.ServerFull, reason: 'server full' });
    // A room already in memory still admits newcomers.
    await peers.join(phaseRoom(session.id, 'a'), session.tokens.viewer);
    await stillWorks(bystander);
  });

  it('a stock client refused with 4503 keeps retrying and gets in once another room unloads', async () => {
    const { server, session } = await setup({ maxRooms: 3 });
    const peers = tracked(server);
    await peers.join(phaseRoom(session.id, 'a'), session.tokens.participant);
    const leaving = await peers.join(phaseRoom(session.id, 'b'), session.tokens.participant);
    const stock = connectClient(server.wsUrl, phaseRoom(session.id, 'c'), { token: session.tokens.participant });
    cleanups.push(() => stock.destroy());
    const refused = await nextEvent<[{ code: number } | null]>(stock.provider, 'connection-close');
    expect(refused[0]?.code).toBe(CloseCode.ServerFull);
    leaving.close();
    await stock.synced();
  });

  it('counts every refusal under its reason', async () => {
    const reasons: RejectReason[] = [];
    const metrics: Metrics = { ...noMetrics, rejected: (reason) => void reasons.push(reason) };
    const config: ServerConfig = {
      ...DEFAULTS,
      port: 0,
      host: '127.0.0.1',
      dataDir: '/nonexistent',
      staticDir: '/nonexistent',
      maxConnectionsPerRoom: 1,
      messageBurst: 10,
    };
    const storage = new MemoryStorage();
    const server = createSyncServer(config, { storage, logger: silentLogger, metrics });
    const { port } = await server.listen();
    cleanups.push(() => server.close());
    const session = await registerSession(storage);
    const wsUrl = `ws://127.0.0.1:${port}/ws`;
    const room = phaseRoom(session.id, 'a');
    const closedWith = async (path: string, token: string, send?: (p: RawPeer) => void): Promise<number> => {
      const peer = await RawPeer.connect(wsUrl, path, token);
      cleanups.push(() => peer.close());
      send?.(peer);
      return (await peer.closed).code;
    };
    const member = await RawPeer.join(wsUrl, room, session.tokens.participant);
    cleanups.push(() => member.close());
    expect(await closedWith('nope', session.tokens.viewer)).toBe(CloseCode.InvalidRoom);
    expect(await closedWith(room, randomId())).toBe(CloseCode.Unauthorized);
    expect(await closedWith(room, session.tokens.viewer)).toBe(CloseCode.RoomFull);
    const flood = (p: RawPeer): void => {
      for (let i = 0; i < 20; i++) p.send(queryAwareness());
    };
    expect(await closedWith(phaseRoom(session.id, 'b'), session.tokens.viewer, flood)).toBe(CloseCode.RateLimited);
    expect(reasons).toEqual(['invalid-room', 'unauthorized', 'connections-per-room', 'update-rate']);
  });

  it('with ALLOWED_ORIGINS closes upgrades from other origins with 4403; no Origin is fine', async () => {
    const { server, session } = await setup({ allowedOrigins: ['https://board.example.org'] });
    const url = `${server.wsUrl}/${controlRoom(session.id)}?token=${session.tokens.viewer}`;
    const open = (headers: Record<string, string>) => {
      const socket = openWithHeaders(url, headers);
      cleanups.push(() => socket.ws.terminate());
      return socket;
    };
    expect(await open({ origin: 'https://evil.example.com' }).closed).toEqual({
      code: CloseCode.Forbidden,
      reason: 'origin not allowed',
    });
    const allowed = open({ origin: 'https://board.example.org' });
    await nextEvent(allowed.ws, 'message');
    const scripted = open({});
    await nextEvent(scripted.ws, 'message');
  });
});

describe('room names taken raw from the path', () => {
  it('refuses traversal, encoded and look-alike names instead of decoding them', async () => {
    const { server, session } = await setup({});
    const id = session.id;
    const token = `?token=${session.tokens.viewer}`;
    const rejected = [
      `/ws/${id}/../${id}/control`,
      `/ws/../ws/${id}/control`,
      `/ws/${id}/%2e%2e/control`,
      `/ws/${id}%2Fcontrol`,
      `/ws/${id}/control%00`,
      `/ws/${id}/control%2500`,
      `/ws/${id}/contr%6fl`,
      `/ws/${id}/control/`,
      `/ws//${id}/control`,
      `/ws/${id}/phase/${'p'.repeat(65)}`,
      `/ws/${'s'.repeat(65)}/control`,
      `/ws/${id}/%EF%BD%83ontrol`, // fullwidth c
      `/ws/${id}/c%D0%BEntrol`, // Cyrillic o
      `/ws/${id}\\control`,
      `/ws/${id}/phase/a%20b`,
    ];
    for (const path of rejected) {
      const outcome = await rawUpgrade(server.port, `${path}${token}`);
      // Taken as-is, never decoded or normalised into a valid name: 4400, not a join.
      expect(outcome, path).toEqual({ kind: 'closed', code: CloseCode.InvalidRoom, reason: 'invalid room' });
    }
    // A raw NUL byte in the request line: Node's HTTP parser may refuse it first (400).
    const nul = await rawUpgrade(server.port, `/ws/${id}/control\0${token}`);
    expect([400, CloseCode.InvalidRoom]).toContain(nul.kind === 'status' ? nul.status : nul.kind === 'closed' ? nul.code : 0);
    // The same helper does reach a valid room, so the refusals above are about the names.
    expect(await rawUpgrade(server.port, `/ws/${id}/phase/a${token}`)).toEqual({ kind: 'frame', opcode: 0x82 });
  });
});

describe('failed token attempts', () => {
  it('after too many failures from an address refuses it unchecked (4532, HTTP 429); others are unaffected', async () => {
    const lines: string[] = [];
    const { server, session } = await setup(
      { authFailuresPerMinute: 3, trustProxy: 1, logLevel: 'debug' },
      createJsonLogger('debug', (line) => lines.push(line)),
    );
    const room = controlRoom(session.id);
    const wrong = [randomId(), randomId(), randomId()];
    const attempt = (token: string, address: string) => {
      const socket = openWithHeaders(`${server.wsUrl}/${room}?token=${token}`, { 'x-forwarded-for': address });
      cleanups.push(() => socket.ws.terminate());
      return socket;
    };
    for (const token of wrong) {
      expect((await attempt(token, '198.51.100.7').closed).code).toBe(CloseCode.Unauthorized);
    }
    // Even the right token is not looked at now.
    expect(await attempt(session.tokens.facilitator, '198.51.100.7').closed).toEqual({
      code: CloseCode.TooManyAttempts,
      reason: 'too many attempts',
    });
    const role = (token: string, address: string) =>
      fetch(`${server.url}/api/sessions/${session.id}/role`, {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address },
      });
    const blocked = await role(session.tokens.facilitator, '198.51.100.7');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    const exported = await fetch(`${server.url}/api/sessions/${session.id}/export.json`, {
      headers: { authorization: `Bearer ${session.tokens.facilitator}`, 'x-forwarded-for': '198.51.100.7' },
    });
    expect(exported.status).toBe(429);

    // Another address is fine, on both transports.
    expect((await role(session.tokens.participant, '198.51.100.8')).status).toBe(200);
    const other = attempt(session.tokens.viewer, '198.51.100.8');
    await nextEvent(other.ws, 'message');

    // HTTP failures count too: a wrong token on rotate and role blocks a fresh address.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/sessions/${session.id}/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${wrong[i]!}`, 'x-forwarded-for': '198.51.100.9' },
      });
      expect(res.status).toBe(401);
    }
    expect((await attempt(session.tokens.viewer, '198.51.100.9').closed).code).toBe(CloseCode.TooManyAttempts);

    // None of it put a token in the log.
    const log = lines.join('');
    expect(log).toContain('too many failed token attempts');
    for (const token of [...wrong, ...Object.values(session.tokens)]) expect(log.includes(token)).toBe(false);
  });
});
