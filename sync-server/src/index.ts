export { createSyncServer, type SyncServer, type SyncServerDeps } from './server';
export { loadConfig, ConfigError, DEFAULTS, type ServerConfig } from './config';
export { CloseCode } from './close-codes';
export { APPEND_BATCH } from './room';
export { createJsonLogger, silentLogger, type Logger, type LogFields, type LogLevel } from './logger';
export { MemoryStorage } from './storage/memory';
export { SqliteStorage, type SqliteStorageOptions, type SqliteSynchronous } from './storage/sqlite';
export { PostgresStorage, type PostgresStorageOptions } from './storage/postgres';
export type { DocStorage, SessionStore, Storage, RoomStats, RoomSeed, SessionRecord } from './storage/types';
export {
  MessageType,
  SyncStep,
  ProtocolError,
  handleMessage,
  READ_ONLY_REASON,
  messageHandlers,
  type ProtocolContext,
  type MessageHandler,
} from './protocol';
export type { Connection } from './connection';
export type { DocState, DocListener } from './doc-state/types';
export { LiveDoc } from './doc-state/live-doc';
export { EncodedDoc } from './doc-state/encoded-doc';
export type {
  CreateSessionResponse,
  RegisterSessionResponse,
  RoleResponse,
  RotateResponse,
  SessionRooms,
} from './sessions-api';
export {
  TOKEN_HASH_RE,
  bearerToken,
  capabilityLink,
  hashToken,
  isTokenHash,
  mintToken,
  queryToken,
  roleForToken,
  sameHash,
  sessionIdForHash,
  type TokenHashes,
} from './tokens';
export { SECURITY_HEADERS, contentSecurityPolicy } from './security-headers';
export { noMetrics, type Metrics, type RejectReason } from './metrics';
export { PromMetrics, isScrapable, type ScrapableMetrics, type PromMetricsOptions } from './prom-metrics';
export { timedStorage } from './storage/timed';
