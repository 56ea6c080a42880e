import * as Y from 'yjs';
import { ROLES, controlMaps, controlRoom, randomId, type Role } from '@wcb/shared';
import { hashToken, mintToken, sessionIdForHash } from '../../../sync-server/src/tokens';
import type { CreateSessionResponse, TokenHashes } from '@wcb/shared/wire';
import type { Storage } from '@wcb/sync-server';

export type Tokens = Record<Role, string>;

export interface TestSession {
  readonly id: string;
  readonly tokens: Tokens;
}

export const mintTokens = (): Tokens => ({ facilitator: mintToken(), participant: mintToken(), viewer: mintToken() });

export const hashesOf = (tokens: Tokens): TokenHashes => ({
  facilitator: hashToken(tokens.facilitator),
  participant: hashToken(tokens.participant),
  viewer: hashToken(tokens.viewer),
});

/** What a browser creating a session holds: three tokens and the id derived from the facilitator's. */
export function ownSession(): TestSession & { tokenHashes: TokenHashes } {
  const tokens = mintTokens();
  const tokenHashes = hashesOf(tokens);
  return { id: sessionIdForHash(tokenHashes.facilitator), tokens, tokenHashes };
}

/** The phases a test session defines: the server opens phase and votes rooms only for those. */
export const TEST_PHASES = ['ideas', 'ideal', 'p1', 'a', 'b', 'c', 'alpha', 'beta', 'healthy', 'storm'] as const;

/** A control document that defines `phases` and nothing else, as one update. */
export function controlDefining(phases: readonly string[]): Uint8Array {
  const doc = new Y.Doc();
  const map = controlMaps(doc).phases;
  phases.forEach((phaseId, order) => map.set(phaseId, new Y.Map<unknown>([['title', phaseId], ['order', order]])));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Registers a session straight in storage, as a browser registration would, with a control room
 * that defines `phases` (and nothing else).
 */
export async function registerSession(
  storage: Storage,
  id = randomId(),
  phases: readonly string[] = TEST_PHASES,
): Promise<TestSession> {
  const tokens = mintTokens();
  const created = await storage.createSession(
    { id, createdAt: Date.now(), template: null, language: null, tokenHashes: hashesOf(tokens) },
    phases.length > 0 ? [{ room: controlRoom(id), update: controlDefining(phases) }] : [],
  );
  if (!created) throw new Error(`session ${id} already exists`);
  return { id, tokens };
}

/** The token of a `/s/<id>#t=<token>` link. */
export function tokenOfLink(link: string): string {
  const token = new URLSearchParams(link.split('#', 2)[1] ?? '').get('t');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** Creates a seeded session through the HTTP API and reads the three tokens off its links. */
export async function createSessionViaApi(
  baseUrl: string,
  body: Record<string, unknown> = {},
): Promise<CreateSessionResponse & { tokens: Tokens }> {
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}`);
  const created = (await res.json()) as CreateSessionResponse;
  const tokens = Object.fromEntries(ROLES.map((r) => [r, tokenOfLink(created.links[r])])) as Tokens;
  return { ...created, tokens };
}
