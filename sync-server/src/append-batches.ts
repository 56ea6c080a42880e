import type { SerialQueue } from './serial-queue';

type Batch<T, R> = { readonly items: T[]; bytes: number; stored: Promise<R> | null };

// Batches of one room in storage at once: while one waits for its fsync the next commits and
// starts its own (storage/sqlite-group-commit.ts); what arrives while two are out waits as one.
const BATCHES_IN_STORAGE = 2;

/**
 * Local updates waiting to be stored, stored in batches, each handed on (relayed) through the
 * room's outbox once stored.
 *
 * Storing one update per outbox turn made a busy room wait one storage round trip (and one
 * fsync) per update, and storing one batch at a time made an update that arrived during a commit
 * wait for that commit's fsync and then for its own. Instead, an update joins the newest batch
 * not yet handed to storage, or opens a new one; a batch is handed to storage at once while fewer
 * than BATCHES_IN_STORAGE of the room's are there, else when one of them is stored. Its outbox
 * task, queued when the batch opened, waits for it to be stored and then hands it on: every update
 * is in a task queued before anything queued after it arrived (a sync reply that may contain it),
 * so persist-before-relay holds and relays keep the order of arrival whatever order storage
 * finishes in. The caps (a count and bytes) keep one transaction, and the log a crash can leave
 * beyond the compaction threshold, bounded.
 *
 * They must not be what sets a room's throughput: a plenary's 40 people dragging send 1,200
 * updates a second; a cap of 16 needed every commit within 13 ms, and one slow fsync or WAL
 * checkpoint left a backlog that took many commits to drain (its p99 drag latency was 268 ms).
 */
export class AppendBatches<T, R = void> {
  /** The batch not handed to storage yet that still takes updates. */
  private open: Batch<T, R> | null = null;
  /** Batches not handed to storage yet, oldest first. */
  private readonly waiting: Batch<T, R>[] = [];
  private inStorage = 0;
  private startQueued = false;

  constructor(
    private readonly outbox: SerialQueue,
    readonly maxBatch: number,
    private readonly store: (batch: T[]) => Promise<R>,
    /** Runs in the outbox, in order, once the batch is stored. */
    private readonly handOn: (batch: T[], stored: R) => Promise<void> | void = () => {},
    /** Bytes a batch holds at most (one larger item still goes alone), and how an item's are counted. */
    private readonly maxBytes = Number.POSITIVE_INFINITY,
    private readonly sizeOf: (item: T) => number = () => 0,
  ) {}

  add(item: T): void {
    const bytes = this.sizeOf(item);
    const open = this.open;
    if (open && open.items.length < this.maxBatch && open.bytes + bytes <= this.maxBytes) {
      open.items.push(item);
      open.bytes += bytes;
      return;
    }
    const batch: Batch<T, R> = { items: [item], bytes, stored: null };
    this.open = batch;
    this.waiting.push(batch);
    this.outbox.push(async () => this.handOn(batch.items, await this.storing(batch)));
    if (this.startQueued || this.inStorage >= BATCHES_IN_STORAGE) return;
    this.startQueued = true;
    // After this synchronous run: the frames of one socket read arrive together and go together.
    queueMicrotask(this.startWaiting);
  }

  private readonly startWaiting = (): void => {
    this.startQueued = false;
    while (this.inStorage < BATCHES_IN_STORAGE && this.waiting.length > 0) this.begin(this.waiting[0]!);
  };

  /** The batch's store; begun now if it still waits (its turn in the outbox came first). */
  private storing(batch: Batch<T, R>): Promise<R> {
    return batch.stored ?? this.begin(batch);
  }

  private begin(batch: Batch<T, R>): Promise<R> {
    const at = this.waiting.indexOf(batch);
    if (at >= 0) this.waiting.splice(at, 1);
    if (this.open === batch) this.open = null;
    this.inStorage++;
    const stored = this.store(batch.items);
    batch.stored = stored;
    // Also the rejection's handler until the outbox task awaits it (it reports the failure).
    const done = (): void => {
      this.inStorage--;
      this.startWaiting();
    };
    stored.then(done, done);
    return stored;
  }
}
