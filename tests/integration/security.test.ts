/**
 * Roles enforced by the server, tested with a hand-driven y-protocols peer (RawPeer) that sends
 * whatever bytes it likes. Every refused write is checked three ways: the server's state (a
 * fresh stock facilitator client and storage itself), the other peers in the room (nothing was
 * relayed), and the offender (one permission-denied auth message).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import * as Y from 'yjs';
import { addCriterion, controlMaps, controlRoom, phaseRoom, randomId, readCriteria, rewordCriterion, votesRoom, type VotingSettings } from '@wcb/shared';
import { createJsonLogger } from '@wcb/sync-server';
import { hashToken } from '../../sync-server/src/tokens';
import { connectClient, nextEvent, waitForDoc, type TestClient } from './helpers/clients';
import { RawPeer } from './helpers/raw-peer';
import { createSessionViaApi, registerSession, type Tokens } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

type Closed = { code: number; reason: string };

/** An update from a brand-new writer: its client id shows whether it ever reached a doc. */
function forgedUpdate(label: string): { update: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  doc.getMap('notes').set(`forged-${label}`, label);
  doc.getMap('phases').set(`forged-${label}`, label);
  doc.getMap('state').set('voting', label);
  const update = Y.encodeStateAsUpdate(doc);
  const clientId = doc.clientID;
  doc.destroy();
  return { update, clientId };
}

const hasClient = (doc: Y.Doc, clientId: number): boolean =>
  Y.decodeStateVector(Y.encodeStateVector(doc)).has(clientId);

