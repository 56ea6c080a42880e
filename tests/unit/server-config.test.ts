import { describe, expect, it } from 'vitest';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError, DEFAULTS, loadConfig } from '@wcb/sync-server';

const argv = (...flags: string[]): string[] => ['node', 'main.ts', ...flags];

describe('sync server configuration', () => {
  it('uses documented defaults with absolute directories', () => {
    const config = loadConfig({}, argv());
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      maxPayloadBytes: 8 * 1024 * 1024,
      compactAfterUpdates: 500,
      compactAfterBytes: 1024 * 1024,
      sqliteSynchronous: 'FULL',
      logLevel: 'info',
    });
    expect(config.dataDir).toBe(resolve('./data'));
    expect(isAbsolute(config.staticDir)).toBe(true);
    expect(config.staticDir).toBe(DEFAULTS.staticDir);
  });

  it('reads the environment, and flags win over it', () => {
    const config = loadConfig(
      { PORT: '0', DATA_DIR: '/tmp/env-dir', SQLITE_SYNCHRONOUS: 'normal', LOG_LEVEL: 'WARN' },
      argv('--data-dir=/tmp/flag-dir', '--compact-after-updates=10'),
    );
    expect(config).toMatchObject({
      port: 0,
      dataDir: '/tmp/flag-dir',
      sqliteSynchronous: 'NORMAL',
      logLevel: 'warn',
      compactAfterUpdates: 10,
    });
  });

  it('limits session creation by default, and reads its limits from the environment and flags', () => {
    expect(loadConfig({}, argv())).toMatchObject({
      sessionCreateBurst: 10,
      sessionCreatesPerHour: 60,
      maxSessions: 10_000,
      maxStorageBytes: null,
    });
    const config = loadConfig(
      { SESSION_CREATE_BURST: '3', MAX_SESSIONS: '50', MAX_STORAGE_BYTES: String(2 * 1024 * 1024) },
      argv('--session-creates-per-hour=6', '--max-sessions=70'),
    );
    expect(config).toMatchObject({ sessionCreateBurst: 3, sessionCreatesPerHour: 6, maxSessions: 70, maxStorageBytes: 2 * 1024 * 1024 });
    expect(() => loadConfig({ MAX_STORAGE_BYTES: '1000' }, argv())).toThrow(/MAX_STORAGE_BYTES must be an integer from 1048576/);
  });

  it('reports every invalid setting at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '80a', SQLITE_SYNCHRONOUS: 'OFF' }, argv('--max-payload-bytes=12', '--nope=1', 'stray'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT must be an integer');
    expect(message).toContain('SQLITE_SYNCHRONOUS must be one of FULL, NORMAL');
    expect(message).toContain('--max-payload-bytes must be an integer');
    expect(message).toContain('unknown flag --nope');
    expect(message).toContain('unexpected argument "stray"');
  });
});
