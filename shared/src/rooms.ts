/**
 * How a session is split into Yjs rooms (see ARCHITECTURE.md, "Rooms").
 *
 *   <sessionId>/control          session meta, topics, phases, tables, facilitator state
 *   <sessionId>/phase/<phaseId>  the notes of one phase
 *   <sessionId>/votes/<phaseId>  the dots placed on that phase's notes
 *
 * Authority is decided per room (roles.ts): the server allows or refuses every write to a room
 * without parsing the update.
 */

export const SESSION_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
export const RECORD_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export type RoomRef =
  | { kind: 'control'; sessionId: string }
  | { kind: 'phase' | 'votes'; sessionId: string; phaseId: string };

export const controlRoom = (sessionId: string): string => `${sessionId}/control`;
export const phaseRoom = (sessionId: string, phaseId: string): string => `${sessionId}/phase/${phaseId}`;
export const votesRoom = (sessionId: string, phaseId: string): string => `${sessionId}/votes/${phaseId}`;

export function roomName(ref: RoomRef): string {
  return ref.kind === 'control' ? controlRoom(ref.sessionId) : `${ref.sessionId}/${ref.kind}/${ref.phaseId}`;
}

/** Parses a room name; returns null for anything that is not exactly one of the three shapes. */
export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split('/');
  const [sessionId, kind, phaseId] = parts;
  if (!sessionId || !SESSION_ID_RE.test(sessionId)) return null;
  if (parts.length === 2 && kind === 'control') return { kind: 'control', sessionId };
  if (parts.length === 3 && (kind === 'phase' || kind === 'votes') && phaseId && RECORD_ID_RE.test(phaseId)) {
    return { kind, sessionId, phaseId };
  }
  return null;
}
