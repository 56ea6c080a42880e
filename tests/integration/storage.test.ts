import { rm } from 'node:fs/promises';
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
