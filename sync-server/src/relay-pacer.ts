/**
 * Relays a room's stored batches at a bounded cadence once the room is a plenary.
 *
 * A batch is stored per commit, and a busy plenary commits a hundred or more a second; relaying
 * each to every member made the server's socket writes (one syscall per member per batch) its
 * largest cost, and their queueing its latency tail. Paced, a room of hundreds relays at most
 * once per interval, whatever was stored meanwhile merged into one message per member
 * (relay-batch.ts). A small room is never paced: its batches are rare and leave at once.
 */
export class RelayPacer<T> {
  private pending: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly relay: (batch: T[]) => void,
    /** The interval for the room as it is now (0: relay at once). */
    private readonly intervalMs: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(batch: readonly T[]): void {
    this.pending.push(...batch);
    if (this.timer) return;
    const wait = this.last + this.intervalMs() - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(this.flush, wait);
  }

  /** Sends whatever waits now: before any later message of the room, so the order holds. */
  readonly flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.last = this.now();
    this.relay(batch);
  };

  /** Drops what waits (the room failed: its members are gone). */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
