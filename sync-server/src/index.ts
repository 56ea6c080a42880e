/**
 * The sync server as a library: create it with a config and a storage, and run it. The wire
 * contract (messages, close codes, HTTP answers) lives in `@wcb/shared/wire`; the server's inner
 * parts are imported by path where a test needs one, not exported here.
 */
export { createSyncServer, type SyncServer, type SyncServerDeps } from './server';
export { loadConfig, ConfigError, DEFAULTS, type ServerConfig } from './config';
export { createJsonLogger, silentLogger, type Logger, type LogFields, type LogLevel } from './logger';
export { MemoryStorage } from './storage/memory';
export { SqliteStorage, type SqliteStorageOptions, type SqliteSynchronous } from './storage/sqlite';
export { PostgresStorage, type PostgresStorageOptions } from './storage/postgres';
export type { DocStorage, SessionStore, Storage, RoomStats, RoomSeed, SessionRecord } from './storage/types';
export { noMetrics, type Metrics, type RejectReason } from './metrics';
export type { RoomBus } from './cluster/bus';
