import type * as Y from 'yjs';
import { phaseRoom, readSession, votesRoom } from '@wcb/shared';
import { type SessionSource } from '@wcb/shared/harvest';
import { makeRoom, type Room, type RoomState } from '../sync/room';

// How long an export waits for a room the server has not answered yet. Offline it goes on with
// what this device holds; the progress line says which phases that was.
const SYNC_WAIT_MS = 8000;

export type GatherProgress = { done: number; total: number };

/** Resolves when the room has what this device holds and, if the server answers in time, what it holds too. */
function settled(room: Room, online: boolean): Promise<RoomState> {
  return new Promise((resolve) => {
    const finish = (s: RoomState) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    };
    const check = (s: RoomState) => {
      if (s.loaded && (s.everSynced || !online || s.unreachable || s.closed !== null)) finish(s);
    };
    const timer = setTimeout(() => finish(room.state()), SYNC_WAIT_MS);
    const unsubscribe = room.subscribe(check);
    check(room.state());
  });
}

/**
 * Every document of a session, for an export: each phase room and its votes room, opened for the
 * occasion (IndexedDB first, then the server) and disposed afterwards. Works offline with what
 * this device has seen; `stale` lists the phases that could not be brought up to date.
 */
export async function gatherSession(
  sessionId: string,
  control: Y.Doc,
  token: string | undefined,
  onProgress: (p: GatherProgress) => void,
): Promise<{ source: SessionSource; stale: string[]; dispose(): void }> {
  const phases = readSession(control).phases.map((p) => p.id);
  const online = typeof navigator === 'undefined' || navigator.onLine;
  const rooms: Room[] = [];
  const phaseDocs = new Map<string, Y.Doc>();
  const voteDocs = new Map<string, Y.Doc>();
  const stale: string[] = [];
  let done = 0;
  onProgress({ done, total: phases.length });
  // One phase at a time: a big session opens a handful of sockets, not dozens at once.
  for (const phaseId of phases) {
    const phase = makeRoom(phaseRoom(sessionId, phaseId), { token });
    const votes = makeRoom(votesRoom(sessionId, phaseId), { token });
    rooms.push(phase, votes);
    const [p] = await Promise.all([settled(phase, online), settled(votes, online)]);
    if (!p.everSynced) stale.push(phaseId);
    phaseDocs.set(phaseId, phase.doc);
    voteDocs.set(phaseId, votes.doc);
    onProgress({ done: ++done, total: phases.length });
  }
  return {
    source: { sessionId, control, phaseDocs, voteDocs },
    stale,
    dispose: () => rooms.forEach((r) => r.dispose()),
  };
}
