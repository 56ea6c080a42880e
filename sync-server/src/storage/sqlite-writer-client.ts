import { Worker } from 'node:worker_threads';

type Result = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export type WriterOptions = { file: string; synchronous: 'FULL' | 'NORMAL'; busyTimeoutMs: number };

const WORKER_URL = new URL('./sqlite-writer.mjs', import.meta.url);

// The writer's young generation, in MB. Node gives a worker the main thread's default (semi-spaces
// growing to 16 MB each: 32 MB measured), and a young generation, once grown, stays resident. The
// writer only turns the batches it is sent into transactions, so a small one costs it little and
// keeps its isolate a few MB instead of tens at conference load (bench/analysis.md, section a).
const WRITER_YOUNG_GENERATION_MB = 4;

/**
 * The main thread's handle on sqlite-writer.mjs: each write is a message, each answer settles its
 * promise. The worker is referenced only while writes are in flight, so a storage nobody closed
 * does not keep a process alive, and one with writes pending does not exit under them.
 *
 * The thread starts with the first write, not with the storage: a worker is a whole V8 isolate
 * (about 10 MB resident at idle), and a server that only reads (or nobody uses yet) needs none.
 */
export class SqliteWriter {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly options: WriterOptions) {}

  /** Whether the thread has been started (by a first write). */
  get started(): boolean {
    return this.worker !== null;
  }

  private start(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: this.options, resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB } });
    worker.unref();
    worker.on('message', (results: Result[]) => {
      for (const r of results) {
        const p = this.pending.get(r.id);
        if (!p) continue;
        this.pending.delete(r.id);
        if (r.ok) p.resolve(r.value);
        else p.reject(new Error(r.message));
      }
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (err) => this.fail(err));
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.fail(new Error('the SQLite writer has stopped'));
        resolve();
      }),
    );
    return worker;
  }

  /** Sends one write; settles once it is committed (or failed). */
  run<T>(op: Record<string, unknown> & { op: string }): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = (this.worker ??= this.start());
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ ...op, id });
    });
  }

  /** Commits what was sent, then stops the thread. */
  async close(): Promise<void> {
    const { worker } = this;
    if (!worker) {
      this.failure ??= new Error('the SQLite writer was closed');
      return;
    }
    if (!this.failure) worker.postMessage({ op: 'close' });
    worker.ref();
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }
}
