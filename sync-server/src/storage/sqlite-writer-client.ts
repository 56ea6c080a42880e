import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { groupWriter, type GroupWriter, type WriteResult as Result } from './sqlite-write-group.mjs';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export type WriterOptions = { file: string; synchronous: 'FULL' | 'NORMAL'; busyTimeoutMs: number };

/** Where SQLite's writes run: the writer thread or this one (config `sqliteWriter`). */
export interface Writer {
  /** Sends one write; settles once it is committed (or failed). */
  run<T>(op: Record<string, unknown> & { op: string }): Promise<T>;
  /** Commits what was sent, then stops. */
  close(): Promise<void>;
}

/** Settles each op's promise from the writer's results. */
class Settlements {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  get size(): number {
    return this.pending.size;
  }

  open<T>(send: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      send(id);
    });
  }

  settle(results: readonly Result[]): void {
    for (const r of results) {
      const p = this.pending.get(r.id);
      if (!p) continue;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.message));
    }
  }

  failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/**
 * Writes on the main thread, on the read connection, grouped per event-loop turn. On a disk whose
 * fsync takes a fraction of a millisecond (an SSD or NVMe server), two thread hops per commit cost
 * more latency than the fsync blocks the loop; on a slow disk the writer thread is the better choice.
 */
export class InlineWriter implements Writer {
  private readonly settlements = new Settlements();
  private readonly group: GroupWriter;

  constructor(db: Database) {
    this.group = groupWriter(db, (results) => this.settlements.settle(results));
  }

  run<T>(op: Record<string, unknown> & { op: string }): Promise<T> {
    return this.settlements.open<T>((id) => this.group.submit({ ...op, id }));
  }

  async close(): Promise<void> {
    this.group.flush();
  }
}

const WORKER_URL = new URL('./sqlite-writer.mjs', import.meta.url);

/**
 * The main thread's handle on sqlite-writer.mjs: each write is a message, each answer settles its
 * promise. The worker is referenced only while writes are in flight, so a storage nobody closed
 * does not keep a process alive, and one with writes pending does not exit under them.
 */
export class SqliteWriter implements Writer {
  private readonly worker: Worker;
  private readonly settlements = new Settlements();
  private failure: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(options: WriterOptions) {
    this.worker = new Worker(WORKER_URL, { workerData: options });
    this.worker.unref();
    this.worker.on('message', (results: Result[]) => {
      this.settlements.settle(results);
      if (this.settlements.size === 0) this.worker.unref();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.fail(new Error('the SQLite writer has stopped'));
        resolve();
      }),
    );
  }

  run<T>(op: Record<string, unknown> & { op: string }): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return this.settlements.open<T>((id) => {
      if (this.settlements.size === 1) this.worker.ref();
      this.worker.postMessage({ ...op, id });
    });
  }

  /** Commits what was sent, then stops the thread. */
  async close(): Promise<void> {
    if (!this.failure) this.worker.postMessage({ op: 'close' });
    this.worker.ref();
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settlements.failAll(this.failure);
  }
}
