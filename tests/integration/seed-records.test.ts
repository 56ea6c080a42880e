/**
 * Registering a session with a seed (POST /api/sessions with id, tokenHashes, seed) is a door
 * anyone may use: its control room meets the same record checks as a facilitator's websocket
 * write (PROTOCOL.md, "Control records"). Each seed below is a valid Yjs encoding of a template
 * café's control room holding one hostile record (tests/support/hostile-records.ts): refused with
 * a 400 naming the record, and the session does not exist afterwards. An honest seed still registers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildSessionDocs, controlRoom, readSession } from '@wcb/shared';
import { HOSTILE_RECORDS } from '../support/hostile-records';
import { connectClient } from './helpers/clients';
import { ownSession, type Tokens } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A template café's control room for session `id`, after `edit`, as one whole-state update. */
function controlSeed(id: string, edit: (doc: Y.Doc) => void = () => {}): Uint8Array {
  const docs = buildSessionDocs({ sessionId: id, templateId: 'world-cafe-ngo', language: 'en' });
  try {
    edit(docs.control);
    return Y.encodeStateAsUpdate(docs.control);
  } finally {
    docs.control.destroy();
    for (const { doc } of docs.phases) doc.destroy();
  }
}

describe('a registration whose seed holds malformed control records', () => {
  let server: TestServer;
  beforeAll(async () => {
    // One registration per case from one address: the creation rate is not what is tested here.
    server = await startTestServer({ config: { sessionCreateBurst: 1_000 } });
  });
  afterAll(() => server.stop());

  const register = (body: unknown) =>
    fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const roleOf = (id: string, tokens: Tokens) =>
    fetch(`${server.url}/api/sessions/${id}/role`, { headers: { authorization: `Bearer ${tokens.facilitator}` } });

  it.each(HOSTILE_RECORDS.map(([name, edit]) => ({ name, edit })))('$name: refused with 400 naming the record, nothing stored', async ({ edit }) => {
    const { id, tokens, tokenHashes } = ownSession();
    const res = await register({ id, tokenHashes, seed: [{ room: controlRoom(id), update: b64(controlSeed(id, edit)) }] });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/^seed\[0\]\.update holds a malformed control record: (runSheet|criteria|phases|topics|tables|state)[/:]/);
    expect(await server.storage.getSession(id)).toBeNull();
    expect(await server.storage.load(controlRoom(id))).toEqual([]);
    expect((await roleOf(id, tokens)).status).toBe(404);
  });

  it('names the seed entry and the record path at fault', async () => {
    const { id, tokenHashes } = ownSession();
    const phaseSeed = { room: `${id}/phase/ideal`, update: b64(Y.encodeStateAsUpdate(new Y.Doc())) };
    const hostile = controlSeed(id, (d) => d.getMap('state').set('timer', { status: 'exploded' }));
    const res = await register({ id, tokenHashes, seed: [phaseSeed, { room: controlRoom(id), update: b64(hostile) }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(
      'seed[1].update holds a malformed control record: state/timer: status must be idle, running or paused',
    );
  });

  it('an honest seed still registers, and a record fixed before the seed was taken is no problem', async () => {
    const { id, tokens, tokenHashes } = ownSession();
    // An older version's malformed title, repaired on this device before registering: only the
    // state as it now reads is judged.
    const update = controlSeed(id, (d) => {
      const phase = d.getMap<Y.Map<unknown>>('phases').get('ideal')!;
      phase.set('title', 'x'.repeat(10_000));
      phase.set('title', 'Ideal');
    });
    const res = await register({ id, tokenHashes, seed: [{ room: controlRoom(id), update: b64(update) }] });
    expect(res.status).toBe(201);
    expect((await roleOf(id, tokens)).status).toBe(200);
    const viewer = connectClient(server.wsUrl, controlRoom(id), { token: tokens.viewer });
    try {
      await viewer.synced();
      expect(readSession(viewer.doc).phases.find((p) => p.id === 'ideal')?.title).toBe('Ideal');
    } finally {
      viewer.destroy();
    }
  });
});
