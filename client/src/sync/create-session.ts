import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { buildSessionDocs, controlRoom, phaseRoom, randomId, type Language } from '@wcb/shared';

export type NewSession = { templateId: string; language: Language; title?: string };

/**
 * Creates a session entirely in this browser: ids, documents from the template, and every room
 * saved to IndexedDB — no server needed. The board then opens it from IndexedDB like any other
 * session, and the websocket providers push it to the server when there is one.
 */
export async function createLocalSession(input: NewSession, now: number = Date.now()): Promise<string> {
  const sessionId = randomId();
  const { control, phases } = buildSessionDocs({ sessionId, ...input, now });
  const rooms: [string, Y.Doc][] = [[controlRoom(sessionId), control], ...phases.map((p): [string, Y.Doc] => [phaseRoom(sessionId, p.phaseId), p.doc])];
  await Promise.all(rooms.map(([name, doc]) => persist(name, doc)));
  return sessionId;
}

/** y-indexeddb writes a document's existing state when it opens; closing waits for that write to commit. */
async function persist(name: string, doc: Y.Doc): Promise<void> {
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  doc.destroy();
}
