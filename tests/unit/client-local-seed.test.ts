/**
 * collectLocalSeed (client/src/sync/local-seed.ts) marks the rooms only a registration can bring
 * (the server's own roomAccess rule for the facilitator): the control room, a locked phase, the
 * votes of a phase whose voting is not open. A registration refused as too large (413) is sent
 * again with just those (api.ts); the websockets bring the rest.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, buildSessionDocs, castDot, controlRoom, openVoting, phaseRoom, setPhaseLocked, votesRoom } from '@wcb/shared';
import { registerSession } from '../../client/src/sync/api';
import { saveLocalSession } from '../../client/src/sync/create-session';
import { collectLocalSeed } from '../../client/src/sync/local-seed';
import { mintOwnSession } from '../../client/src/sync/own-session';

/** A session stored in this browser: phase 1 locked, voting open on phase 3, dots on phases 2 and 3. */
async function storedSession() {
  const own = await mintOwnSession();
  const docs = buildSessionDocs({ sessionId: own.id, templateId: 'world-cafe-ngo', language: 'en' });
  const [locked, voted, open] = docs.phases.map((p) => p.phaseId) as [string, string, string];
  for (const { doc } of docs.phases) addNote(doc, { topic: 'government', text: 'a note' });
  setPhaseLocked(docs.control, locked, true);
  openVoting(docs.control, { phaseId: open, budget: 3, per: 'participant', hideCounts: false });
  const votes = [voted, open].map((phaseId) => {
    const doc = new Y.Doc();
    castDot(doc, 'voter-1', 'n1', 3);
    return { phaseId, doc };
  });
  await saveLocalSession(own.id, { ...docs, votes });
  return { own, locked, voted, open };
}

describe('the rooms of a local seed that no websocket could bring', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a registration too large for one request is sent again with only those, then bare', async () => {
    const { own, locked, voted } = await storedSession();
    const sent: string[][] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { seed?: { room: string }[] };
      sent.push((body.seed ?? []).map((s) => s.room).sort());
      return new Response('{}', { status: 413 });
    });
    expect((await registerSession(own.id, { tokens: own.tokens })).result).toBe('too-large');
    expect(sent).toHaveLength(3);
    expect(sent[0]).toHaveLength(6);
    expect(sent[1]).toEqual([controlRoom(own.id), phaseRoom(own.id, locked), votesRoom(own.id, voted)].sort());
    expect(sent[2]).toEqual([]);
  });

  it('are the control room, a locked phase and the votes of a phase not open for voting', async () => {
    const { own, locked, voted, open } = await storedSession();
    const seed = await collectLocalSeed(own.id);
    expect(Object.fromEntries(seed.map((s) => [s.room, s.onlyBySeed]))).toEqual({
      [controlRoom(own.id)]: true,
      [phaseRoom(own.id, locked)]: true,
      [phaseRoom(own.id, voted)]: false,
      [votesRoom(own.id, voted)]: true,
      [phaseRoom(own.id, open)]: false,
      [votesRoom(own.id, open)]: false,
    });
  });
});
