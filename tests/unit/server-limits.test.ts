import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DEFAULTS, loadConfig } from '@wcb/sync-server';
import { LiveDoc } from '../../sync-server/src/doc-state/live-doc';
import { hashToken, roleForToken, sameHash } from '../../sync-server/src/tokens';
import {
  ConnectionCounter,
  DocSize,
  FailureLimiter,
  MessageRateLimiter,
  TokenBucket,
  clientAddress,
  originAllowed,
} from '../../sync-server/src/limits';

// Wraps the real timingSafeEqual so the test can see tokens.ts call it.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});
const crypto = await import('node:crypto');

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const request = (remoteAddress: string, forwardedFor?: string): IncomingMessage =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('token bucket', () => {
  it('passes a burst up to its capacity, then refills at its rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(5, 2, clock.now);
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    clock.advance(500); // half a second at 2/s: one token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    clock.advance(60_000);
    expect(bucket.available).toBe(5); // never above capacity
  });

  it('takes nothing when a request is larger than what is left', () => {
    const bucket = new TokenBucket(10, 1, manualClock().now);
    expect(bucket.take(11)).toBe(false);
    expect(bucket.available).toBe(10);
  });
});

describe('per-connection message rate', () => {
  const limits = { burst: 4, perSecond: 2, bytesPerSecond: 100, maxFrameBytes: 1000 };

  it('closes a flood of small messages after the burst, and lets a paced sender through forever', () => {
    const clock = manualClock();
    const flood = new MessageRateLimiter(limits, clock.now);
    const results = Array.from({ length: 6 }, () => flood.allow(1));
    expect(results).toEqual([true, true, true, true, false, false]);

    const paced = new MessageRateLimiter(limits, clock.now);
    for (let i = 0; i < 100; i++) {
      expect(paced.allow(10)).toBe(true);
      clock.advance(500);
    }
  });

  it('always admits one maximal frame, but not a sustained byte flood', () => {
    const clock = manualClock();
    const rate = new MessageRateLimiter(limits, clock.now);
    expect(rate.allow(1000)).toBe(true);
    expect(rate.allow(101)).toBe(false);
    clock.advance(1000);
    expect(rate.allow(100)).toBe(true);
  });

  it('charges neither budget for a refused message', () => {
    const rate = new MessageRateLimiter({ ...limits, burst: 2 }, manualClock().now);
    expect(rate.allow(5000)).toBe(false); // too many bytes: the message count is untouched
    expect(rate.allow(1)).toBe(true);
    expect(rate.allow(1)).toBe(true);
  });
});

describe('failed token attempts per address', () => {
  it('blocks an address after its failures per minute, only that address, until the window refills', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter(3, clock.now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.blocked('10.0.0.1')).toBe(false);
      limiter.failed('10.0.0.1');
    }
    expect(limiter.blocked('10.0.0.1')).toBe(true);
    expect(limiter.blocked('10.0.0.2')).toBe(false);
    clock.advance(20_000); // a third of a minute: one attempt back
    expect(limiter.blocked('10.0.0.1')).toBe(false);
  });

  it('forgets addresses whose window refilled, so cycling addresses cannot grow memory without bound', () => {
    const clock = manualClock();
    const limiter = new FailureLimiter(5, clock.now);
    for (let i = 0; i < 1000; i++) limiter.failed(`10.0.${i >> 8}.${i & 255}`);
    clock.advance(120_000);
    for (let i = 0; i < 24; i++) limiter.failed('10.9.9.9');
    expect(limiter.trackedKeys).toBe(1);
  });
});

