import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG_LEVELS, type LogLevel } from './logger';
import { normalizeOrigin } from './limits';
import type { SqliteSynchronous } from './storage/sqlite';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute. Holds board.sqlite. */
  readonly dataDir: string;
  /** Absolute. The built client (vite build output). */
  readonly staticDir: string;
  /** Largest websocket message accepted; bigger ones close the connection with 1009. */
  readonly maxPayloadBytes: number;
  readonly compactAfterUpdates: number;
  readonly compactAfterBytes: number;
  /** A room with at least this many connections is a plenary: its relays are paced (relay-pacer.ts). */
  readonly relayPaceMembers: number;
  /** ... to at most one per this many milliseconds. */
  readonly relayPaceMs: number;
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly logLevel: LogLevel;
  /** When set, `GET /metrics` requires `Authorization: Bearer <metricsToken>`; null: open. */
  readonly metricsToken: string | null;
  // --- limits (PROTOCOL.md, "Limits and tuning") ---
  /** A room refuses updates that would grow its stored state past this (4413). */
  readonly maxDocBytes: number;
  /** Rooms in memory at once; a connection that would load one more is refused (4503). */
  readonly maxRooms: number;
  /** Rooms of one session in memory at once (4534): one session cannot take the server's share. */
  readonly maxRoomsPerSession: number;
  /** Open websockets per client address (4530). */
  readonly maxConnectionsPerIp: number;
  /** Open websockets per room (4531). */
  readonly maxConnectionsPerRoom: number;
  /** Per connection: messages at once, then per second, and bytes per second (4529). */
  readonly messageBurst: number;
  readonly messageRate: number;
  readonly messageBytesPerSecond: number;
  /** Failed token attempts per client address per minute before it is refused unchecked (4532 / 429). */
  readonly authFailuresPerMinute: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For entry is trusted; 0: none. */
  readonly trustProxy: number;
  /** Browser Origins allowed to open a websocket; empty: any. A missing Origin is always allowed. */
  readonly allowedOrigins: readonly string[];
  /** Sessions one client address may create or register at once, then per hour (429). */
  readonly sessionCreateBurst: number;
  readonly sessionCreatesPerHour: number;
  /** Sessions the store may hold; new ones past it get 507. */
  readonly maxSessions: number;
  /** Bytes the store may hold before new sessions get 507 and writes that grow it are refused; null: no limit. */
  readonly maxStorageBytes: number | null;
  /** Bytes one session's rooms may hold in storage; past it writes that grow it are refused ('session-full'). */
  readonly maxSessionBytes: number;
  // --- scale-out (ARCHITECTURE.md, "Scale-out") ---
  /** redis://… : rooms fan out to the other instances through Redis pub/sub; null: a lone instance. */
  readonly redisUrl: string | null;
  /** postgres://… : storage in PostgreSQL (shared by every instance) instead of SQLite in dataDir. */
  readonly databaseUrl: string | null;
  /** This instance's name on the bus and in logs; '' picks a random one at startup. */
  readonly instanceId: string;
}

const MiB = 1024 * 1024;

