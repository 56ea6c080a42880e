/**
 * Which storage and which bus a server runs on, from its configuration: SQLite in dataDir and no
 * bus for a lone instance; PostgreSQL (DATABASE_URL) and Redis pub/sub (REDIS_URL) for several
 * instances behind a load balancer (ARCHITECTURE.md, "Scale-out").
 */
import { randomBytes } from 'node:crypto';
import type { ServerConfig } from './config';
import type { Logger } from './logger';
import { localBus, type RoomBus } from './cluster/bus';
import { RedisRoomBus } from './cluster/redis-bus';
import { PostgresStorage } from './storage/postgres';
import { SqliteStorage } from './storage/sqlite';
import type { Storage } from './storage/types';

/** config.instanceId, or a random one: unique enough among a handful of instances. */
export const instanceIdOf = (config: Pick<ServerConfig, 'instanceId'>): string =>
  config.instanceId || `i-${randomBytes(6).toString('hex')}`;

export function createStorage(config: ServerConfig, logger: Logger): Storage {
  if (config.databaseUrl) return new PostgresStorage({ connectionString: config.databaseUrl, logger });
  return new SqliteStorage({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
}

export function createBus(config: ServerConfig, instanceId: string, logger: Logger): RoomBus {
  if (!config.redisUrl) return localBus(instanceId);
  // Without a shared database, other instances could not load what this one stored.
  if (!config.databaseUrl) logger.warn('REDIS_URL without DATABASE_URL: instances do not share storage');
  return new RedisRoomBus({ url: config.redisUrl, instanceId, logger });
}

/** For the startup log line: where data lives, without any credentials. */
export function describeBackends(config: ServerConfig): Record<string, string> {
  const hostOf = (url: string): string => {
    try {
      const { protocol, host, pathname } = new URL(url);
      return `${protocol}//${host}${protocol.startsWith('postgres') ? pathname : ''}`;
    } catch {
      return 'invalid';
    }
  };
  return {
    storage: config.databaseUrl ? `postgres ${hostOf(config.databaseUrl)}` : `sqlite ${config.dataDir}`,
    bus: config.redisUrl ? `redis ${hostOf(config.redisUrl)}` : 'none',
  };
}
