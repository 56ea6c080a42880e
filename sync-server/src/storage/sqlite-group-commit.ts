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

/**
 * The writes of a SqliteStorage, committed on the main thread in groups, durable before they settle.
 *
 * The connection runs with synchronous=NORMAL, so a commit only hands its WAL frames to the OS (a
 * few microseconds for a batch of updates). With `durable`, the WAL file is then fdatasync'ed on
 * libuv's thread pool, and only when that completes do the group's promises settle: a write is
 * acknowledged (and so relayed, PROTOCOL.md guarantee 2) only once it would survive power loss,
 * as with synchronous=FULL. Whatever is asked for while an fsync is in flight waits, and is then
 * committed as the next group, with one fsync for all of it (group commit). Each op runs in its own
 * savepoint: one failing op is rolled back and reported, the others of its group commit.
 *
 * This replaces a writer thread (a second V8 isolate, ~10 MB, and a structured clone each way per
 * write); its cost is that a commit, and SQLite's automatic checkpoint inside one, run on the
 * event loop (measured in bench/analysis.md, section a).
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  private syncing = false;
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
      if (!this.scheduled && !this.syncing && this.queue.length === 0) {
        this.idle = new Promise((done) => (this.markIdle = done));
      }
      this.queue.push({ op, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled && !this.syncing) {
        this.scheduled = true;
        // After the I/O callbacks already due: writes handled in this turn join the same group.
        setImmediate(() => this.commitQueued());
      }
    });
  }

  /** Commits (and syncs) what was queued, then refuses further writes. */
  async close(): Promise<void> {
    await this.idle;
    this.failure ??= new Error('the SQLite storage was closed');
    this.wal.close();
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
    if (group.length === 0) return this.markIdle();
    if (!this.db.open) return this.settleAll(group, new Error('the SQLite storage was closed'));
    let outcomes: Outcome[];
    try {
      outcomes = this.runGroup(group);
    } catch (err) {
      // The commit itself failed (disk full, I/O error): nothing of this group is stored.
      return this.settleAll(group, asError(err));
    }
    if (!this.options.durable) return this.settle(group, outcomes);
    this.syncing = true;
    this.wal.sync().then(
      () => this.synced(group, outcomes),
      (err: unknown) => this.syncFailed(group, asError(err)),
    );
  }

  private synced(group: readonly Queued[], outcomes: readonly Outcome[]): void {
    this.syncing = false;
    this.settle(group, outcomes);
  }

  /**
   * The group is committed but may not be on disk. Once an fsync has failed, Linux may have
   * dropped the dirty pages and report the next fsync as a success: refuse every later write.
   */
  private syncFailed(group: readonly Queued[], error: Error): void {
    this.syncing = false;
    this.failure = new Error(`the SQLite WAL could not be synced: ${error.message}`);
    this.settleAll(group, this.failure);
  }

  private settle(group: readonly Queued[], outcomes: readonly Outcome[]): void {
    group.forEach((q, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) q.resolve(outcome.value);
      else q.reject(outcome.error);
    });
    this.afterGroup();
  }

  private settleAll(group: readonly Queued[], error: Error): void {
    for (const q of group) q.reject(error);
    this.afterGroup();
  }

  /** What arrived during the commit's fsync is the next group, committed now. */
  private afterGroup(): void {
    if (this.queue.length === 0) return this.markIdle();
    if (this.failure) return this.settleAll(this.queue.splice(0), this.failure);
    this.commitQueued();
  }
}
