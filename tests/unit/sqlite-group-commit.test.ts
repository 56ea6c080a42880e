import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fstatSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../sync-server/src/storage/sqlite';
import { WalFile, fdatasyncOnPool } from '../../sync-server/src/storage/sqlite-wal-sync';

/** A sync the test releases (or fails) by hand, recording the fd each call was given. */
function heldSync() {
  const calls: { fd: number; release: () => void; fail: (err: Error) => void }[] = [];
  const syncFile = (fd: number) =>
    new Promise<void>((resolve, reject) => calls.push({ fd, release: resolve, fail: reject }));
  return { calls, syncFile };
}

/** A durable SqliteStorage whose fsyncs the test holds; closed after `body`, every held sync released. */
async function withHeldSyncs(dataDir: string, body: (held: { sync: ReturnType<typeof heldSync>; storage: SqliteStorage }) => Promise<void>): Promise<void> {
  const sync = heldSync();
  const storage = new SqliteStorage({ dataDir, synchronous: 'FULL', syncFile: sync.syncFile });
  try {
    await body({ sync, storage });
  } finally {
    const closed = storage.close();
    for (const call of sync.calls) call.release();
    await closed;
  }
}

/** Resolves after the event loop has gone round `turns` times (I/O, immediates, microtasks). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Settled-state probe: which of these promises have resolved so far. */
function track<T>(promise: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined };
  void promise.then((value) => Object.assign(state, { settled: true, value }));
  return state;
}

const bytes = (...b: number[]) => new Uint8Array(b);

