import type { Database as SqliteDatabase } from 'better-sqlite3';
import { prepareWriteOps, type WriteOp } from './sqlite-write-ops';
import { WalFile, type SyncFile } from './sqlite-wal-sync';

type Queued = { op: WriteOp; resolve: (value: unknown) => void; reject: (error: Error) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

export interface GroupCommitOptions {
  /** The database's `-wal` file: synced after each group when `durable`. */
  readonly walPath: string;
  /** true (synchronous=FULL): a write settles only after the WAL's fsync; false: after the commit. */
  readonly durable: boolean;
  /** Tests hold the sync with this; by default fdatasync on libuv's thread pool. */
  readonly syncFile?: SyncFile;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

type Committed = { readonly group: readonly Queued[]; readonly outcomes: readonly Outcome[]; synced: boolean };

// A commit made while an fsync runs starts its own at once instead of waiting for that one to end
// (the wait was most of a busy server's p99); two cover that, and more would only queue on the
// disk while holding libuv's four pool threads, which DNS and file reads share.
const MAX_SYNCS_IN_FLIGHT = 2;

/**
 * The writes of a SqliteStorage, committed on the main thread in groups, durable before they settle.
 *
 * The connection runs with synchronous=NORMAL, so a commit only hands its WAL frames to the OS (a
 * few microseconds for a batch of updates). With `durable`, the WAL file is then fdatasync'ed on
 * libuv's thread pool, and only when that completes do the group's promises settle: a write is
 * acknowledged (and so relayed, PROTOCOL.md guarantee 2) only once it would survive power loss,
 * as with synchronous=FULL. What is asked for in one turn of the event loop is one group, one
 * transaction and one fsync (group commit). A group committed while an earlier group's fsync is
 * in flight starts its own fsync at once (up to MAX_SYNCS_IN_FLIGHT; beyond, it waits for one to
 * end). Groups settle strictly in commit order, each once its own fsync and every earlier one have
 * succeeded: a later fsync's success is not trusted to cover an earlier one that may still fail.
 * Each op runs in its own savepoint: one failing op is rolled back and reported, the others of its
 * group commit.
 *
 * This replaces a writer thread (a second V8 isolate, ~10 MB, and a structured clone each way per
 * write); its cost is that a commit, and SQLite's automatic checkpoint inside one, run on the
 * event loop (measured in bench/analysis.md, section a).
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  /** Committed groups whose fsync has not settled them yet, oldest first. */
  private readonly unsettled: Committed[] = [];
  private syncsInFlight = 0;
  private failure: Error | null = null;
  private readonly runOp: (op: WriteOp) => unknown;
  private readonly runGroup: (ops: readonly Queued[]) => Outcome[];
  private readonly wal: WalFile;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};

  constructor(
    private readonly db: SqliteDatabase,
    private readonly options: GroupCommitOptions,
  ) {
    this.runOp = prepareWriteOps(db);
    this.wal = new WalFile(options.walPath, options.syncFile);
    this.runGroup = db.transaction((ops: readonly Queued[]) => ops.map((q) => this.runOne(q.op)));
  }

  /** Queues one write; settles once its group is committed (and synced, when durable). */
  run<T>(op: WriteOp): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      if (this.isIdle()) this.idle = new Promise((done) => (this.markIdle = done));
      this.queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
      if (this.scheduled || this.syncsInFlight >= MAX_SYNCS_IN_FLIGHT) return;
      this.scheduled = true;
      // After the I/O callbacks already due: writes handled in this turn join the same group.
      setImmediate(() => this.commitQueued());
    });
  }

  /** Commits (and syncs) what was queued, then refuses further writes. */
  async close(): Promise<void> {
    await this.idle;
    this.failure ??= new Error('the SQLite storage was closed');
    this.wal.close();
  }

  private isIdle(): boolean {
    return !this.scheduled && this.queue.length === 0 && this.syncsInFlight === 0 && this.unsettled.length === 0;
  }

  private runOne(op: WriteOp): Outcome {
    try {
      return { ok: true, value: this.runOp(op) };
    } catch (err) {
      return { ok: false, error: asError(err) };
    }
  }

  private commitQueued(): void {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return this.afterGroup();
    if (!this.db.open) return this.settleAll(group, new Error('the SQLite storage was closed'));
    let outcomes: Outcome[];
    try {
      outcomes = this.runGroup(group);
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nothing of this group is stored.
      return this.settleAll(group, asError(err));
    }
    if (!this.options.durable) return this.settle(group, outcomes);
    const committed: Committed = { group, outcomes, synced: false };
    this.unsettled.push(committed);
    this.syncsInFlight++;
    this.wal.sync().then(
      () => this.synced(committed),
      (err: unknown) => this.syncFailed(asError(err)),
    );
  }

  private synced(committed: Committed): void {
    this.syncsInFlight--;
    committed.synced = true;
    while (this.unsettled[0]?.synced) {
      const { group, outcomes } = this.unsettled.shift()!;
      this.settleEach(group, outcomes);
    }
    this.afterGroup();
  }

  /**
   * Whatever is committed may not be on disk. Once an fsync has failed, Linux may have dropped the
   * dirty pages and report the next fsync as a success: refuse every unsettled and later write.
   */
  private syncFailed(error: Error): void {
    this.syncsInFlight--;
    this.failure ??= new Error(`the SQLite WAL could not be synced: ${error.message}`);
    for (const { group } of this.unsettled.splice(0)) this.rejectEach(group, this.failure);
    this.afterGroup();
  }

  private settle(group: readonly Queued[], outcomes: readonly Outcome[]): void {
    this.settleEach(group, outcomes);
    this.afterGroup();
  }

  private settleAll(group: readonly Queued[], error: Error): void {
    this.rejectEach(group, error);
    this.afterGroup();
  }

  private settleEach(group: readonly Queued[], outcomes: readonly Outcome[]): void {
    group.forEach((q, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) q.resolve(outcome.value);
      else q.reject(outcome.error);
    });
  }

  private rejectEach(group: readonly Queued[], error: Error): void {
    for (const q of group) q.reject(error);
  }

  /** What waited for a free fsync is the next group, committed now; or the storage is idle. */
  private afterGroup(): void {
    if (this.failure && this.queue.length > 0) this.rejectEach(this.queue.splice(0), this.failure);
    if (this.queue.length > 0 && !this.scheduled && this.syncsInFlight < MAX_SYNCS_IN_FLIGHT) return this.commitQueued();
    if (this.isIdle()) this.markIdle();
  }
}
