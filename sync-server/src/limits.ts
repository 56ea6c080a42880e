/**
 * Small, clock-injectable limiters shared by the websocket gateway and the HTTP API
 * (PROTOCOL.md, "Limits and tuning"). No timers: every limiter refills lazily from `now()`,
 * so an idle server does no work and tests can drive time by hand.
 */
import type { IncomingMessage } from 'node:http';
import type { DocState } from './doc-state/types';
import { HttpError } from './http-util';
import type { Logger } from './logger';
import type { Metrics, RejectReason } from './metrics';

export type Clock = () => number;

/**
 * A token bucket: holds up to `capacity` tokens, refills `perSecond` tokens per second, and
 * `take(n)` succeeds only when `n` tokens are there. A burst up to `capacity` passes at once;
 * a sustained rate above `perSecond` runs it dry.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: Clock = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `amount` tokens if available; on failure takes nothing. */
  take(amount = 1): boolean {
    this.refill();
    if (amount > this.tokens) return false;
    this.tokens -= amount;
    return true;
  }

  get available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
  }
}

export interface MessageRateLimits {
  /** Messages a connection may send at once before the rate applies. */
  readonly burst: number;
  /** Sustained messages per second. */
  readonly perSecond: number;
  /** Sustained bytes per second; the byte burst is one maximal frame plus one second of it. */
  readonly bytesPerSecond: number;
  /** Largest frame: a single legitimate frame of this size must always pass a full bucket. */
  readonly maxFrameBytes: number;
}

/** Per connection: both a message count and a byte budget, each a token bucket. */
export class MessageRateLimiter {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(limits: MessageRateLimits, now: Clock = Date.now) {
    this.messages = new TokenBucket(limits.burst, limits.perSecond, now);
    this.bytes = new TokenBucket(limits.maxFrameBytes + limits.bytesPerSecond, limits.bytesPerSecond, now);
  }

  /** Whether one more message of `size` bytes is within the budget (and charges it if so). */
  allow(size: number): boolean {
    // Check both before charging either, so a refusal costs nothing.
    if (this.messages.available < 1 || this.bytes.available < size) return false;
    return this.messages.take(1) && this.bytes.take(size);
  }
}

/**
 * Counts failed token attempts per key (a client address) in a sliding one-minute window,
 * approximated by a token bucket of `perMinute` tokens refilling `perMinute` per minute.
 * While a key's bucket is empty it is blocked: callers refuse it without checking the token.
 * Keys whose bucket is full again are forgotten, so memory follows recent offenders only.
 */
export class FailureLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweeps = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: Clock = Date.now,
  ) {}

  /** True while `key` has used up its failures: refuse without looking at the token. */
  blocked(key: string): boolean {
    const bucket = this.buckets.get(key);
    return bucket !== undefined && bucket.available < 1;
  }

  /** Records one failed attempt by `key`. */
  failed(key: string): void {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.perMinute, this.perMinute / 60, this.now);
      this.buckets.set(key, bucket);
    }
    bucket.take(1);
    // Amortised cleanup: an attacker cycling addresses cannot grow the map without bound.
    if (++this.sweeps >= 1024) this.sweep();
  }

  get trackedKeys(): number {
    return this.buckets.size;
  }

  private sweep(): void {
    this.sweeps = 0;
    for (const [key, bucket] of this.buckets) if (bucket.available >= this.perMinute) this.buckets.delete(key);
  }
}

/**
 * Yjs structs per client address: decoding costs per struct (a few µs each), and one address may
 * hold up to MAX_CONNECTIONS_PER_IP connections, so the budget is the address's, not a socket's.
 * A full bucket takes one maximal update; a venue of 300 typing people sends a few thousand a second.
 */
export const STRUCTS_PER_SECOND = 20_000;

export class StructBudget {
  private readonly buckets = new Map<string, TokenBucket>();
  private takes = 0;

  constructor(
    private readonly burst: number,
    private readonly perSecond = STRUCTS_PER_SECOND,
    private readonly now: Clock = Date.now,
  ) {}

