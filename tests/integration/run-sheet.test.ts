/**
 * The run sheet is control state: only a facilitator may write it, through the server's
 * per-room authority (roles.ts). A participant's press or edit, sent as a real update, is refused
 * and leaves no trace; a facilitator's press reaches everyone as one update with all its effects.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRunStep, controlRoom, readRunCursor, readRunSteps, readTimer, readVotingSettings, runNext } from '@wcb/shared';
import { connectClient, waitForDoc, type TestClient } from './helpers/clients';
import { RawPeer } from './helpers/raw-peer';
import { createSessionViaApi, type Tokens } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('run sheet authority', () => {
  let server: TestServer;
  let sessionId: string;
  let tokens: Tokens;
  const clients: TestClient[] = [];
  const peers: RawPeer[] = [];
  const client = async (token: string): Promise<TestClient> => {
    const c = connectClient(server.wsUrl, controlRoom(sessionId), { token });
    clients.push(c);
    await c.synced();
    return c;
  };

  beforeEach(async () => {
    server = await startTestServer();
    const created = await createSessionViaApi(server.url, { template: 'world-cafe-ngo' });
    sessionId = created.id;
    tokens = created.tokens;
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const p of peers.splice(0)) p.close();
    await server.stop();
  });

  /** What a participant's device would send after pressing Next (or editing) on its copy. */
  const participantWrite = (from: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
    const before = Y.encodeStateVector(doc);
    write(doc);
    return Y.encodeStateAsUpdate(doc, before);
  };

  it('a participant cannot press Next nor edit the run sheet: refused, nothing stored or relayed', async () => {
    const witness = await client(tokens.viewer);
    expect(readRunSteps(witness.doc).length).toBeGreaterThan(0);
    const participant = await RawPeer.join(server.wsUrl, controlRoom(sessionId), tokens.participant);
    peers.push(participant);
    const press = participantWrite(witness.doc, (doc) => runNext(doc, 0, Date.now()));
    const edit = participantWrite(witness.doc, (doc) => addRunStep(doc, { kind: 'break', minutes: 99 }));
    participant.sendUpdate(press);
    await participant.waitFor('the permission-denied notice', () => participant.denials > 0);
    participant.sendUpdate(edit);
    await participant.roundTrip();

    const fresh = await client(tokens.facilitator);
    expect(readRunCursor(fresh.doc).seq).toBe(0);
    expect(readTimer(fresh.doc).status).toBe('idle');
    expect(readRunSteps(fresh.doc).some((s) => s.kind === 'break' && s.minutes === 99)).toBe(false);
    expect(readRunCursor(witness.doc).seq).toBe(0);
  });

  it("a facilitator's Next reaches a participant with all of the step's effects", async () => {
    const facilitator = await client(tokens.facilitator);
    const participant = await client(tokens.participant);
    for (let i = 0; i < 4; i++) runNext(facilitator.doc, readRunCursor(facilitator.doc).seq, Date.now());
    await waitForDoc('the vote step', participant.doc, (d) => readRunCursor(d).seq === 4);
    expect(readVotingSettings(participant.doc)).toMatchObject({ phaseId: 'ideal', open: true, budget: 3 });
    expect(readTimer(participant.doc)).toMatchObject({ status: 'running', round: 0 });
  });
});