describe('connections per address', () => {
  it('refuses past the maximum and admits again once one closes', () => {
    const counter = new ConnectionCounter(2);
    expect(counter.acquire('a')).toBe(true);
    expect(counter.acquire('a')).toBe(true);
    expect(counter.acquire('a')).toBe(false);
    expect(counter.acquire('b')).toBe(true);
    counter.release('a');
    expect(counter.acquire('a')).toBe(true);
    expect(counter.count('a')).toBe(2);
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress(request('10.0.0.5', '1.2.3.4'), 0)).toBe('10.0.0.5');
  });

  it('behind n trusted proxies takes the n-th entry from the right, never a spoofable left one', () => {
    const req = request('10.0.0.5', 'spoofed, 203.0.113.7, 10.0.0.4');
    expect(clientAddress(req, 1)).toBe('10.0.0.4');
    expect(clientAddress(req, 2)).toBe('203.0.113.7');
  });

  it('falls back to the socket address when a trusted proxy sent no header', () => {
    expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
  });
});

describe('allowed origins', () => {
  const allowed = ['https://board.example.org'];

  it('allows listed origins (case and trailing slash aside) and refuses others', () => {
    expect(originAllowed('https://Board.example.org/', allowed)).toBe(true);
    expect(originAllowed('https://evil.example.com', allowed)).toBe(false);
    expect(originAllowed('http://board.example.org', allowed)).toBe(false);
  });

  it('allows a missing Origin (not a browser) and everything when no list is set', () => {
    expect(originAllowed(undefined, allowed)).toBe(true);
    expect(originAllowed('https://anything.example', [])).toBe(true);
  });

  it('reads ALLOWED_ORIGINS as a normalized comma list, and the other limits from env and flags', () => {
    const config = loadConfig(
      { ALLOWED_ORIGINS: ' https://A.example/ , https://b.example,', TRUST_PROXY: '1', MAX_ROOMS: '50' },
      ['node', 'main.ts', '--max-doc-bytes=1048576', '--message-rate=20'],
    );
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config).toMatchObject({ trustProxy: 1, maxRooms: 50, maxDocBytes: 1024 * 1024, messageRate: 20 });
    expect(loadConfig({}, ['node', 'main.ts'])).toMatchObject({
      allowedOrigins: [],
      trustProxy: 0,
      maxDocBytes: DEFAULTS.maxDocBytes,
    });
    expect(() => loadConfig({ MAX_CONNECTIONS_PER_IP: '0' }, ['node', 'main.ts'])).toThrow(/MAX_CONNECTIONS_PER_IP/);
  });
});

describe('document size estimate', () => {
  it('counts every update and refuses a write that would pass the limit', () => {
    const doc = new Y.Doc();
    const size = new DocSize(new LiveDoc(doc), 2000);
    doc.getText('t').insert(0, 'x'.repeat(1500));
    expect(size.wouldExceed(100)).toBe(false);
    expect(size.wouldExceed(600)).toBe(true);
  });

  it('re-measures exactly before refusing, so an overestimate never blocks a doc under the limit', () => {
    const doc = new Y.Doc();
    const size = new DocSize(new LiveDoc(doc), 2000);
    const text = doc.getText('t');
    // Many tiny updates: their headers add up to far more than the merged state.
    for (let i = 0; i < 400; i++) text.insert(text.length, 'a');
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(1000);
    expect(size.wouldExceed(500)).toBe(false);
  });
});

describe('token comparison', () => {
  it('compares token hashes with timingSafeEqual on equal-length buffers', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const hash = hashToken('some-token');
    expect(sameHash(hash, hashToken('other-token'))).toBe(false);
    expect(sameHash(hash, hash)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls) {
      expect(Buffer.isBuffer(a) && Buffer.isBuffer(b)).toBe(true);
      expect((a as Buffer).byteLength).toBe(32);
      expect((b as Buffer).byteLength).toBe(32);
    }
  });

  it('checks every role without an early exit', () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    const hashes = { facilitator: hashToken('f'), participant: hashToken('p'), viewer: hashToken('v') };
    expect(roleForToken('f', hashes)).toBe('facilitator');
    expect(spy).toHaveBeenCalledTimes(3);
  });
});