  /** Charges `structs` to `address`; false (and nothing charged) when its bucket cannot pay. */
  take(address: string, structs: number): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) this.buckets.set(address, (bucket = new TokenBucket(this.burst, this.perSecond, this.now)));
    // Amortised cleanup, as in FailureLimiter: full buckets are forgotten.
    if (++this.takes >= 1024) {
      this.takes = 0;
      for (const [key, b] of this.buckets) if (b !== bucket && b.available >= this.burst) this.buckets.delete(key);
    }
    return bucket.take(structs);
  }
}

/** Counts open connections per key and refuses one past `max`. */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts a new connection of `key`; false (and not counted) when `key` is at the limit. */
  acquire(key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.max) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  release(key: string): void {
    const count = (this.counts.get(key) ?? 0) - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/**
 * The address a request came from. With `trustProxy` = n > 0 the server sits behind n reverse
 * proxies, each appending the address it saw to X-Forwarded-For: the n-th entry from the right
 * is the client as our outermost trusted proxy saw it. Entries further left are whatever the
 * client claimed, so they are never used. With 0 the header is ignored entirely.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const direct = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return direct;
  const header = req.headers['x-forwarded-for'];
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const hops = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return hops[hops.length - trustProxy] ?? hops[0] ?? direct;
}

/**
 * Whether an upgrade's Origin may connect. An empty allow-list allows every origin; a missing
 * Origin header (Node scripts, native apps: not a browser, so no cross-site risk) is allowed.
 */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0 || origin === undefined) return true;
  return allowed.includes(normalizeOrigin(origin));
}

/** Origins compare case-insensitively and without a trailing slash. */
export const normalizeOrigin = (origin: string): string => origin.trim().replace(/\/+$/, '').toLowerCase();

/** Decides, for the HTTP endpoints that take a token, whether a caller may try one. */
export interface AuthGuard {
  /** Throws HttpError 429 when the request's address used up its failed attempts. */
  check(req: IncomingMessage): void;
  /** Records a failed token attempt (401) by the request's address. */
  failed(req: IncomingMessage): void;
}

/** The HTTP side of the failed-attempt limiter: 429 while an address is blocked. */
export function httpAuthGuard(
  limiter: FailureLimiter,
  options: { readonly trustProxy: number; readonly metrics: Metrics; readonly logger: Logger },
): AuthGuard {
  return {
    check(req) {
      if (!limiter.blocked(clientAddress(req, options.trustProxy))) return;
      options.metrics.rejected('auth-rate-limited');
      throw new HttpError(429, 'too many failed attempts; try again in a minute');
    },
    failed(req) {
      const address = clientAddress(req, options.trustProxy);
      limiter.failed(address);
      if (limiter.blocked(address)) options.logger.warn('too many failed token attempts', { address });
    },
  };
}

/** A refusal by a limit: which close code to send and which metric to count. */
export class LimitRefusal extends Error {
  override readonly name = 'LimitRefusal';

  constructor(
    readonly closeCode: number,
    readonly reason: string,
    readonly metric: RejectReason,
  ) {
    super(reason);
  }
}

// An exact measure of a big room costs a pass over its whole state (a Y.Doc for a moment): at most
// this often per room, so writes refused at the limit cannot make the server re-measure at will.
export const REMEASURE_MS = 5_000;

/**
 * An upper estimate of a doc's encoded state: the bytes of every update it emitted (the load's
 * one transaction included). Yjs state is never much smaller than its updates (deletions keep
 * tombstones), so the estimate is re-measured exactly, garbage collected, only when it would
 * cross the limit, and then at most every REMEASURE_MS, and only if the doc changed.
 */
export class DocSize {
  private estimate = 0;
  private changed = true;
  private measuredAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly doc: DocState,
    private readonly maxBytes: number,
    private readonly now: Clock = Date.now,
  ) {
    doc.onUpdate((update: Uint8Array) => {
      this.estimate += update.byteLength;
      this.changed = true;
    });
  }

  /** Whether `incoming` more bytes would grow the state past the limit. */
  wouldExceed(incoming: number): boolean {
    if (this.estimate + incoming <= this.maxBytes) return false;
    const now = this.now();
    if (this.changed && now - this.measuredAt >= REMEASURE_MS) {
      this.estimate = this.doc.collectedByteLength();
      this.changed = false;
      this.measuredAt = now;
    }
    return this.estimate + incoming > this.maxBytes;
  }
}