export const DEFAULTS = {
  port: 8080,
  host: '0.0.0.0',
  dataDir: './data',
  staticDir: fileURLToPath(new URL('../../client/dist', import.meta.url)),
  // A first sync step 2 carries a whole phase (hundreds of notes are well under 1 MiB); 8 MiB
  // leaves room for years of edit history while capping what one frame can pin in memory.
  maxPayloadBytes: 8 * MiB,
  // Loading 500 small rows is still instant; compacting more often would rewrite the snapshot
  // during every busy minute of a workshop.
  compactAfterUpdates: 500,
  // Bounds the log when a few updates are large (pasted text), independent of the count.
  compactAfterBytes: 1 * MiB,
  // Tables (10-25 people) are never paced: their few relays leave at once.
  relayPaceMembers: 50,
  // 50 relays a second per member: within a 30 Hz drag's frame budget, and it cut a 200-member
  // plenary's socket writes (its largest cost) by more than half.
  relayPaceMs: 20,
  // An acknowledged sticky note must survive a power cut of the venue's laptop.
  sqliteSynchronous: 'FULL',
  logLevel: 'info',
  // Metrics reveal traffic, not content; open by default so a scraper on a private network just works.
  metricsToken: null,
  // --- limits ---
  // A 300-person phase is well under 1 MiB; 32 MiB is 30x that yet keeps one runaway room
  // from eating the host (its whole state also travels in one sync step 2 to each newcomer).
  maxDocBytes: 32 * MiB,
  // A big event is ~50 sessions x ~20 rooms; typical rooms hold well under 1 MiB.
  maxRooms: 2000,
  // A template has 3-10 phases, each a phase and a votes room, plus control: 64 is a long day's worth.
  maxRoomsPerSession: 64,
  // A whole venue behind one NAT: 300 people x 3 rooms each, with headroom.
  maxConnectionsPerIp: 1000,
  // 300 participants plus facilitators, projectors and second tabs.
  maxConnectionsPerRoom: 500,
  // Dragging a note sends ~60 updates and ~60 awareness messages a second for a moment;
  // sustained 100/s is far beyond typing, and 200 absorbs a reconnect's catch-up burst.
  messageBurst: 200,
  messageRate: 100,
  // A paste or import can be large once; nobody types a MiB per second.
  messageBytesPerSecond: 1 * MiB,
  // Tokens have 132 bits, so this is about log noise and CPU; a venue NAT with a few stale links
  // must stay well under it.
  authFailuresPerMinute: 30,
  trustProxy: 0,
  allowedOrigins: [],
  // A facilitator creates a few sessions a day; ten at once covers a team setting up a venue,
  // one a minute after that stops a script from filling the disk through a printed QR code.
  sessionCreateBurst: 10,
  sessionCreatesPerHour: 60,
  // Far beyond any one organisation's year of workshops, yet a bounded table.
  maxSessions: 10_000,
  // The disk is the operator's to size; they set this to stop before it fills.
  maxStorageBytes: null,
  // A day's café is a few MiB with every phase and vote; 256 MiB keeps one session from filling a disk.
  maxSessionBytes: 256 * MiB,
  // --- scale-out ---
  // One instance with SQLite needs no other service; scale-out is opt-in.
  redisUrl: null,
  databaseUrl: null,
  // Random per process: a restarted instance is a new peer, which is what the bus needs.
  instanceId: '',
} as const satisfies ServerConfig;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Each setting: its environment variable and its --flag; the flag wins. */
const SETTINGS = {
  port: { env: 'PORT', flag: 'port' },
  host: { env: 'HOST', flag: 'host' },
  dataDir: { env: 'DATA_DIR', flag: 'data-dir' },
  staticDir: { env: 'STATIC_DIR', flag: 'static-dir' },
  maxPayloadBytes: { env: 'MAX_PAYLOAD_BYTES', flag: 'max-payload-bytes' },
  compactAfterUpdates: { env: 'COMPACT_AFTER_UPDATES', flag: 'compact-after-updates' },
  compactAfterBytes: { env: 'COMPACT_AFTER_BYTES', flag: 'compact-after-bytes' },
  relayPaceMembers: { env: 'RELAY_PACE_MEMBERS', flag: 'relay-pace-members' },
  relayPaceMs: { env: 'RELAY_PACE_MS', flag: 'relay-pace-ms' },
  sqliteSynchronous: { env: 'SQLITE_SYNCHRONOUS', flag: 'sqlite-synchronous' },
  logLevel: { env: 'LOG_LEVEL', flag: 'log-level' },
  metricsToken: { env: 'METRICS_TOKEN', flag: 'metrics-token' },
  maxDocBytes: { env: 'MAX_DOC_BYTES', flag: 'max-doc-bytes' },
  maxRooms: { env: 'MAX_ROOMS', flag: 'max-rooms' },
  maxRoomsPerSession: { env: 'MAX_ROOMS_PER_SESSION', flag: 'max-rooms-per-session' },
  maxConnectionsPerIp: { env: 'MAX_CONNECTIONS_PER_IP', flag: 'max-connections-per-ip' },
  maxConnectionsPerRoom: { env: 'MAX_CONNECTIONS_PER_ROOM', flag: 'max-connections-per-room' },
  messageBurst: { env: 'MESSAGE_BURST', flag: 'message-burst' },
  messageRate: { env: 'MESSAGE_RATE', flag: 'message-rate' },
  messageBytesPerSecond: { env: 'MESSAGE_BYTES_PER_SECOND', flag: 'message-bytes-per-second' },
  authFailuresPerMinute: { env: 'AUTH_FAILURES_PER_MINUTE', flag: 'auth-failures-per-minute' },
  trustProxy: { env: 'TRUST_PROXY', flag: 'trust-proxy' },
  allowedOrigins: { env: 'ALLOWED_ORIGINS', flag: 'allowed-origins' },
  sessionCreateBurst: { env: 'SESSION_CREATE_BURST', flag: 'session-create-burst' },
  sessionCreatesPerHour: { env: 'SESSION_CREATES_PER_HOUR', flag: 'session-creates-per-hour' },
  maxSessions: { env: 'MAX_SESSIONS', flag: 'max-sessions' },
  maxStorageBytes: { env: 'MAX_STORAGE_BYTES', flag: 'max-storage-bytes' },
  maxSessionBytes: { env: 'MAX_SESSION_BYTES', flag: 'max-session-bytes' },
  redisUrl: { env: 'REDIS_URL', flag: 'redis-url' },
  databaseUrl: { env: 'DATABASE_URL', flag: 'database-url' },
  instanceId: { env: 'INSTANCE_ID', flag: 'instance-id' },
} as const satisfies Record<keyof ServerConfig, { env: string; flag: string }>;

