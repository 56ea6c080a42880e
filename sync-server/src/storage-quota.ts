/**
 * Stored bytes against the per-session (MAX_SESSION_BYTES) and whole-server (MAX_STORAGE_BYTES)
 * quotas, for the websocket write path, which must decide synchronously. A session is measured
 * in storage when one of its rooms loads and after a compaction shrank it; every stored update
 * is added as it is appended. The server's total is re-read at most every TOTAL_TTL_MS.
 */
import type { Clock } from './limits';
import type { Storage } from './storage/types';
import type { WriteRefusal } from '@wcb/shared/wire';

// A quota is a disk guard, not an accounting system: a few seconds of lag cost a few writes.
const TOTAL_TTL_MS = 5_000;

export interface QuotaLimits {
  readonly maxSessionBytes: number | null;
  readonly maxStorageBytes: number | null;
}

/** One session's view of the quotas, handed to each of its rooms. */
export interface SessionQuota {
  /** Why `incoming` more bytes cannot be stored now, or null. */
  refusal(incoming: number): WriteRefusal | null;
  /** `bytes` more were stored for this session. */
  grew(bytes: number): void;
  /** Reads the session's stored bytes again (its room loaded, or compaction shrank it). */
  measure(): Promise<void>;
}

export class StorageQuota {
  private readonly sessions = new Map<string, number>();
  private total: number | null = null;
  private totalAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly storage: Pick<Storage, 'sessionBytes' | 'totalBytes'>,
    private readonly limits: QuotaLimits,
    private readonly now: Clock = Date.now,
  ) {}

  forSession(sessionId: string): SessionQuota {
    return {
      refusal: (incoming) => this.refusal(sessionId, incoming),
      grew: (bytes) => {
        if (this.sessions.has(sessionId)) this.sessions.set(sessionId, this.sessions.get(sessionId)! + bytes);
        if (this.total !== null) this.total += bytes;
      },
      measure: async () => {
        if (this.limits.maxSessionBytes !== null) this.sessions.set(sessionId, await this.storage.sessionBytes(sessionId));
        if (this.limits.maxStorageBytes !== null) await this.readTotal();
      },
    };
  }

  /** No room of the session is loaded any more: its figure would only go stale. */
  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  private refusal(sessionId: string, incoming: number): WriteRefusal | null {
    const { maxSessionBytes, maxStorageBytes } = this.limits;
    if (maxSessionBytes !== null && (this.sessions.get(sessionId) ?? 0) + incoming > maxSessionBytes) return 'session-full';
    if (maxStorageBytes === null) return null;
    if (this.now() - this.totalAt >= TOTAL_TTL_MS) void this.readTotal().catch(() => {});
    return this.total !== null && this.total + incoming > maxStorageBytes ? 'server-full' : null;
  }

  private readTotal(): Promise<void> {
    this.reading ??= this.storage
      .totalBytes()
      .then((bytes) => {
        this.total = bytes;
        this.totalAt = this.now();
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }
}
