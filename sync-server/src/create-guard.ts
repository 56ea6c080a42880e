/**
 * What stands between a hostile caller and the store when sessions are created or registered
 * (PROTOCOL.md, "POST /api/sessions"): a per-address rate (429) and two server-wide quotas, the
 * number of sessions and the store's size (507). Links are printed as QR codes, so every caller
 * may be a script.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-util';
import { TokenBucket, clientAddress, type Clock } from './limits';
import type { Metrics } from './metrics';
import type { Storage } from './storage/types';

export interface CreateLimits {
  /** Creations or registrations one address may make at once... */
  readonly sessionCreateBurst: number;
  /** ...and then per hour. */
  readonly sessionCreatesPerHour: number;
  /** Sessions the store may hold; past it new ones are refused (507). */
  readonly maxSessions: number;
  /** Bytes the store may hold before new sessions are refused (507); null: no limit. */
  readonly maxStorageBytes: number | null;
  readonly trustProxy: number;
}

// The store's size changes slowly and measuring it is a query: once per few seconds is plenty.
const TOTAL_BYTES_TTL_MS = 5_000;
// Forget addresses whose bucket is full again every this many requests, so memory follows
// recent callers only and an attacker cycling addresses cannot grow the map without bound.
const SWEEP_EVERY = 1024;

export class CreateGuard {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly perSecond: number;
  private requests = 0;
  private totalBytes: { at: number; value: Promise<number> } | null = null;

  constructor(
    private readonly store: Pick<Storage, 'countSessions' | 'totalBytes'>,
    private readonly limits: CreateLimits,
    private readonly metrics: Metrics,
    private readonly now: Clock = Date.now,
  ) {
    this.perSecond = limits.sessionCreatesPerHour / 3600;
  }

  /** Charges one creation to the request's address; 429 with Retry-After when it has none left. */
  admit(req: IncomingMessage): void {
    const address = clientAddress(req, this.limits.trustProxy);
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(this.limits.sessionCreateBurst, this.perSecond, this.now);
      this.buckets.set(address, bucket);
    }
    if (++this.requests >= SWEEP_EVERY) this.sweep();
    if (bucket.take(1)) return;
    this.metrics.rejected('create-rate-limited');
    const seconds = Math.max(1, Math.ceil((1 - bucket.available) / this.perSecond));
    throw new HttpError(429, `too many sessions created from this address; try again in ${seconds} s`, {
      'Retry-After': String(seconds),
    });
  }

  /** 507 when the store already holds `maxSessions` sessions or more than `maxStorageBytes`. */
  async checkQuota(): Promise<void> {
    const { maxSessions, maxStorageBytes } = this.limits;
    if ((await this.store.countSessions()) >= maxSessions) {
      this.metrics.rejected('sessions-full');
      throw new HttpError(507, `this server holds its maximum of ${maxSessions} sessions; no new session can be stored`);
    }
    if (maxStorageBytes !== null && (await this.storedBytes()) > maxStorageBytes) {
      this.metrics.rejected('storage-full');
      throw new HttpError(507, 'this server\'s storage is full; no new session can be stored');
    }
  }

  private storedBytes(): Promise<number> {
    const now = this.now();
    if (!this.totalBytes || now - this.totalBytes.at > TOTAL_BYTES_TTL_MS) {
      const measured = { at: now, value: this.store.totalBytes() };
      // A failed measurement is not cached: the next request measures again.
      measured.value.catch(() => {
        if (this.totalBytes === measured) this.totalBytes = null;
      });
      this.totalBytes = measured;
    }
    return this.totalBytes.value;
  }

  private sweep(): void {
    this.requests = 0;
    for (const [key, bucket] of this.buckets) if (bucket.available >= this.limits.sessionCreateBurst) this.buckets.delete(key);
  }
}
