import type { SerialQueue } from './serial-queue';

/**
 * Local updates waiting to be stored, handed to the room's outbox in batches.
 *
 * Storing one update per outbox turn made a busy room wait one storage round trip (and one
 * fsync) per update. Instead, an update joins the newest batch whose outbox task has not started
 * yet, or opens a new one: its appends go out together (SQLite commits them in one transaction,
 * sqlite-writer.mjs), and the outbox still relays each batch only after it is stored. Every
 * update is in a task queued before anything queued after it arrived (a sync reply that may
 * contain it), so persist-before-relay holds. The cap keeps a batch's delay, and the log a crash
 * can leave beyond the compaction threshold, bounded.
 */
export class AppendBatches<T> {
  /** The batch whose task is queued but not running yet: updates may still join it. */
  private open: T[] | null = null;

  constructor(
    private readonly outbox: SerialQueue,
    readonly maxBatch: number,
    private readonly store: (batch: T[]) => Promise<void>,
  ) {}

  add(item: T): void {
    if (this.open && this.open.length < this.maxBatch) {
      this.open.push(item);
      return;
    }
    const batch = [item];
    this.open = batch;
    this.outbox.push(() => {
      // Running: from now on, arrivals open the next batch.
      if (this.open === batch) this.open = null;
      return this.store(batch);
    });
  }
}
