import { createHash, randomBytes } from 'node:crypto';
import * as Y from 'yjs';

const token = () => randomBytes(16).toString('base64url');
const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');

export type SessionTokens = { facilitator: string; participant: string; viewer: string };

/** Registers a session on our server with its rooms' content; returns the participant token. */
export async function registerSession(serverUrl: string, id: string, rooms: { room: string; doc: Y.Doc }[] = []): Promise<string> {
  return (await registerSessionTokens(serverUrl, id, rooms)).participant;
}

/** Registers a session on our server with its rooms' content; returns every role's token. */
export async function registerSessionTokens(serverUrl: string, id: string, rooms: { room: string; doc: Y.Doc }[] = []): Promise<SessionTokens> {
  const tokens = { facilitator: token(), participant: token(), viewer: token() };
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

export const sessionId = (i: number, prefix = 'bench'): string => `${prefix}${String(i).padStart(8, '0')}`;
