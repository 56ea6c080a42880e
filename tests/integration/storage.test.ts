import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryStorage, SqliteStorage } from '@wcb/sync-server';
import type { Storage } from '@wcb/sync-server';
import { makeTempDir } from './helpers/test-server';
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
