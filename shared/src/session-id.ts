/**
 * A session's id is derived from its facilitator token's hash (PROTOCOL.md, "Roles and tokens"),
 * so only whoever holds that token can register the id: someone who merely learns the id of a
 * session created offline cannot claim it first with hashes of their own.
 *
 *   id = base64url( SHA-256( UTF-8("wcb-session-id:" + facilitatorHashHex) ) )[0..22)
 *        with a leading '-' replaced by 'A' (as randomId does: command lines read it as an option)
 *
 * 22 symbols keep 132 of the digest's bits: the same size and alphabet as a random id.
 */

/** Prepended to the hash before hashing again: these digests can never collide with token hashes. */
export const SESSION_ID_CONTEXT = 'wcb-session-id:';
const SESSION_ID_SYMBOLS = 22;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The id for the SHA-256 digest of `SESSION_ID_CONTEXT + facilitatorHashHex` (pure: no crypto here). */
export function sessionIdFromDigest(digest: Uint8Array): string {
  if (digest.length < 18) throw new RangeError('a session id needs at least 18 bytes of digest');
  let out = '';
  // base64url, 3 bytes -> 4 symbols: 18 bytes give 24 symbols, of which the first 22 are kept.
  for (let i = 0; i < 18; i += 3) {
    const n = ((digest[i] ?? 0) << 16) | ((digest[i + 1] ?? 0) << 8) | (digest[i + 2] ?? 0);
    out += BASE64URL[(n >> 18) & 63]! + BASE64URL[(n >> 12) & 63]! + BASE64URL[(n >> 6) & 63]! + BASE64URL[n & 63]!;
  }
  out = out.slice(0, SESSION_ID_SYMBOLS);
  return out.startsWith('-') ? `A${out.slice(1)}` : out;
}

/** The session id that belongs to a facilitator token hash (64 lowercase hex digits); uses Web Crypto. */
export async function sessionIdForHash(facilitatorHashHex: string): Promise<string> {
  const bytes = new TextEncoder().encode(SESSION_ID_CONTEXT + facilitatorHashHex);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return sessionIdFromDigest(new Uint8Array(digest));
}
