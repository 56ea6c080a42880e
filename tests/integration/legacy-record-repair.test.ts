/**
 * A control record the server itself still holds from before its record checks (stored by an
 * older server, tolerated by every reader): a facilitator device repairs it after its first sync
 * (client/src/sync/session-control.ts, repairOpenedControl), and the server's gate takes that
 * repair as any write that mends a record (PROTOCOL.md, "Control records"): no 1007, and every
 * other device reads it repaired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildSessionDocs, controlMaps, controlRoom, LocalOrigin, repairOpenedControl } from '@wcb/shared';
import { recordOf } from '../support/hostile-records';
import { connectClient, waitForDoc } from './helpers/clients';
import { mintTokens, hashesOf } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('a malformed control record the server stored before its checks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('is repaired by the facilitator device after its first sync, and the server takes the repair', async () => {
    const id = 'legacy-session-0001';
    const tokens = mintTokens();
    const { control } = buildSessionDocs({ sessionId: id, templateId: 'world-cafe-ngo', language: 'en' });
    // Written straight into storage, as an older server stored it: no gate on the way.
    controlMaps(control).tables.set('t9', recordOf({ name: 'x'.repeat(10_000), order: 9 }));
    controlMaps(control).state.set('timer', { status: 'exploded' });
    await server.storage.createSession({ id, createdAt: Date.now(), template: null, language: null, tokenHashes: hashesOf(tokens) }, [
      { room: controlRoom(id), update: Y.encodeStateAsUpdate(control) },
    ]);

    const facilitator = connectClient(server.wsUrl, controlRoom(id), { token: tokens.facilitator });
    const closes: number[] = [];
    facilitator.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    const viewer = connectClient(server.wsUrl, controlRoom(id), { token: tokens.viewer });
    try {
      await Promise.all([facilitator.synced(), viewer.synced()]);
      expect(repairOpenedControl(facilitator.doc, new LocalOrigin('control.repair')).map((r) => `${r.path} ${r.action}`)).toEqual([
        'tables/t9 repaired',
        'state/timer dropped',
      ]);
      await waitForDoc('the viewer reads the repair', viewer.doc, (d) => !controlMaps(d).state.has('timer') && (controlMaps(d).tables.get('t9') as Y.Map<unknown>).get('name') === 'x'.repeat(80));
      expect(closes).toEqual([]);
      expect(facilitator.provider.wsconnected).toBe(true);
    } finally {
      facilitator.destroy();
      viewer.destroy();
    }
  });
});
