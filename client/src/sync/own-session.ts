import { randomId, sessionIdForHash } from '@wcb/shared';
import { sha256Hex } from './api';

export type OwnTokens = { facilitator: string; participant: string; viewer: string };

/** A session this device makes: its three tokens and the id that belongs to them. */
export type OwnSession = { id: string; tokens: OwnTokens };

/**
 * Mints the three tokens (offline too: the server only ever learns their hashes) and derives the
 * session's id from the facilitator token's hash, so only this device can register that id
 * (PROTOCOL.md, "Roles and tokens"): whoever learns the id before then cannot claim it.
 */
export async function mintOwnSession(): Promise<OwnSession> {
  const tokens = { facilitator: randomId(), participant: randomId(), viewer: randomId() };
  return { id: await sessionIdForHash(await sha256Hex(tokens.facilitator)), tokens };
}
