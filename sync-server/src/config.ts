import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG_LEVELS, type LogLevel } from './logger';
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
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly logLevel: LogLevel;
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
  // An acknowledged sticky note must survive a power cut of the venue's laptop.
  sqliteSynchronous: 'FULL',
  logLevel: 'info',
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
  sqliteSynchronous: { env: 'SQLITE_SYNCHRONOUS', flag: 'sqlite-synchronous' },
  logLevel: { env: 'LOG_LEVEL', flag: 'log-level' },
} as const satisfies Record<keyof ServerConfig, { env: string; flag: string }>;

type Key = keyof typeof SETTINGS;

/**
 * Builds the configuration once at startup. `argv` is process.argv: the first two entries
 * (node and the script) are skipped; the rest must be `--name=value` flags.
 * Throws ConfigError listing every problem at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const problems: string[] = [];
  const flags = parseFlags(argv.slice(2), problems);
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

  const config: ServerConfig = {
    port: int('port', DEFAULTS.port, 0, 65_535),
    host: text('host', DEFAULTS.host),
    dataDir: resolve(text('dataDir', DEFAULTS.dataDir)),
    staticDir: resolve(text('staticDir', DEFAULTS.staticDir)),
    // Below 64 KiB even a modest phase could not complete its first sync.
    maxPayloadBytes: int('maxPayloadBytes', DEFAULTS.maxPayloadBytes, 64 * 1024, 256 * MiB),
    compactAfterUpdates: int('compactAfterUpdates', DEFAULTS.compactAfterUpdates, 1, 1_000_000),
    compactAfterBytes: int('compactAfterBytes', DEFAULTS.compactAfterBytes, 1, 1024 * MiB),
    sqliteSynchronous: oneOf('sqliteSynchronous', DEFAULTS.sqliteSynchronous, ['FULL', 'NORMAL'], upper),
    logLevel: oneOf('logLevel', DEFAULTS.logLevel, LOG_LEVELS, lower),
  };
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
