import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomId } from '@wcb/shared';
import { registerOnce, registerSession, retryAfterMs } from '../../client/src/sync/api';

const tokens = { facilitator: randomId(), participant: randomId(), viewer: randomId() };

/** The server answers every registration with `status` (and these headers). */
function serverAnswers(status: number, headers: Record<string, string> = {}): void {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: 'x' }), { status, headers }));
}

describe('registering a session this browser created', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    [201, {}, { result: 'registered', retryAfterMs: null }],
    [200, {}, { result: 'registered', retryAfterMs: null }],
    [409, {}, { result: 'conflict', retryAfterMs: null }],
    [403, {}, { result: 'rejected', retryAfterMs: null }],
    [429, { 'Retry-After': '42' }, { result: 'rate-limited', retryAfterMs: 42_000 }],
    [507, {}, { result: 'server-full', retryAfterMs: null }],
    [503, { 'Retry-After': '5' }, { result: 'unreachable', retryAfterMs: 5_000 }],
  ] as const)('tells %i apart, with the server\'s Retry-After', async (status, headers, expected) => {
    serverAnswers(status, headers);
    expect(await registerSession(randomId(), { tokens })).toEqual(expected);
  });

  it('counts a network failure as unreachable', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await registerSession(randomId(), { tokens })).toEqual({ result: 'unreachable', retryAfterMs: null });
  });

  it('asks once per session and page once registered, so late 4404s cost no creation budget', async () => {
    let posts = 0;
    vi.stubGlobal('fetch', async () => {
      posts += 1;
      return new Response('{}', { status: posts === 1 ? 429 : 201 });
    });
    const id = randomId();
    expect((await registerOnce(id, { tokens })).result).toBe('rate-limited');
    expect((await registerOnce(id, { tokens })).result).toBe('registered');
    expect((await registerOnce(id, { tokens })).result).toBe('registered');
    expect(posts).toBe(2);
  });

  it('reads Retry-After only in seconds', () => {
    expect(retryAfterMs('60')).toBe(60_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBeNull();
  });
});
