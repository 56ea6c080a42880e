import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { buildSessionDocs, controlRoom, phaseRoom, votesRoom, type Language } from '@wcb/shared';
import { mintOwnSession, type OwnSession } from './own-session';

export type NewSession = { templateId: string; language: Language; title?: string };

/** Every document of a session, ready to store: from a template, or from an imported file. */
export type PreparedDocs = {
  control: Y.Doc;
  phases: { phaseId: string; doc: Y.Doc }[];
  votes?: { phaseId: string; doc: Y.Doc }[];
};

/**
 * Creates a session entirely in this browser: tokens and id, documents from the template, and
 * every room saved to IndexedDB — no server needed. The board then opens it from IndexedDB like any
 * other session, and the websocket providers push it to the server when there is one.
 */
export async function createLocalSession(input: NewSession, now: number = Date.now()): Promise<OwnSession> {
  const own = await mintOwnSession();
  await saveLocalSession(own.id, buildSessionDocs({ sessionId: own.id, ...input, now }));
  return own;
}

/**
 * Saves prepared documents, built for `sessionId` (an import), to IndexedDB as a new session.
 * The documents are destroyed afterwards: the board reads the session back from IndexedDB.
 */
export async function saveLocalSession(sessionId: string, docs: PreparedDocs): Promise<void> {
  const rooms: [string, Y.Doc][] = [
    [controlRoom(sessionId), docs.control],
    ...docs.phases.map((p): [string, Y.Doc] => [phaseRoom(sessionId, p.phaseId), p.doc]),
    ...(docs.votes ?? []).map((v): [string, Y.Doc] => [votesRoom(sessionId, v.phaseId), v.doc]),
  ];
  await Promise.all(rooms.map(([name, doc]) => persist(name, doc)));
}

/** y-indexeddb writes a document's existing state when it opens; closing waits for that write to commit. */
async function persist(name: string, doc: Y.Doc): Promise<void> {
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  doc.destroy();
}
