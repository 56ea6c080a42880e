import { randomId, sessionIdForHash } from '@wcb/shared';
import { sha256Hex } from './api';

/** Web Crypto (SHA-256) exists only in secure contexts: https:// pages and localhost. */
export const canMintSessions = (): boolean => globalThis.crypto?.subtle !== undefined;

export class InsecureContextError extends Error {
  override readonly name = 'InsecureContextError';

  constructor() {
    super('creating a session needs Web Crypto, which browsers offer only to https:// pages and localhost');
  }
}

export type OwnTokens = { facilitator: string; participant: string; viewer: string };

/** A session this device makes: its three tokens and the id that belongs to them. */
export type OwnSession = { id: string; tokens: OwnTokens };

/**
 * Mints the three tokens (offline too: the server only ever learns their hashes) and derives the
 * session's id from the facilitator token's hash, so only this device can register that id
 * (PROTOCOL.md, "Roles and tokens"): whoever learns the id before then cannot claim it.
 */
export async function mintOwnSession(): Promise<OwnSession> {
  if (!canMintSessions()) throw new InsecureContextError();
  const tokens = { facilitator: randomId(), participant: randomId(), viewer: randomId() };
  return { id: await sessionIdForHash(await sha256Hex(tokens.facilitator)), tokens };
}
