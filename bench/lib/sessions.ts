import { createHash, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { buildSessionDocs, controlRoom } from '@wcb/shared';
import { sessionIdForHash } from '../../sync-server/src/tokens';

const token = () => randomBytes(16).toString('base64url');
const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

export type SessionTokens = { facilitator: string; participant: string; viewer: string };

/** Registers a session on our server with its rooms' content; returns the participant token. */
export async function registerSession(serverUrl: string, id: string, rooms: { room: string; doc: Y.Doc }[] = []): Promise<string> {
  return (await registerSessionTokens(serverUrl, id, rooms)).participant;
}

/** Registers a session on our server with its rooms' content; returns every role's token. */
export async function registerSessionTokens(serverUrl: string, id: string, rooms: { room: string; doc: Y.Doc }[] = []): Promise<SessionTokens> {
  const tokens = minted.get(id);
  if (!tokens) throw new Error(`session ${id} was not made by newSessionId() or sessionId()`);
  const res = await fetch(`${serverUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id,
      tokenHashes: { facilitator: sha(tokens.facilitator), participant: sha(tokens.participant), viewer: sha(tokens.viewer) },
      seed: rooms.map((r) => ({ room: r.room, update: Buffer.from(Y.encodeStateAsUpdate(r.doc)).toString('base64') })),
    }),
  });
  if (!res.ok) throw new Error(`registering ${id}: ${res.status} ${await res.text()}`);
  return tokens;
}

/** Tokens by the id derived from them (PROTOCOL.md, "Session ids"): the server registers no other id. */
const minted = new Map<string, SessionTokens>();

/** A fresh session id, derived from freshly minted tokens that registerSession will use. */
export function newSessionId(): string {
  const tokens = { facilitator: token(), participant: token(), viewer: token() };
  const id = sessionIdForHash(sha(tokens.facilitator));
  minted.set(id, tokens);
  return id;
}

const numbered = new Map<string, string>();
/** The same id for the same (i, prefix) within one run, e.g. to register a room and then join it. */
export function sessionId(i: number, prefix = 'bench'): string {
  const key = `${prefix}${i}`;
  let id = numbered.get(key);
  if (!id) numbered.set(key, (id = newSessionId()));
  return id;
}

/**
 * A control room to register with session `id`, and the first phase it defines: the server opens
 * only the phases a session's control room defines (4533 otherwise).
 */
export function controlSeed(id: string): { seed: { room: string; doc: Y.Doc }; phaseId: string } {
  const docs = buildSessionDocs({ sessionId: id, templateId: 'world-cafe-ngo', language: 'en', now: 1 });
  return { seed: { room: controlRoom(id), doc: docs.control }, phaseId: docs.phases[0]!.phaseId };
}
