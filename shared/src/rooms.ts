/**
 * How a session is split into Yjs rooms (see ARCHITECTURE.md, "Rooms").
 *
 *   <sessionId>/control          session meta, topics, phases, tables, facilitator state
 *   <sessionId>/phase/<phaseId>  the notes of one phase
 *
 * Authority is decided per room: the server can allow or refuse every write to a room
 * without parsing the update (viewers: no room; participants: phase rooms that are not locked;
 * facilitator: everything).
 */

export const SESSION_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
export const RECORD_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export type RoomRef =
  | { kind: 'control'; sessionId: string }
  | { kind: 'phase'; sessionId: string; phaseId: string };

export const controlRoom = (sessionId: string): string => `${sessionId}/control`;
export const phaseRoom = (sessionId: string, phaseId: string): string => `${sessionId}/phase/${phaseId}`;

export function roomName(ref: RoomRef): string {
  return ref.kind === 'control' ? controlRoom(ref.sessionId) : phaseRoom(ref.sessionId, ref.phaseId);
}

/** Parses a room name; returns null for anything that is not exactly one of the two shapes. */
export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split('/');
  const [sessionId, kind, phaseId] = parts;
  if (!sessionId || !SESSION_ID_RE.test(sessionId)) return null;
  if (parts.length === 2 && kind === 'control') return { kind: 'control', sessionId };
  if (parts.length === 3 && kind === 'phase' && phaseId && RECORD_ID_RE.test(phaseId)) {
    return { kind: 'phase', sessionId, phaseId };
  }
  return null;
}