describe('roles enforced by the server', () => {
  let server: TestServer;
  let sessionId: string;
  let tokens: Tokens;
  let phases: string[];
  const clients: TestClient[] = [];
  const peers: RawPeer[] = [];

  const client = (room: string, token: string): TestClient => {
    const c = connectClient(server.wsUrl, room, { token });
    clients.push(c);
    return c;
  };
  const peer = async (room: string, token: string): Promise<RawPeer> => {
    const p = await RawPeer.join(server.wsUrl, room, token);
    peers.push(p);
    return p;
  };
  const rawConnect = async (room: string, token?: string): Promise<RawPeer> => {
    const p = await RawPeer.connect(server.wsUrl, room, token);
    peers.push(p);
    return p;
  };
  /** The room as stored: every appended update replayed into a fresh doc. */
  const stored = async (room: string): Promise<Y.Doc> => {
    const doc = new Y.Doc();
    for (const update of await server.storage.load(room)) Y.applyUpdate(doc, update);
    return doc;
  };
  /** The room as a facilitator's fresh stock client sees it at its first sync. */
  const seenByFacilitator = async (room: string): Promise<Y.Doc> => {
    const c = client(room, tokens.facilitator);
    await c.synced();
    return c.doc;
  };

  /** The facilitator's control client, plus a participant's, which sees a change once the server applied it. */
  const controlPair = async (): Promise<{ facilitator: TestClient; witness: TestClient }> => {
    const facilitator = client(controlRoom(sessionId), tokens.facilitator);
    const witness = client(controlRoom(sessionId), tokens.participant);
    await Promise.all([facilitator.synced(), witness.synced()]);
    return { facilitator, witness };
  };
  const phaseRecord = (doc: Y.Doc, phaseId: string) => controlMaps(doc).phases.get(phaseId) as Y.Map<unknown>;
  const setLocked = async (pair: { facilitator: TestClient; witness: TestClient }, phaseId: string, locked: boolean) => {
    phaseRecord(pair.facilitator.doc, phaseId).set('locked', locked);
    await waitForDoc(`the server applied locked=${locked}`, pair.witness.doc, (d) =>
      phaseRecord(d, phaseId).get('locked') === locked,
    );
  };
  const setVoting = async (pair: { facilitator: TestClient; witness: TestClient }, phaseId: string, open: boolean) => {
    const voting: VotingSettings = { phaseId, budget: 3, per: 'participant', hideCounts: false, open };
    controlMaps(pair.facilitator.doc).state.set('voting', voting);
    await waitForDoc(`the server applied voting open=${open}`, pair.witness.doc, (d) => {
      const v = controlMaps(d).state.get('voting') as VotingSettings | undefined;
      return v?.phaseId === phaseId && v.open === open;
    });
  };

  /**
   * `offender` sends a forged update to `room`; asserts it was refused: no relay to `observer`
   * (checked after a round trip through the room's ordered outbox), no trace in the server's
   * doc or in storage, and a permission-denied notice unless the offender already had one
   * since it last could write (`notice: false`).
   */
  async function expectRefused(
    offender: RawPeer,
    observer: RawPeer,
    room: string,
    label: string,
    { notice = true } = {},
  ): Promise<void> {
    const { update, clientId } = forgedUpdate(label);
    const before = Y.encodeStateVector(await stored(room));
    const relayedBefore = observer.relayedUpdates.length;
    const denialsBefore = offender.denials;
    offender.sendUpdate(update);
    if (notice) {
      await offender.waitFor('the permission-denied notice', () => offender.denials > denialsBefore);
      expect(offender.received.at(-1)).toEqual({ type: 'auth', denied: true, reason: 'read-only' });
    } else {
      await offender.roundTrip();
      expect(offender.denials).toBe(denialsBefore);
    }

    const observed = await observer.roundTrip();
    expect(observer.relayedUpdates.length).toBe(relayedBefore);
    expect(hasClient(observed, clientId)).toBe(false);
    expect(hasClient(await seenByFacilitator(room), clientId)).toBe(false);
    const after = await stored(room);
    expect(hasClient(after, clientId)).toBe(false);
    expect(Y.encodeStateVector(after)).toEqual(before);
  }

  beforeEach(async () => {
    server = await startTestServer();
    const created = await createSessionViaApi(server.url);
    sessionId = created.id;
    tokens = created.tokens;
    phases = Object.keys(created.rooms.phases);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const p of peers.splice(0)) p.close();
    await server.stop();
  });

  describe('refused writes', () => {
    it('a viewer cannot write a phase room or the control room', async () => {
      for (const room of [phaseRoom(sessionId, phases[0] ?? ''), controlRoom(sessionId)]) {
        const viewer = await peer(room, tokens.viewer);
        const observer = await peer(room, tokens.facilitator);
        await expectRefused(viewer, observer, room, 'viewer');
        // Still connected and still reading.
        expect(viewer.ws.readyState).toBe(viewer.ws.OPEN);
        await viewer.roundTrip();
      }
    });

    it('a participant cannot write the control room', async () => {
      const room = controlRoom(sessionId);
      const participant = await peer(room, tokens.participant);
      const observer = await peer(room, tokens.viewer);
      await expectRefused(participant, observer, room, 'participant-control');
    });

    it('a participant cannot write a selected criterion (wording or its notes); the facilitator’s reaches everyone', async () => {
      const room = controlRoom(sessionId);
      const pair = await controlPair();
      const phaseId = phases[0] ?? '';
      const topicId = [...controlMaps(pair.facilitator.doc).topics.keys()][0] ?? '';
      // The facilitator's criterion, written by the shared mutation on the stock client.
      const id = addCriterion(pair.facilitator.doc, { phaseId, topicId, text: 'Shared decisions', noteIds: ['n1', 'n2'] });
      await waitForDoc('the criterion reached the participant', pair.witness.doc, (d) => readCriteria(d, phaseId).get(topicId)?.[0]?.text === 'Shared decisions');

      // A participant's own reword of it, from a peer that has the room's state: refused.
      const participant = await peer(room, tokens.participant);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(pair.witness.doc));
      const vector = Y.encodeStateVector(copy);
      rewordCriterion(copy, phaseId, id, 'Participant wording');
      addCriterion(copy, { phaseId, topicId, text: 'Participant criterion', noteIds: [] });
      const denials = participant.denials;
      participant.sendUpdate(Y.encodeStateAsUpdate(copy, vector));
      await participant.waitFor('the permission-denied notice', () => participant.denials > denials);
      const after = await stored(room);
      expect(readCriteria(after, phaseId).get(topicId)?.map((c) => c.text)).toEqual(['Shared decisions']);
      expect(readCriteria(await seenByFacilitator(room), phaseId).get(topicId)?.map((c) => [c.text, c.noteIds])).toEqual([['Shared decisions', ['n1', 'n2']]]);
    });

    it('a participant cannot write a locked phase room, nor can the facilitator', async () => {
      const phaseId = phases[1] ?? '';
      const room = phaseRoom(sessionId, phaseId);
      await setLocked(await controlPair(), phaseId, true);
      const participant = await peer(room, tokens.participant);
      const facilitator = await peer(room, tokens.facilitator);
      const observer = await peer(room, tokens.viewer);
      await expectRefused(participant, observer, room, 'participant-locked');
      await expectRefused(facilitator, observer, room, 'facilitator-locked');
    });

    it('a participant cannot write a votes room while voting on that phase is closed', async () => {
      const [first = '', second = ''] = phases;
      const room = votesRoom(sessionId, first);
      const participant = await peer(room, tokens.participant);
      const observer = await peer(room, tokens.facilitator);
      await expectRefused(participant, observer, room, 'votes-never-opened');

      // Open on another phase: still refused, and the participant was already told.
      const pair = await controlPair();
      await setVoting(pair, second, true);
      await expectRefused(participant, observer, room, 'votes-other-phase', { notice: false });
      // Open here (viewers still refused), then closed again: a new flip, a new notice.
      await setVoting(pair, first, true);
      const viewer = await peer(room, tokens.viewer);
      await expectRefused(viewer, observer, room, 'votes-viewer');
      await setVoting(pair, first, false);
      await expectRefused(participant, observer, room, 'votes-closed');
    });

    it('tells a refused writer once per flip to read-only, and drops a read-only step 2 silently', async () => {
      const room = phaseRoom(sessionId, phases[0] ?? '');
      const viewer = await peer(room, tokens.viewer);
      const observer = await peer(room, tokens.facilitator);

      // The handshake answer a stock client always sends: refused without a notice.
      const offline = forgedUpdate('offline-edit');
      viewer.sendStep2(offline.update);
      expect(hasClient(await viewer.roundTrip(), offline.clientId)).toBe(false);
      expect(viewer.denials).toBe(0);

      viewer.sendUpdate(forgedUpdate('one').update);
      viewer.sendUpdate(forgedUpdate('two').update);
      viewer.sendUpdate(forgedUpdate('three').update);
      await viewer.roundTrip();
      expect(viewer.denials).toBe(1);
      expect((await observer.roundTrip()).getMap('notes').size).toBe(0);
      expect(observer.relayedUpdates).toEqual([]);
    });
  });

  describe('allowed writes and live permission changes', () => {
    it("relays and stores a participant's write to an unlocked phase", async () => {
      const room = phaseRoom(sessionId, phases[0] ?? '');
      const participant = await peer(room, tokens.participant);
      const watcher = client(room, tokens.facilitator);
      await watcher.synced();
      const { update, clientId } = forgedUpdate('welcome');
      participant.sendUpdate(update);
      await waitForDoc('the facilitator sees the note', watcher.doc, (d) => d.getMap('notes').get('forged-welcome') === 'welcome');
      expect(hasClient(await stored(room), clientId)).toBe(true);
      expect(participant.denials).toBe(0);
    });

    it('locking a phase takes effect for an already-open participant connection, and unlocking restores it', async () => {
      const phaseId = phases[0] ?? '';
      const room = phaseRoom(sessionId, phaseId);
      const participant = await peer(room, tokens.participant);
      const observer = await peer(room, tokens.viewer);
      const pair = await controlPair();

      const before = forgedUpdate('before-lock');
      participant.sendUpdate(before.update);
      await observer.waitFor('the write before the lock', () => observer.relayedUpdates.length === 1);

      await setLocked(pair, phaseId, true);
      await expectRefused(participant, observer, room, 'while-locked');
      expect(participant.denials).toBe(1);

      await setLocked(pair, phaseId, false);
      participant.sendUpdate(forgedUpdate('after-unlock').update);
      await observer.waitFor('the write after the unlock', () => observer.relayedUpdates.length === 2);

      // A new flip to read-only earns a new notice.
      await setLocked(pair, phaseId, true);
      await expectRefused(participant, observer, room, 'locked-again');
      expect(participant.denials).toBe(2);
    });

    it('a malformed entry an older version stored in the control doc neither locks a phase nor disconnects anyone', async () => {
      const own = await registerSession(server.storage);
      // Not a phase record, stored before the server checked control records (PROTOCOL.md,
      // "Control records"; a facilitator's write of it is now refused): the access rule must
      // read past it, on every write, without throwing.
      const broken = new Y.Doc();
      controlMaps(broken).phases.set('broken', 'not a record' as never);
      await server.storage.append(controlRoom(own.id), Y.encodeStateAsUpdate(broken));
      const room = phaseRoom(own.id, 'a');
      const participant = await peer(room, own.tokens.participant);
      const observer = await peer(room, own.tokens.viewer);

      participant.sendUpdate(forgedUpdate('despite-malformed').update);
      await observer.waitFor('the write next to a malformed entry', () => observer.relayedUpdates.length === 1);
      expect(participant.denials).toBe(0);
      expect(participant.ws.readyState).toBe(participant.ws.OPEN);
    });

    it('opens a votes room to participants while voting on its phase is open', async () => {
      const phaseId = phases[0] ?? '';
      const room = votesRoom(sessionId, phaseId);
      const participant = await peer(room, tokens.participant);
      const observer = await peer(room, tokens.viewer);
      await setVoting(await controlPair(), phaseId, true);
      participant.sendUpdate(forgedUpdate('dot').update);
      await observer.waitFor('the dot', () => observer.relayedUpdates.length === 1);
      expect(participant.denials).toBe(0);
    });
  });

  describe('connecting', () => {
    it.each([
      ['no token', undefined],
      ['an empty token', ''],
      ['a wrong token', 'x'.repeat(22)],
      ['an absurdly long token', 'x'.repeat(10_000)],
    ])('closes a connection with %s with 4401', async (_label, token) => {
      const raw = await rawConnect(controlRoom(sessionId), token);
      expect(await raw.closed).toEqual({ code: 4401, reason: 'unauthorized' });
      expect(raw.count((m) => m.type === 'sync')).toBe(0);
    });

    it("refuses another session's token with 4401", async () => {
      const other = await registerSession(server.storage);
      const raw = await rawConnect(phaseRoom(sessionId, phases[0] ?? ''), other.tokens.facilitator);
      expect(await raw.closed).toEqual({ code: 4401, reason: 'unauthorized' });
    });

    it('closes a connection to an unregistered session with 4404, and the stock client stops', async () => {
      const raw = await rawConnect(controlRoom(randomId()), tokens.facilitator);
      expect(await raw.closed).toEqual({ code: 4404, reason: 'unknown session' });
      const stock = client(phaseRoom(randomId(), 'ideal'), tokens.facilitator);
      const [event] = await nextEvent<[Closed]>(stock.provider, 'closed');
      expect(event).toEqual({ code: 4404, reason: 'unknown session' });
      expect(stock.provider.shouldConnect).toBe(false);
    });

    it('treats a session registered before tokens existed as closed to every token', async () => {
      const id = randomId();
      await server.storage.createSession({ id, createdAt: 1, template: null, language: null, tokenHashes: null }, []);
      const raw = await rawConnect(controlRoom(id), tokens.facilitator);
      expect(await raw.closed).toEqual({ code: 4401, reason: 'unauthorized' });
    });

    it('keeps a stock client with a wrong token from reconnecting (4401 is final)', async () => {
      const stock = client(controlRoom(sessionId), randomId());
      const [event] = await nextEvent<[Closed]>(stock.provider, 'closed');
      expect(event).toEqual({ code: 4401, reason: 'unauthorized' });
      expect(stock.provider.shouldConnect).toBe(false);
    });
  });

  describe('rotation', () => {
    it('closes connections that used the old token with 4401; the old token is refused, the new one works', async () => {
      const phase = phaseRoom(sessionId, phases[0] ?? '');
      const inPhase = await peer(phase, tokens.participant);
      const inControl = client(controlRoom(sessionId), tokens.participant);
      const viewer = await peer(phase, tokens.viewer);
      await inControl.synced();
      const controlClosed = nextEvent<[Closed]>(inControl.provider, 'closed');

      const res = await fetch(`${server.url}/api/sessions/${sessionId}/rotate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.facilitator}` },
        body: JSON.stringify({ role: 'participant' }),
      });
      expect(res.status).toBe(200);
      const { token } = (await res.json()) as { token: string };

      expect(await inPhase.closed).toEqual({ code: 4401, reason: 'token rotated' });
      const [event] = await controlClosed;
      expect(event).toEqual({ code: 4401, reason: 'token rotated' });
      expect(inControl.provider.shouldConnect).toBe(false);
      // Other roles keep their connections.
      await viewer.roundTrip();

      const stale = await rawConnect(phase, tokens.participant);
      expect(await stale.closed).toEqual({ code: 4401, reason: 'unauthorized' });
      const fresh = await peer(phase, token);
      fresh.sendUpdate(forgedUpdate('with-new-token').update);
      await viewer.waitFor('the write with the new token', () => viewer.relayedUpdates.length === 1);
      expect(fresh.denials).toBe(0);
    });
  });
});

