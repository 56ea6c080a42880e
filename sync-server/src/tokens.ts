/**
 * Capability tokens (PROTOCOL.md, "Roles and tokens").
 *
 * A session has one token per role. The server keeps only the SHA-256 of each (lowercase hex):
 * a leaked database grants nothing, and a token is never written to storage or to a log.
 * Tokens are 22 random URL-safe symbols (132 bits), so a plain hash (no salt, no stretching)
 * is enough: there is nothing to brute-force from it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ROLES, SESSION_ID_CONTEXT, randomId, sessionIdFromDigest, type Role } from '@wcb/shared';
import type { TokenHashes } from '@wcb/shared/wire';

/** The three token hashes of a session, each 64 lowercase hex digits. */
export type { TokenHashes };

export const TOKEN_HASH_RE = /^[0-9a-f]{64}$/;
// Longer than any token we mint or a browser could sensibly send; bounds the work per request.
export const MAX_TOKEN_LENGTH = 256;

export const isTokenHash = (value: unknown): value is string => typeof value === 'string' && TOKEN_HASH_RE.test(value);

/** A fresh capability token: 22 symbols of [A-Za-z0-9_-], 132 random bits. */
export const mintToken = (): string => randomId();

/** Lowercase hex SHA-256 of the token's UTF-8 bytes (what the browser's crypto.subtle computes too). */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The session id that belongs to a facilitator token hash (shared/src/session-id.ts): what the
 * browser computes with Web Crypto, here synchronously with node:crypto.
 */
export const sessionIdForHash = (facilitatorHash: string): string =>
  sessionIdFromDigest(createHash('sha256').update(SESSION_ID_CONTEXT + facilitatorHash, 'utf8').digest());

/** Constant-time equality of two hashes; false (not a throw) when either is malformed. */
export function sameHash(a: string, b: string): boolean {
  if (!isTokenHash(a) || !isTokenHash(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/**
 * The role a presented token grants, or null. Every role's hash is compared (no early exit),
 * each in constant time, so timing tells nothing about which role came close.
 */
export function roleForToken(token: string | null | undefined, hashes: TokenHashes | null): Role | null {
  if (!hashes || typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
  const presented = hashToken(token);
  let found: Role | null = null;
  for (const role of ROLES) {
    if (sameHash(presented, hashes[role]) && found === null) found = role;
  }
  return found;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** The `token` parameter of a websocket URL's query string, or null. */
export function queryToken(url: string | undefined): string | null {
  const at = (url ?? '').indexOf('?');
  if (at < 0) return null;
  return new URLSearchParams((url ?? '').slice(at + 1)).get('token') || null;
}

/** A board link carrying a token in its fragment, which browsers never send to the server. */
export const capabilityLink = (sessionId: string, token: string): string => `/s/${sessionId}#t=${token}`;
