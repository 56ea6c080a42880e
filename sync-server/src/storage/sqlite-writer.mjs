// @ts-check
/**
 * SQLite's one writer, on a worker thread (storage/sqlite.ts starts it when `writer` is 'thread').
 *
 * Why a thread: with synchronous=FULL every commit waits for an fsync. On a slow disk (a laptop
 * disk, network storage: tens of ms) that wait on the main thread blocks every socket of every
 * room. Here the wait happens beside the event loop, and it groups commits for free: what arrives
 * while one transaction syncs is committed by the next one, all in one fsync (sqlite-write-group.mjs).
 *
 * Plain JavaScript on purpose: a worker starts a fresh module graph, and neither tsx's loader nor
 * vitest's transform is guaranteed there.
 *
 * Messages in:  { id, op: 'append' | 'compact' | 'createSession' | 'setTokenHash', ...args } or { op: 'close' }
 * Messages out: an array of { id, ok: true, value } | { id, ok: false, message }, one per op, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { groupWriter } from './sqlite-write-group.mjs';

/** @type {{ file: string; synchronous: 'FULL' | 'NORMAL'; busyTimeoutMs: number }} */
const options = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = new Database(options.file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${options.synchronous}`);
db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);

const writer = groupWriter(db, (results) => port.postMessage(results));

port.on('message', (op) => {
  if (op.op === 'close') {
    writer.flush();
    db.close();
    port.close();
    return;
  }
  writer.submit(op);
});
