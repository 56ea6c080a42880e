import type { SerialQueue } from './serial-queue';

/**
 * Local updates waiting to be stored, handed to the room's outbox in batches.
 *
 * Storing one update per outbox turn made a busy room wait one storage round trip (and one
 * fsync) per update. Instead, an update joins the newest batch whose outbox task has not started
 * yet, or opens a new one: its appends go out together (SQLite commits them in one transaction,
 * storage/sqlite-group-commit.ts), and the outbox still relays each batch only after it is stored. Every
 * update is in a task queued before anything queued after it arrived (a sync reply that may
 * contain it), so persist-before-relay holds. The caps (a count and bytes) keep one transaction,
 * and the log a crash can leave beyond the compaction threshold, bounded.
 *
 * They must not be what sets a room's throughput: a room has one batch in storage at a time, so
 * with a cap of n it stores at most n updates per commit. A plenary's 40 people dragging send
 * 1,200 updates a second; a cap of 16 needed every commit within 13 ms, and one slow fsync or WAL
 * checkpoint left a backlog that took many commits to drain (its p99 drag latency was 268 ms).
 */
export class AppendBatches<T> {
  /** The batch whose task is queued but not running yet: updates may still join it. */
  private open: T[] | null = null;
  private openBytes = 0;

  constructor(
    private readonly outbox: SerialQueue,
    readonly maxBatch: number,
    private readonly store: (batch: T[]) => Promise<void>,
    /** Bytes a batch holds at most (one larger item still goes alone), and how an item's are counted. */
    private readonly maxBytes = Number.POSITIVE_INFINITY,
    private readonly sizeOf: (item: T) => number = () => 0,
  ) {}

  add(item: T): void {
    const bytes = this.sizeOf(item);
    if (this.open && this.open.length < this.maxBatch && this.openBytes + bytes <= this.maxBytes) {
      this.open.push(item);
      this.openBytes += bytes;
      return;
    }
    const batch = [item];
    this.open = batch;
    this.openBytes = bytes;
    this.outbox.push(() => {
      // Running: from now on, arrivals open the next batch.
      if (this.open === batch) this.open = null;
      return this.store(batch);
    });
  }
}
