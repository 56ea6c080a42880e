/**
 * An export from an older version may hold control records the server now refuses. The browser's
 * own import (client/src/views/home/import-results.ts, over fake-indexeddb) repairs them and says
 * so, and the session it stores then registers with a real server, seed and all
 * (client/src/sync/api.ts): no session is made that could never reach the server. The same holds
 * for a session an older version created offline and stored in IndexedDB before it registered.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { buildSessionDocs, controlMaps, controlRoom, criteriaMap, readSession } from '@wcb/shared';
import { exportSessionJson } from '@wcb/shared/harvest';
import { registerSession } from '../../client/src/sync/api';
import { saveLocalSession } from '../../client/src/sync/create-session';
import { mintOwnSession } from '../../client/src/sync/own-session';
import { importResultsFile } from '../../client/src/views/home/import-results';
import { recordOf } from '../support/hostile-records';
import { IndexeddbPersistence } from 'y-indexeddb';
import { connectClient, waitForDoc } from './helpers/clients';
import { startTestServer, type TestServer } from './helpers/test-server';

/** A session file as an older version exported it: a template café holding malformed records. */
function oldExport(): string {
  const docs = buildSessionDocs({ sessionId: 'old-session-01', templateId: 'world-cafe-ngo', language: 'en' });
  const { phases, state, tables } = controlMaps(docs.control);
  (phases.get('ideal') as Y.Map<unknown>).set('title', 'An ideal '.repeat(100));
  phases.set('broken', 'not a record' as never);
  tables.set('t9', recordOf({ name: 'x'.repeat(10_000), order: 9 }));
  criteriaMap(docs.control).set('c1', recordOf({ phaseId: 'ideal', topicId: 'government', text: { evil: 1 }, noteIds: [], order: 1 }));
  state.set('timer', { status: 'running', durationMs: 3.2e16, endsAt: 3.2e16, remainingMs: 0, round: 0 });
  const phaseDocs = new Map(docs.phases.map((p) => [p.phaseId, p.doc]));
  return JSON.stringify(exportSessionJson({ sessionId: 'old-session-01', control: docs.control, phaseDocs, voteDocs: new Map() }));
}

describe('a browser registering control records an older version wrote', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    // The browser's fetch asks its own origin: here, the test server.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(new URL(input, server.url), init));
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await server.stop();
  });

  describe('importing an old export with malformed control records', () => {

    it('repairs or leaves out what the server would refuse, says which, and the session registers with its content', async () => {
      const file = new File([oldExport()], 'spring-cafe.json', { type: 'application/json' });
      const { own, repairs } = await importResultsFile(file);

      // Without the repair the server refuses the seed (400): 'rejected', never to be registered.
      const outcome = await registerSession(own.id, { tokens: own.tokens });
      expect(outcome.result).toBe('registered');
      expect(repairs.map(({ path, action }) => `${path} ${action}`)).toEqual([
        'criteria/c1 dropped',
        'phases/broken dropped',
        'phases/ideal repaired',
        'tables/t9 repaired',
        'state/timer dropped',
      ]);
      // It arrived whole, with the seed (not bare): a viewer reads the repaired phase from the server.
      const viewer = connectClient(server.wsUrl, controlRoom(own.id), { token: own.tokens.viewer });
      try {
        await viewer.synced();
        const session = readSession(viewer.doc);
        expect(session.phases.find((p) => p.id === 'ideal')?.title).toBe('An ideal '.repeat(100).slice(0, 200));
        expect(session.tables.find((t) => t.id === 't9')?.name).toHaveLength(80);
        expect(controlMaps(viewer.doc).state.has('timer')).toBe(false);
      } finally {
        viewer.destroy();
      }
    });
  });

  describe('registering a session an older version stored with malformed control records', () => {

    it('the seed is repaired, the session registers, and the device’s own document syncs and learns the repair', async () => {
      const own = await mintOwnSession();
      const docs = buildSessionDocs({ sessionId: own.id, templateId: 'world-cafe-ngo', language: 'en' });
      controlMaps(docs.control).tables.set('t9', recordOf({ name: 'x'.repeat(10_000), order: 9 }));
      controlMaps(docs.control).state.set('voting', { phaseId: 'ideal', budget: 1_000_000, per: 'participant', hideCounts: false, open: true });
      await saveLocalSession(own.id, docs);

      // Without the repair the server refuses the seed (400): 'rejected', never to be registered.
      expect((await registerSession(own.id, { tokens: own.tokens })).result).toBe('registered');

      // The board's document, as this device stored it, connects as the facilitator: nothing it
      // sends is refused (the server already holds every record of it), and the repair arrives.
      const local = new Y.Doc();
      const persistence = new IndexeddbPersistence(controlRoom(own.id), local);
      await persistence.whenSynced;
      await persistence.destroy();
      expect(controlMaps(local).state.has('voting')).toBe(true);
      const facilitator = connectClient(server.wsUrl, controlRoom(own.id), { doc: local, token: own.tokens.facilitator });
      const closes: number[] = [];
      facilitator.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
      try {
        await facilitator.synced();
        await waitForDoc('the repair reached the device', local, (d) => !controlMaps(d).state.has('voting') && (controlMaps(d).tables.get('t9') as Y.Map<unknown>).get('name') === 'x'.repeat(80));
        // A round trip after the device's own step 2: still the first connection.
        const reader = connectClient(server.wsUrl, controlRoom(own.id), { token: own.tokens.viewer });
        await reader.synced();
        reader.destroy();
        expect(closes).toEqual([]);
        expect(facilitator.provider.wsconnected).toBe(true);
      } finally {
        facilitator.destroy();
      }
    });
  });
});
