import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';

/** Makes what was written to an open file durable, off the event loop; injectable for tests. */
export type SyncFile = (fd: number) => Promise<void>;

/** fdatasync on libuv's thread pool: the event loop keeps serving sockets while the disk works. */
export const fdatasyncOnPool: SyncFile = (fd) =>
  new Promise((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));

/**
 * The `-wal` file of a WAL-mode database, held open so that it can be fdatasync'ed after a commit
 * made with synchronous=NORMAL (which writes the WAL frames without syncing them).
 *
 * Why syncing this fd is enough, and the same file SQLite writes (bench/analysis.md, section a):
 * - SQLite never deletes or replaces the WAL while a connection is open (the last connection to
 *   close deletes it, and ours is open). A WAL restart after a checkpoint rewrites the same file
 *   from offset 0 (a new header, new salts); journal_size_limit and wal_checkpoint(TRUNCATE) only
 *   truncate it. All keep the inode, so frames written later are in the file this fd names.
 * - Even so, the inode is compared before each sync (fstat of the fd against stat of the path, two
 *   cached syscalls), and the file reopened if it changed: a sync of a stale inode would
 *   acknowledge writes that are not durable.
 * - The file is opened only when first synced, after a commit: before the first write transaction
 *   the WAL may not exist yet, and opening must not create it.
 * - SQLite's POSIX locks are on the database and `-shm` files, never on `-wal`, so opening and
 *   closing our own fd here cannot drop them (closing any fd of a file drops the process's locks
 *   on that file; never open the database or `-shm` this way).
 */
export class WalFile {
  private held: HeldFd | null = null;

  constructor(
    private readonly path: string,
    private readonly syncFile: SyncFile = fdatasyncOnPool,
  ) {}

  /**
   * Resolves once every byte written to the WAL before the call is on stable storage. Async, so
   * that a WAL that cannot be opened (it should exist after a commit) rejects instead of throwing.
   */
  async sync(): Promise<void> {
    const held = this.current();
    held.syncing++;
    try {
      await this.syncFile(held.fd);
    } finally {
      held.syncing--;
      if (held.retired) closeIfDone(held);
    }
  }

  close(): void {
    if (this.held) retire(this.held);
    this.held = null;
  }

  /** Our fd, (re)opened if the path now names another file than the one we hold. */
  private current(): HeldFd {
    const now = statSync(this.path, { throwIfNoEntry: true });
    if (this.held && now.ino === this.held.ino && now.dev === this.held.dev) return this.held;
    this.close();
    // Read-only: fdatasync works on it, and it cannot create a file SQLite does not know.
    const fd = openSync(this.path, 'r');
    const { ino, dev } = fstatSync(fd);
    this.held = { fd, ino, dev, syncing: 0, retired: false, closed: false };
    return this.held;
  }
}

/** An fd of the WAL and the syncs running on it: closed only once none is (fds are reused). */
type HeldFd = { readonly fd: number; readonly ino: number; readonly dev: number; syncing: number; retired: boolean; closed: boolean };

function retire(held: HeldFd): void {
  held.retired = true;
  closeIfDone(held);
}

function closeIfDone(held: HeldFd): void {
  if (held.syncing > 0 || held.closed) return;
  held.closed = true;
  closeSync(held.fd);
}