describe('sqlite group commit on the main thread', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wcb-group-commit-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("does not acknowledge an append before the WAL's fsync has completed, and syncs the WAL file", async () => {
    await withHeldSyncs(dataDir, async ({ sync, storage }) => {
      const first = track(storage.append('r/control', bytes(1)));
      await expect.poll(() => sync.calls.length).toBe(1);
      await turns(20);
      expect(first.settled).toBe(false);
      // The fd synced is the database's WAL, the file SQLite wrote the commit's frames to.
      const wal = statSync(join(dataDir, 'board.sqlite-wal'));
      const synced = fstatSync(sync.calls[0]!.fd);
      expect([synced.dev, synced.ino]).toEqual([wal.dev, wal.ino]);
      sync.calls[0]!.release();
      await expect.poll(() => first.settled).toBe(true);
      expect(first.value).toBeGreaterThan(0);
    });
  });

  it('commits what arrives during a held fsync at once, as one group with its own fsync, settled after both', async () => {
    await withHeldSyncs(dataDir, async ({ sync, storage }) => {
      const first = track(storage.append('r/control', bytes(1)));
      await expect.poll(() => sync.calls.length).toBe(1);
      const waiting = [
        track(storage.append('r/control', bytes(2))),
        track(storage.appendBatch('r/control', [bytes(3), bytes(4)])),
        track(storage.createSession({ id: 'S1234567', createdAt: 1, template: null, language: null, tokenHashes: null }, [])),
      ];
      // One failing op in the group is rolled back and reported; the others still commit.
      const failing = storage.compact('r/control', null as unknown as Uint8Array, 1);
      failing.catch(() => {});
      // The second group does not wait for the first fsync: committed, and its own fsync started.
      await expect.poll(() => sync.calls.length).toBe(2);
      expect(await storage.load('r/control')).toEqual([bytes(1), bytes(2), bytes(3), bytes(4)]);
      // Its fsync ends first: nothing settles while the earlier group's fsync may still fail.
      sync.calls[1]!.release();
      await turns(20);
      expect([first.settled, ...waiting.map((w) => w.settled)]).toEqual([false, false, false, false]);
      sync.calls[0]!.release();
      await expect.poll(() => waiting.every((w) => w.settled)).toBe(true);
      expect(first.settled).toBe(true);
      await expect(failing).rejects.toThrow();
      expect(waiting.map((w) => w.value)).toEqual([first.value! + 1, [first.value! + 2, first.value! + 3], true]);
      expect(sync.calls).toHaveLength(2);
    });
  });

  it('holds what arrives while two fsyncs run, and commits it as one group when one of them ends', async () => {
    await withHeldSyncs(dataDir, async ({ sync, storage }) => {
      const first = track(storage.append('r/control', bytes(1)));
      await expect.poll(() => sync.calls.length).toBe(1);
      const second = track(storage.append('r/control', bytes(2)));
      await expect.poll(() => sync.calls.length).toBe(2);
      const later = [track(storage.append('r/control', bytes(3))), track(storage.append('r/control', bytes(4)))];
      await turns(20);
      expect(await storage.load('r/control')).toEqual([bytes(1), bytes(2)]);
      expect(sync.calls).toHaveLength(2);
      sync.calls[0]!.release();
      await expect.poll(() => first.settled).toBe(true);
      await expect.poll(() => sync.calls.length).toBe(3);
      expect(await storage.load('r/control')).toEqual([bytes(1), bytes(2), bytes(3), bytes(4)]);
      sync.calls[2]!.release();
      await turns(20);
      expect([second.settled, ...later.map((l) => l.settled)]).toEqual([false, false, false]);
      sync.calls[1]!.release();
      await expect.poll(() => later.every((l) => l.settled)).toBe(true);
      expect(sync.calls).toHaveLength(3);
    });
  });

  it('refuses a group whose own fsync succeeded when an earlier group still in flight fails its fsync', async () => {
    await withHeldSyncs(dataDir, async ({ sync, storage }) => {
      const first = storage.append('r/control', bytes(1));
      await expect.poll(() => sync.calls.length).toBe(1);
      const second = storage.append('r/control', bytes(2));
      await expect.poll(() => sync.calls.length).toBe(2);
      sync.calls[1]!.release();
      await turns(5);
      sync.calls[0]!.fail(new Error('EIO'));
      await expect(first).rejects.toThrow(/could not be synced: EIO/);
      await expect(second).rejects.toThrow(/could not be synced: EIO/);
      await expect(storage.append('r/control', bytes(3))).rejects.toThrow(/could not be synced/);
    });
  });

  it('refuses the group and every later write once an fsync has failed', async () => {
    await withHeldSyncs(dataDir, async ({ sync, storage }) => {
      const first = storage.append('r/control', bytes(1));
      await expect.poll(() => sync.calls.length).toBe(1);
      sync.calls[0]!.fail(new Error('EIO'));
      await expect(first).rejects.toThrow(/could not be synced: EIO/);
      await expect(storage.append('r/control', bytes(2))).rejects.toThrow(/could not be synced/);
    });
  });

  it('never syncs with synchronous=NORMAL (crash-safe, not power-loss-safe)', async () => {
    const sync = heldSync();
    const storage = new SqliteStorage({ dataDir, synchronous: 'NORMAL', syncFile: sync.syncFile });
    try {
      await storage.append('r/control', bytes(1));
      await storage.compact('r/control', bytes(9), 1);
      expect(sync.calls).toHaveLength(0);
    } finally {
      await storage.close();
    }
  });

  it('keeps syncing the same WAL inode across a checkpoint that truncates it and the restart after it', async () => {
    const seen: number[] = [];
    const syncFile = (fd: number) => {
      seen.push(fstatSync(fd).ino);
      return fdatasyncOnPool(fd);
    };
    const storage = new SqliteStorage({ dataDir, synchronous: 'FULL', syncFile });
    const other = new Database(join(dataDir, 'board.sqlite'));
    try {
      await storage.append('r/control', bytes(1));
      // Another connection (a backup tool) checkpoints and truncates the WAL to 0 bytes: the next
      // commit restarts it from its header, in the same file.
      other.pragma('wal_checkpoint(TRUNCATE)');
      expect(statSync(join(dataDir, 'board.sqlite-wal')).size).toBe(0);
      await storage.append('r/control', bytes(2));
      other.close();
      await storage.append('r/control', bytes(3));
      expect(seen).toHaveLength(3);
      expect(new Set(seen)).toEqual(new Set([statSync(join(dataDir, 'board.sqlite-wal')).ino]));
      expect(await storage.load('r/control')).toEqual([bytes(1), bytes(2), bytes(3)]);
    } finally {
      if (other.open) other.close();
      await storage.close();
    }
  });

  it('rejects a sync when the WAL file is missing instead of throwing out of the commit', async () => {
    const wal = new WalFile(join(dataDir, 'missing-wal'), async () => {});
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
  });

  it('reopens the WAL path when it names another file than the fd it holds', async () => {
    const path = join(dataDir, 'x-wal');
    await writeFile(path, 'a');
    const inodes: number[] = [];
    const wal = new WalFile(path, async (fd) => void inodes.push(fstatSync(fd).ino));
    try {
      await wal.sync();
      await wal.sync();
      await writeFile(`${path}.new`, 'b');
      await rename(`${path}.new`, path);
      await wal.sync();
      expect(inodes[0]).toBe(inodes[1]);
      expect(inodes[2]).toBe(statSync(path).ino);
      expect(inodes[2]).not.toBe(inodes[0]);
    } finally {
      wal.close();
    }
  });

  it('keeps an fd open while a sync runs on it, after the path came to name another file', async () => {
    const path = join(dataDir, 'x-wal');
    await writeFile(path, 'a');
    const sync = heldSync();
    const wal = new WalFile(path, sync.syncFile);
    const inoOf = (fd: number): number | null => {
      try {
        return fstatSync(fd).ino;
      } catch {
        return null;
      }
    };
    try {
      const running = wal.sync();
      await expect.poll(() => sync.calls.length).toBe(1);
      const old = sync.calls[0]!.fd;
      const oldIno = fstatSync(old).ino;
      await writeFile(`${path}.new`, 'b');
      await rename(`${path}.new`, path);
      const next = wal.sync();
      await expect.poll(() => sync.calls.length).toBe(2);
      expect(sync.calls[1]!.fd).not.toBe(old);
      // The replaced file's fd is retired but still names it: the running fdatasync is on it.
      expect(inoOf(old)).toBe(oldIno);
      sync.calls[0]!.release();
      await running;
      expect(inoOf(old)).not.toBe(oldIno);
      sync.calls[1]!.release();
      await next;
    } finally {
      wal.close();
    }
  });
});
