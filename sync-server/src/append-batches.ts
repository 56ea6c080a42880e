import type { SerialQueue } from './serial-queue';

/**
 * Local updates waiting to be stored, handed to the room's outbox in batches.
 *
 * Storing one update per outbox turn made a busy room wait one storage round trip (and one
 * fsync) per update. A batch is everything that arrived while the previous one was stored: its
 * appends go out together (SQLite commits them in one transaction, sqlite-writer.mjs) and the
 * outbox still relays each update only after it is stored, in order. The cap keeps a batch's
 * delay, and the log a crash can leave beyond the compaction threshold, bounded.
 */
export class AppendBatches<T> {
  private waiting: T[] = [];

  constructor(
    private readonly outbox: SerialQueue,
    readonly maxBatch: number,
    private readonly store: (batch: T[]) => Promise<void>,
  ) {}

  add(item: T): void {
    this.waiting.push(item);
    // One outbox task per batch: the first arrival queues it, later ones join it until it runs.
    if (this.waiting.length === 1) this.outbox.push(() => this.next());
  }

  private next(): Promise<void> {
    const batch = this.waiting.splice(0, this.maxBatch);
    if (this.waiting.length) this.outbox.push(() => this.next());
    return this.store(batch);
  }
}
