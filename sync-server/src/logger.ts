/**
 * Structured logging through pino. Fields are data, never interpolated into the message, so logs
 * stay greppable and no caller is tempted to paste a URL (with its token) into text. Callers see
 * only the small `Logger` interface: components and tests never depend on pino itself.
 */
import { pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

const noop = (): void => {};
export const silentLogger: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });

/**
 * Field names censored wherever they appear (top level or one level down). No code path logs a
 * token on purpose; this is defence in depth against a future `{ headers }` or `{ query }` field.
 */
const REDACTED_FIELDS = ['token', 'authorization', 'Authorization'];
const REDACT_PATHS = REDACTED_FIELDS.flatMap((name) => [name, `*.${name}`]);

/** One JSON object per line (`{"level":"info","time":"…","msg":"…",…fields}`): what log shippers and `jq` expect. */
export function createJsonLogger(
  minLevel: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line),
): Logger {
  const log = pino(
    {
      level: minLevel,
      // Level names and ISO times read better in a terminal and in Loki/ELK than pino's numbers.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    // Synchronous, line-at-a-time: nothing is lost when main.ts calls process.exit after shutdown.
    { write },
  );
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) log[level](message);
      else log[level](serializeFields(fields), message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function serializeFields(fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    // JSON.stringify turns an Error into {}, and pino only serialises one under the key `err`.
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
