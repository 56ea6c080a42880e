import { RECORD_ID_RE } from '../rooms';

/**
 * The links a printed kit carries. Everything after `#` is a URL fragment, which a browser never
 * sends to a server: the token and the table stay out of access logs, as for every board link.
 *
 *   board link   <origin>/s/<sessionId>#t=<token>
 *   seated link  <origin>/s/<sessionId>#t=<participantToken>&table=<tableId>
 *
 * The seated link seats the device at that table unless it already sits at one in this session;
 * the table never changes what the token grants (PROTOCOL.md, "Seated links").
 */
export const SEAT_PARAM = 'table';

export const boardLink = (origin: string, sessionId: string, token: string): string =>
  `${origin}/s/${encodeURIComponent(sessionId)}#t=${encodeURIComponent(token)}`;

export const seatedLink = (origin: string, sessionId: string, participantToken: string, tableId: string): string =>
  `${boardLink(origin, sessionId, participantToken)}&${SEAT_PARAM}=${encodeURIComponent(tableId)}`;

/** The table a link's fragment asks to seat the device at, or null (absent or not a record id). */
export function tableFromHash(hash: string): string | null {
  const table = new URLSearchParams(hash.replace(/^#/, '')).get(SEAT_PARAM);
  return table && RECORD_ID_RE.test(table) ? table : null;
}
