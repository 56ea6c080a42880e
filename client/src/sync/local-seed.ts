import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { controlRoom, phaseRoom, readControlFacts, readSession, repairControlDoc, roomAccess, votesRoom } from '@wcb/shared';

export type SeedRoom = {
  room: string;
  update: Uint8Array;
  /**
   * No websocket could bring this room to a session registered without it: a locked phase (nobody
   * may write it) or a vote not open (votes are written only while open), and the control room,
   * whose locks and voting decide that for the others and must be there before they connect.
   */
  onlyBySeed: boolean;
};

// IndexedDB answers in milliseconds; past this something is broken and registration goes on
// without a seed (the websocket then brings what the server accepts).
const READ_TIMEOUT_MS = 4000;

/** Names of the IndexedDB databases that exist (y-indexeddb names each after its room), when the browser says. */
async function existingDatabases(): Promise<Set<string> | null> {
  try {
    const list = await indexedDB.databases();
    return new Set(list.map((d) => d.name ?? ''));
  } catch {
    return null;
  }
}

async function readRoom(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  try {
    await Promise.race([
      persistence.whenSynced,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`IndexedDB did not answer for ${name}`)), READ_TIMEOUT_MS)),
    ]);
  } finally {
    await persistence.destroy();
  }
  return doc;
}

/**
 * Everything this browser holds of a session, room by room, for registering it with the server in
 * one step: the control room, and each phase's room and votes room that has anything in it.
 * A session created offline (or imported) then reaches the server whole, even rooms a websocket
 * could no longer write (a phase locked, a vote closed, before the first registration).
 */
export async function collectLocalSeed(sessionId: string): Promise<SeedRoom[]> {
  if (typeof indexedDB === 'undefined') return [];
  const known = await existingDatabases();
  const out: SeedRoom[] = [];
  const add = async (room: string, onlyBySeed: boolean, prepare?: (doc: Y.Doc) => void): Promise<Y.Doc | null> => {
    if (known && !known.has(room)) return null;
    const doc = await readRoom(room);
    prepare?.(doc);
    const update = Y.encodeStateAsUpdate(doc);
    // An empty document encodes as two zero bytes: nothing to send.
    if (update.byteLength > 2) out.push({ room, update, onlyBySeed });
    return doc;
  };
  const control = await add(controlRoom(sessionId), true, repairStoredControl);
  if (!control) return out;
  try {
    // The server's own rule for what the facilitator's websocket may write (roles.ts).
    const facts = readControlFacts(control);
    const readOnly = (kind: 'phase' | 'votes', phaseId: string) => roomAccess('facilitator', { kind, sessionId, phaseId }, facts) === 'read';
    for (const phase of readSession(control).phases) {
      (await add(phaseRoom(sessionId, phase.id), readOnly('phase', phase.id)))?.destroy();
      (await add(votesRoom(sessionId, phase.id), readOnly('votes', phase.id)))?.destroy();
    }
  } finally {
    control.destroy();
  }
  return out;
}

/**
 * A control room an older version stored may hold records the server now refuses, and a seed
 * holding one is refused whole (PROTOCOL.md, "Control records"): the session could never register.
 * The copy read for the seed is repaired instead (control-repair.ts). This device's own document
 * learns the repair from the server on its first sync, as any other edit: Yjs merges it.
 * Readers already skip or cut such records, so nobody sees a difference.
 */
function repairStoredControl(doc: Y.Doc): void {
  const repairs = repairControlDoc(doc);
  if (repairs.length > 0) console.warn('Repaired control records before registering:', repairs.map((r) => `${r.path} ${r.action}: ${r.problem}`));
}