type Key = keyof typeof SETTINGS;

/** Readers of one setting each: flag first, then environment, then the default; problems collected. */
function settingReaders(env: NodeJS.ProcessEnv, flags: ReadonlyMap<string, string>, problems: string[]) {
  const raw = (key: Key): { value: string; source: string } | undefined => {
    const { env: name, flag } = SETTINGS[key];
    const fromFlag = flags.get(flag);
    if (fromFlag !== undefined) return { value: fromFlag, source: `--${flag}` };
    const fromEnv = env[name];
    return fromEnv === undefined || fromEnv === '' ? undefined : { value: fromEnv, source: name };
  };
  const int = (key: Key, fallback: number, min: number, max: number): number => {
    const found = raw(key);
    if (!found) return fallback;
    const value = Number(found.value);
    if (!/^\d+$/.test(found.value.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${found.source} must be an integer from ${min} to ${max}, got "${found.value}"`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(key: Key, fallback: T, allowed: readonly T[], normalize = (s: string) => s): T => {
    const found = raw(key);
    if (!found) return fallback;
    const value = allowed.find((a) => a === normalize(found.value.trim()));
    if (value === undefined) {
      problems.push(`${found.source} must be one of ${allowed.join(', ')}, got "${found.value}"`);
    }
    return value ?? fallback;
  };
  const text = (key: Key, fallback: string): string => raw(key)?.value.trim() || fallback;
  /** A service URL; only its scheme is checked, and the value is never echoed (it may hold a password). */
  const serviceUrl = (key: Key, schemes: readonly string[]): string | null => {
    const found = raw(key);
    if (!found) return null;
    const value = found.value.trim();
    let scheme: string | null = null;
    try {
      scheme = new URL(value).protocol;
    } catch {
      // reported below
    }
    if (scheme === null || !schemes.includes(scheme)) {
      problems.push(`${found.source} must be a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`);
      return null;
    }
    return value;
  };
  return { raw, int, oneOf, text, serviceUrl };
}

/**
 * Builds the configuration once at startup. `argv` is process.argv: the first two entries
 * (node and the script) are skipped; the rest must be `--name=value` flags.
 * Throws ConfigError listing every problem at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const problems: string[] = [];
  const { raw, int, oneOf, text, serviceUrl } = settingReaders(env, parseFlags(argv.slice(2), problems), problems);
  const config: ServerConfig = {
    port: int('port', DEFAULTS.port, 0, 65_535),
    host: text('host', DEFAULTS.host),
    dataDir: resolve(text('dataDir', DEFAULTS.dataDir)),
    staticDir: resolve(text('staticDir', DEFAULTS.staticDir)),
    // Below 64 KiB even a modest phase could not complete its first sync.
    maxPayloadBytes: int('maxPayloadBytes', DEFAULTS.maxPayloadBytes, 64 * 1024, 256 * MiB),
    compactAfterUpdates: int('compactAfterUpdates', DEFAULTS.compactAfterUpdates, 1, 1_000_000),
    compactAfterBytes: int('compactAfterBytes', DEFAULTS.compactAfterBytes, 1, 1024 * MiB),
    relayPaceMembers: int('relayPaceMembers', DEFAULTS.relayPaceMembers, 2, 1_000_000),
    // Past a second, pacing would read as lag rather than smooth anything.
    relayPaceMs: int('relayPaceMs', DEFAULTS.relayPaceMs, 0, 1000),
    sqliteSynchronous: oneOf('sqliteSynchronous', DEFAULTS.sqliteSynchronous, ['FULL', 'NORMAL'], upper),
    logLevel: oneOf('logLevel', DEFAULTS.logLevel, LOG_LEVELS, lower),
    metricsToken: raw('metricsToken')?.value.trim() || DEFAULTS.metricsToken,
    // --- limits ---
    maxDocBytes: int('maxDocBytes', DEFAULTS.maxDocBytes, 64 * 1024, 4096 * MiB),
    maxRooms: int('maxRooms', DEFAULTS.maxRooms, 2, 1_000_000),
    maxRoomsPerSession: int('maxRoomsPerSession', DEFAULTS.maxRoomsPerSession, 2, 1_000_000),
    maxConnectionsPerIp: int('maxConnectionsPerIp', DEFAULTS.maxConnectionsPerIp, 1, 1_000_000),
    maxConnectionsPerRoom: int('maxConnectionsPerRoom', DEFAULTS.maxConnectionsPerRoom, 1, 1_000_000),
    messageBurst: int('messageBurst', DEFAULTS.messageBurst, 10, 1_000_000),
    messageRate: int('messageRate', DEFAULTS.messageRate, 1, 1_000_000),
    messageBytesPerSecond: int('messageBytesPerSecond', DEFAULTS.messageBytesPerSecond, 1024, 1024 * MiB),
    authFailuresPerMinute: int('authFailuresPerMinute', DEFAULTS.authFailuresPerMinute, 1, 1_000_000),
    trustProxy: int('trustProxy', DEFAULTS.trustProxy, 0, 16),
    allowedOrigins: (raw('allowedOrigins')?.value ?? '')
      .split(',')
      .map(normalizeOrigin)
      .filter((origin) => origin !== ''),
    sessionCreateBurst: int('sessionCreateBurst', DEFAULTS.sessionCreateBurst, 1, 1_000_000),
    sessionCreatesPerHour: int('sessionCreatesPerHour', DEFAULTS.sessionCreatesPerHour, 1, 1_000_000),
    maxSessions: int('maxSessions', DEFAULTS.maxSessions, 1, 1_000_000_000),
    // Below 1 MiB not even an empty store fits.
    maxSessionBytes: int('maxSessionBytes', DEFAULTS.maxSessionBytes, 64 * 1024, Number.MAX_SAFE_INTEGER),
    maxStorageBytes: raw('maxStorageBytes') ? int('maxStorageBytes', 0, MiB, Number.MAX_SAFE_INTEGER) : DEFAULTS.maxStorageBytes,
    // --- scale-out ---
    redisUrl: serviceUrl('redisUrl', ['redis:', 'rediss:']),
    databaseUrl: serviceUrl('databaseUrl', ['postgres:', 'postgresql:']),
    instanceId: text('instanceId', DEFAULTS.instanceId),
  };
  if (config.instanceId !== '' && !/^[\w.-]{1,64}$/.test(config.instanceId)) {
    problems.push(`INSTANCE_ID must be 1-64 letters, digits, '.', '_' or '-', got "${config.instanceId}"`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

const upper = (s: string): string => s.toUpperCase();
const lower = (s: string): string => s.toLowerCase();

function parseFlags(args: readonly string[], problems: string[]): Map<string, string> {
  const known = new Set<string>(Object.values(SETTINGS).map((s) => s.flag));
  const flags = new Map<string, string>();
  for (const arg of args) {
    const match = /^--([a-z-]+)=(.*)$/s.exec(arg);
    if (!match?.[1] || match[2] === undefined) {
      problems.push(`unexpected argument "${arg}" (flags look like --port=8080)`);
    } else if (!known.has(match[1])) {
      problems.push(`unknown flag --${match[1]} (known: ${[...known].map((f) => `--${f}`).join(', ')})`);
    } else {
      flags.set(match[1], match[2]);
    }
  }
  return flags;
}
