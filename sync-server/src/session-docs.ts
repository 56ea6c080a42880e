import * as Y from 'yjs';
import { controlRoom, phaseRoom, readSession, votesRoom } from '@wcb/shared';
import { type SessionSource } from '@wcb/shared/harvest';
import type { DocStorage } from './storage/types';

async function loadDoc(storage: DocStorage, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const updates = await storage.load(room);
  // One transaction: observers (none here) and the struct store see the room's state at once.
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * A whole session read from storage: the control document and, for each of its phases, the phase
 * and votes documents. The relay persists every update before sending it on, so storage holds
 * everything any client has seen.
 */
export async function loadSessionDocs(storage: DocStorage, sessionId: string): Promise<SessionSource & { destroy(): void }> {
  const control = await loadDoc(storage, controlRoom(sessionId));
  const phaseIds = readSession(control).phases.map((p) => p.id);
  const phaseDocs = new Map<string, Y.Doc>();
  const voteDocs = new Map<string, Y.Doc>();
  for (const phaseId of phaseIds) {
    phaseDocs.set(phaseId, await loadDoc(storage, phaseRoom(sessionId, phaseId)));
    const votes = await loadDoc(storage, votesRoom(sessionId, phaseId));
    if (votes.share.size > 0 || Y.encodeStateVector(votes).length > 1) voteDocs.set(phaseId, votes);
  }
  return {
    sessionId,
    control,
    phaseDocs,
    voteDocs,
    destroy() {
      control.destroy();
      for (const d of [...phaseDocs.values(), ...voteDocs.values()]) d.destroy();
    },
  };
}
