import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryStorage, PostgresStorage, SqliteStorage } from '@wcb/sync-server';
import type { Storage } from '@wcb/sync-server';
import { makeTempDir } from './helpers/test-server';
import { SERVICE_START_MS, startPostgres, type PostgresService } from './helpers/services';
import { describeNeeding } from '../support/system-deps';
import { runStorageContract } from './storage-contract';

runStorageContract('memory', async () => {
  const storage = new MemoryStorage();
  return { storage, cleanup: () => storage.close() };
}, { durable: false });

runStorageContract('sqlite', async () => {
  const dataDir = await makeTempDir();
  let current: Storage = new SqliteStorage({ dataDir, synchronous: 'FULL' });
  return {
    storage: current,
    reopen: async () => {
      await current.close();
      current = new SqliteStorage({ dataDir, synchronous: 'FULL' });
      return current;
    },
    cleanup: async () => {
      await current.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}, { durable: true });

// PostgreSQL: one real server for the file, a fresh database per test. `npm test` installs the
// binaries first, and with CI set this always runs (and fails loudly without them); elsewhere it
// is skipped with the reason.
describeNeeding(['postgres'], 'postgres storage', () => {
    let postgres: PostgresService;
    // initdb alone takes over 10 s (the default hook timeout) on a busy 2-core machine.
    beforeAll(async () => {
      postgres = await startPostgres();
    }, SERVICE_START_MS);
    afterAll(async () => {
      await postgres?.stop();
    });
    runStorageContract('postgres', async () => {
      const connectionString = await postgres.createDatabase();
      let current: Storage = new PostgresStorage({ connectionString });
      return {
        storage: current,
        reopen: async () => {
          await current.close();
          current = new PostgresStorage({ connectionString });
          return current;
        },
        cleanup: () => current.close(),
      };
    }, { durable: true });

    describe('postgres schema creation', () => {
      it('lets several instances start on one empty database at once', async () => {
        const connectionString = await postgres.createDatabase();
        const instances = Array.from({ length: 4 }, () => new PostgresStorage({ connectionString }));
        try {
          await Promise.all(instances.map((s) => s.ping()));
          const seqs = await Promise.all(instances.map((s, i) => s.append('r/control', Uint8Array.of(i))));
          expect(new Set(seqs).size).toBe(4);
          expect(await instances[0]!.stats('r/control')).toMatchObject({ updates: 4 });
        } finally {
          await Promise.all(instances.map((s) => s.close()));
        }
      });

      it('recovers without a restart when the database was unreachable at startup', async () => {
        const name = `late_${process.pid}`;
        const storage = new PostgresStorage({ connectionString: postgres.urlOf(name) });
        try {
          await expect(storage.ping()).rejects.toThrow(/does not exist/);
          await postgres.createDatabase(name);
          await expect(storage.ping()).resolves.toBeUndefined();
          expect(await storage.append('r/control', Uint8Array.of(1))).toBeGreaterThan(0);
        } finally {
          await storage.close();
        }
      });

      it('never lets an older snapshot replace a newer one (two instances compacting)', async () => {
        const connectionString = await postgres.createDatabase();
        const storage = new PostgresStorage({ connectionString });
        try {
          const first = await storage.append('r/control', Uint8Array.of(1));
          const second = await storage.append('r/control', Uint8Array.of(2));
          await storage.compact('r/control', Uint8Array.of(1, 2), second);
          await storage.compact('r/control', Uint8Array.of(1), first); // the slower instance
          expect(await storage.load('r/control')).toEqual([Uint8Array.of(1, 2)]);
        } finally {
          await storage.close();
        }
      });
    });
});

describe('sqlite schema upgrade', () => {
  it('opens a version 1 file: old sessions read with no token hashes, new ones keep theirs', async () => {
    const dataDir = await makeTempDir();
    try {
      const v1 = new Database(join(dataDir, 'board.sqlite'));
      v1.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, template TEXT, language TEXT);
               INSERT INTO sessions VALUES ('OldSession1', 5, 'blank', 'uk');`);
      v1.pragma('user_version = 1');
      v1.close();

      const storage = new SqliteStorage({ dataDir, synchronous: 'NORMAL' });
      try {
        expect(await storage.getSession('OldSession1')).toEqual({
          id: 'OldSession1',
          createdAt: 5,
          template: 'blank',
          language: 'uk',
          tokenHashes: null,
        });
        const tokenHashes = { facilitator: 'a'.repeat(64), participant: 'b'.repeat(64), viewer: 'c'.repeat(64) };
        await storage.createSession({ id: 'NewSession1', createdAt: 6, template: null, language: null, tokenHashes }, []);
        expect((await storage.getSession('NewSession1'))?.tokenHashes).toEqual(tokenHashes);
      } finally {
        await storage.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
