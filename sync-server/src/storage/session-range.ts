/**
 * The rooms of a session as a key range: every room name is `<sessionId>/…`, and '0' is the
 * character right after '/', so [`<id>/`, `<id>0`) holds exactly them (an index range scan).
 */
export const sessionRoomRange = (sessionId: string): [string, string] => [`${sessionId}/`, `${sessionId}0`];