describe('token secrecy', () => {
  it('never writes a token to the SQLite files or to the log', async () => {
    const lines: string[] = [];
    const server = await startTestServer({
      logger: createJsonLogger('debug', (line) => lines.push(line)),
      config: { logLevel: 'debug' },
    });
    const clients: TestClient[] = [];
    const tokens: string[] = [];
    let dataDir = '';
    try {
      dataDir = server.dataDir;
      const created = await createSessionViaApi(server.url);
      tokens.push(...Object.values(created.tokens));
      const registered = await registerSession(server.storage);
      tokens.push(...Object.values(registered.tokens));

      // Every path a token travels: valid connections, refused ones, the role lookup, a rotation.
      for (const token of Object.values(created.tokens)) {
        const c = connectClient(server.wsUrl, controlRoom(created.id), { token });
        clients.push(c);
        await c.synced();
        const phase = connectClient(server.wsUrl, phaseRoom(created.id, 'ideal'), { token });
        clients.push(phase);
        await phase.synced();
        if (token !== created.tokens.viewer) phase.doc.getMap('notes').set(randomId(), 'a note');
      }
      const wrong = randomId();
      tokens.push(wrong);
      const refused = await RawPeer.connect(server.wsUrl, controlRoom(created.id), wrong);
      await refused.closed;
      const unknown = await RawPeer.connect(server.wsUrl, controlRoom(randomId()), created.tokens.viewer);
      await unknown.closed;
      const roleRes = await fetch(`${server.url}/api/sessions/${created.id}/role`, {
        headers: { authorization: `Bearer ${created.tokens.participant}` },
      });
      expect(roleRes.status).toBe(200);
      const rotated = await fetch(`${server.url}/api/sessions/${created.id}/rotate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${created.tokens.facilitator}` },
        body: JSON.stringify({ role: 'viewer' }),
      });
      tokens.push(((await rotated.json()) as { token: string }).token);
      await fetch(`${server.url}/api/sessions/${created.id}/rotate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${wrong}` },
      });

      const scan = async (): Promise<Buffer> => {
        const files = await readdir(dataDir);
        return Buffer.concat(await Promise.all(files.map((f) => readFile(joinPath(dataDir, f)))));
      };
      const live = await scan();
      for (const c of clients.splice(0)) c.destroy();
      await server.server.close(); // checkpoints the WAL into board.sqlite
      const closed = await scan();

      // The scan sees stored text: the hashes are there, the tokens are not.
      expect(closed.includes(hashToken(created.tokens.participant))).toBe(true);
      expect(lines.length).toBeGreaterThan(0);
      const log = lines.join('');
      for (const token of tokens) {
        expect(live.includes(token)).toBe(false);
        expect(closed.includes(token)).toBe(false);
        expect(log.includes(token)).toBe(false);
      }
    } finally {
      for (const c of clients) c.destroy();
      await server.stop();
    }
  });
});
