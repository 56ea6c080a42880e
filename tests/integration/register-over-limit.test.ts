/**
 * A session created in this browser whose whole content is over the server's request limit (413)
 * registers with only what no websocket could bring (client/src/sync/api.ts, local-seed.ts): its
 * control room and the rooms nobody may write any more (a locked phase). The websockets bring the
 * rest. Registered bare, as before, a locked phase's notes never reached anyone.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { addNote, buildSessionDocs, controlMaps, controlRoom, phaseRoom, readNotes, readSession, setPhaseLocked } from '@wcb/shared';
import { registerSession } from '../../client/src/sync/api';
import { saveLocalSession } from '../../client/src/sync/create-session';
import { mintOwnSession } from '../../client/src/sync/own-session';
import { recordOf } from '../support/hostile-records';
import { connectClient, waitForDoc } from './helpers/clients';
import { startTestServer, type TestServer } from './helpers/test-server';

// The smallest limit the server takes: one websocket message, and a registration with its seed.
const LIMIT = 64 * 1024;

/** `count` notes of distinct text, `size` characters each. */
function fill(doc: Y.Doc, topic: string, count: number, size: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const text = `${topic} ${i} `.padEnd(size, String.fromCharCode(97 + (i % 26)));
    addNote(doc, { topic, text });
    return text;
  });
}

async function readStored(room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(room, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  return doc;
}

describe('registering a session whose content is over the server’s request limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { maxPayloadBytes: LIMIT } });
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(new URL(input, server.url), init));
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await server.stop();
  });

  it('sends the control room and the locked phase in the registration; the websockets bring the open phases; nothing is lost', async () => {
    const own = await mintOwnSession();
    const docs = buildSessionDocs({ sessionId: own.id, templateId: 'world-cafe-ngo', language: 'en' });
    const [locked, open1] = docs.phases.map((p) => p.phaseId) as [string, string];
    // Locked offline, before the first registration: no websocket may write its notes now.
    const lockedNotes = fill(docs.phases[0]!.doc, 'government', 3, 100);
    setPhaseLocked(docs.control, locked, true);
    // An older version's record, repaired in what is sent.
    controlMaps(docs.control).tables.set('t9', recordOf({ name: 'x'.repeat(10_000), order: 9 }));
    // Each open phase fits a websocket message; together the session does not fit one request.
    const open1Notes = fill(docs.phases[1]!.doc, 'community', 25, 1_500);
    fill(docs.phases[2]!.doc, 'ngos', 25, 1_500);
    await saveLocalSession(own.id, docs);

    const posts: number[] = [];
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      const res = await realFetch(input, init);
      posts.push(res.status);
      return res;
    });
    try {
      expect((await registerSession(own.id, { tokens: own.tokens })).result).toBe('registered');
    } finally {
      vi.stubGlobal('fetch', realFetch);
    }
    expect(posts).toEqual([413, 201]);

    // The server holds the locked phase's notes and the lock itself, from the registration alone.
    const viewerLocked = connectClient(server.wsUrl, phaseRoom(own.id, locked), { token: own.tokens.viewer });
    const viewerControl = connectClient(server.wsUrl, controlRoom(own.id), { token: own.tokens.viewer });
    try {
      await Promise.all([viewerLocked.synced(), viewerControl.synced()]);
      expect(readNotes(viewerLocked.doc).map((n) => n.text).sort()).toEqual([...lockedNotes].sort());
      expect((controlMaps(viewerControl.doc).phases.get(locked) as Y.Map<unknown>).get('locked')).toBe(true);
      expect(readSession(viewerControl.doc).tables.find((t) => t.id === 't9')?.name).toHaveLength(80);
    } finally {
      viewerLocked.destroy();
      viewerControl.destroy();
    }

    // An open phase comes by its websocket, as the board connects it.
    const facilitator = connectClient(server.wsUrl, phaseRoom(own.id, open1), { doc: await readStored(phaseRoom(own.id, open1)), token: own.tokens.facilitator });
    const viewer = connectClient(server.wsUrl, phaseRoom(own.id, open1), { token: own.tokens.viewer });
    try {
      await facilitator.synced();
      await waitForDoc('the open phase reached the server', viewer.doc, (d) => readNotes(d).length === open1Notes.length);
    } finally {
      facilitator.destroy();
      viewer.destroy();
    }
  });
});
