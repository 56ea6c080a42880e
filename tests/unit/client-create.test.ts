import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { controlRoom, phaseRoom, readSession, sessionIdForHash, SESSION_ID_RE } from '@wcb/shared';
import { sha256Hex } from '../../client/src/sync/api';
import { InsecureContextError } from '../../client/src/sync/own-session';
import { createLocalSession } from '../../client/src/sync/create-session';

async function open(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  return doc;
}

describe('creating a session in the browser', () => {
  it('saves every room of the template to IndexedDB, with no server', async () => {
    const { id } = await createLocalSession({ templateId: 'world-cafe-ngo', language: 'uk', title: 'Кафе у Львові' }, 1_700_000_000_000);
    expect(id).toMatch(SESSION_ID_RE);

    const control = await open(controlRoom(id));
    const session = readSession(control);
    expect(session.meta).toMatchObject({ id, title: 'Кафе у Львові', language: 'uk', template: 'world-cafe-ngo', createdAt: 1_700_000_000_000 });
    expect(session.topics.map((t) => t.id)).toEqual(['government', 'community', 'ngos']);
    expect(session.state.currentPhase).toBe('ideal');

    for (const phase of session.phases) {
      const doc = await open(phaseRoom(id, phase.id));
      expect(doc.getMap('meta').toJSON()).toMatchObject({ sessionId: id, phaseId: phase.id });
    }
  });

  it('gives each session its own id', async () => {
    const a = await createLocalSession({ templateId: 'blank', language: 'en' });
    const b = await createLocalSession({ templateId: 'blank', language: 'en' });
    expect(a.id).not.toBe(b.id);
  });

  it('mints the three tokens with the session and derives its id from the facilitator token, as the server checks', async () => {
    const { id, tokens } = await createLocalSession({ templateId: 'blank', language: 'en' });
    expect(new Set(Object.values(tokens)).size).toBe(3);
    expect(id).toBe(await sessionIdForHash(await sha256Hex(tokens.facilitator)));
  });

  it('refuses with a nameable error where Web Crypto is missing (a plain http:// page), creating nothing', async () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    try {
      await expect(createLocalSession({ templateId: 'blank', language: 'en' })).rejects.toBeInstanceOf(InsecureContextError);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
