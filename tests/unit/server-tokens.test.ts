import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TOKEN_HASH_RE, bearerToken, capabilityLink, hashToken, isTokenHash, mintToken, queryToken, roleForToken, sameHash, sessionIdForHash } from '../../sync-server/src/tokens';
import type { TokenHashes } from '@wcb/shared/wire';
import { SESSION_ID_RE, sessionIdForHash as browserSessionIdForHash, sessionIdFromDigest } from '@wcb/shared';

const tokens = { facilitator: mintToken(), participant: mintToken(), viewer: mintToken() };
const hashes: TokenHashes = {
  facilitator: hashToken(tokens.facilitator),
  participant: hashToken(tokens.participant),
  viewer: hashToken(tokens.viewer),
};

describe('capability tokens', () => {
  it('mints 22 URL-safe symbols (132 bits), different every time', () => {
    const minted = new Set(Array.from({ length: 200 }, mintToken));
    expect(minted.size).toBe(200);
    for (const token of minted) expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('hashes to lowercase hex SHA-256 of the UTF-8 bytes, as crypto.subtle does in the browser', async () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('tëst')).toBe(createHash('sha256').update(Buffer.from('tëst', 'utf8')).digest('hex'));
    const subtle = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(tokens.viewer));
    expect(hashToken(tokens.viewer)).toBe(Buffer.from(subtle).toString('hex'));
    expect(hashToken(tokens.viewer)).toMatch(TOKEN_HASH_RE);
  });

  it('recognises only 64 lowercase hex digits as a hash', () => {
    expect(isTokenHash(hashes.viewer)).toBe(true);
    expect(isTokenHash(hashes.viewer.toUpperCase())).toBe(false);
    expect(isTokenHash(hashes.viewer.slice(1))).toBe(false);
    expect(isTokenHash(`${hashes.viewer}0`)).toBe(false);
    expect(isTokenHash(tokens.viewer)).toBe(false);
    expect(isTokenHash(42)).toBe(false);
  });

  it('compares hashes for equality, and malformed ones as different', () => {
    expect(sameHash(hashes.viewer, hashToken(tokens.viewer))).toBe(true);
    expect(sameHash(hashes.viewer, hashes.participant)).toBe(false);
    expect(sameHash('zz', 'zz')).toBe(false);
    expect(sameHash(hashes.viewer.toUpperCase(), hashes.viewer.toUpperCase())).toBe(false);
  });

  it('maps each token to its role and anything else to null', () => {
    expect(roleForToken(tokens.facilitator, hashes)).toBe('facilitator');
    expect(roleForToken(tokens.participant, hashes)).toBe('participant');
    expect(roleForToken(tokens.viewer, hashes)).toBe('viewer');
    expect(roleForToken(mintToken(), hashes)).toBeNull();
    expect(roleForToken(hashes.viewer, hashes)).toBeNull(); // the hash itself is not a token
    expect(roleForToken('', hashes)).toBeNull();
    expect(roleForToken(null, hashes)).toBeNull();
    expect(roleForToken(undefined, hashes)).toBeNull();
    expect(roleForToken('x'.repeat(10_000), hashes)).toBeNull();
    expect(roleForToken(tokens.facilitator, null)).toBeNull(); // a session from before tokens
  });

  it('reads a bearer token from an Authorization header', () => {
    expect(bearerToken(`Bearer ${tokens.viewer}`)).toBe(tokens.viewer);
    expect(bearerToken(`bearer   ${tokens.viewer} `)).toBe(tokens.viewer);
    expect(bearerToken(tokens.viewer)).toBeNull();
    expect(bearerToken(`Basic ${tokens.viewer}`)).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it("reads the token from a websocket URL's query, as the stock client's params put it there", () => {
    expect(queryToken(`/ws/abc/control?token=${tokens.viewer}`)).toBe(tokens.viewer);
    expect(queryToken(`/ws/abc/control?x=1&token=${encodeURIComponent('a+b')}`)).toBe('a+b');
    expect(queryToken('/ws/abc/control')).toBeNull();
    expect(queryToken('/ws/abc/control?token=')).toBeNull();
    expect(queryToken(undefined)).toBeNull();
  });

  it('builds links with the token in the fragment, which browsers never send', () => {
    expect(capabilityLink('S1234567', tokens.viewer)).toBe(`/s/S1234567#t=${tokens.viewer}`);
  });
});

describe('session ids derived from the facilitator token', () => {
  it('matches the worked example in PROTOCOL.md byte for byte', () => {
    const hash = hashToken('q3Jx0aZ1Yb-kT9cV2nW_8e');
    expect(hash).toBe('01a317558c34f2a5bd345bac1a0cc791d5ac4f4ce84a61ffc61bae673141e5d9');
    expect(sessionIdForHash(hash)).toBe('BegjCjYKhXqvth-Z9vMCH_');
  });

  it('is the first 22 base64url symbols of SHA-256("wcb-session-id:" + hash), a valid session id', () => {
    for (let i = 0; i < 50; i += 1) {
      const hash = hashToken(mintToken());
      const expected = createHash('sha256').update(`wcb-session-id:${hash}`).digest('base64url').slice(0, 22);
      const id = sessionIdForHash(hash);
      expect(id).toBe(expected.startsWith('-') ? `A${expected.slice(1)}` : expected);
      expect(id).toMatch(SESSION_ID_RE);
    }
  });

  it('is computed the same by the browser (Web Crypto) and the server (node:crypto)', async () => {
    for (let i = 0; i < 50; i += 1) {
      const hash = hashToken(mintToken());
      expect(await browserSessionIdForHash(hash)).toBe(sessionIdForHash(hash));
    }
  });

  it('never starts with "-", which command lines would read as an option', () => {
    // 0xf8 = 111110 00: its first six bits are symbol 62, '-'.
    const digest = new Uint8Array(32).fill(0xf8);
    expect(sessionIdFromDigest(digest)).toMatch(/^A/);
    expect(sessionIdFromDigest(digest)).toHaveLength(22);
  });
});
