export { createSyncServer, type SyncServer, type SyncServerDeps } from './server';
export { loadConfig, ConfigError, DEFAULTS, type ServerConfig } from './config';
export { CloseCode } from './close-codes';
export { createJsonLogger, silentLogger, type Logger, type LogFields, type LogLevel } from './logger';
export { MemoryStorage } from './storage/memory';
export { SqliteStorage, type SqliteStorageOptions, type SqliteSynchronous } from './storage/sqlite';
export type { DocStorage, SessionStore, Storage, RoomStats, RoomSeed, SessionRecord } from './storage/types';
export {
  MessageType,
  SyncStep,
  ProtocolError,
  handleMessage,
  messageHandlers,
  type ProtocolContext,
  type MessageHandler,
} from './protocol';
export type { Connection } from './connection';
export type { CreateSessionResponse } from './sessions-api';
