import { Worker } from 'node:worker_threads';

type Result = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export type WriterOptions = { file: string; synchronous: 'FULL' | 'NORMAL'; busyTimeoutMs: number };

const WORKER_URL = new URL('./sqlite-writer.mjs', import.meta.url);

/**
 * The main thread's handle on sqlite-writer.mjs: each write is a message, each answer settles its
 * promise. The worker is referenced only while writes are in flight, so a storage nobody closed
 * does not keep a process alive, and one with writes pending does not exit under them.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private readonly exited: Promise<void>;

  constructor(options: WriterOptions) {
    this.worker = new Worker(WORKER_URL, { workerData: options });
    this.worker.unref();
    this.worker.on('message', (results: Result[]) => {
      for (const r of results) {
        const p = this.pending.get(r.id);
        if (!p) continue;
        this.pending.delete(r.id);
        if (r.ok) p.resolve(r.value);
        else p.reject(new Error(r.message));
      }
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.fail(new Error('the SQLite writer has stopped'));
        resolve();
      }),
    );
  }

  /** Sends one write; settles once it is committed (or failed). */
  run<T>(op: Record<string, unknown> & { op: string }): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.size === 1) this.worker.ref();
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
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}
