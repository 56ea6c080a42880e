import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, SqliteStorage, createSyncServer, silentLogger } from '@wcb/sync-server';
import type { Logger, ServerConfig, Storage, SyncServer } from '@wcb/sync-server';
import type { HttpTimeouts } from '../../../sync-server/src/http-guard';

export interface TestServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** ws://127.0.0.1:<port>/ws — what a WebsocketProvider takes as its server URL. */
  readonly wsUrl: string;
  readonly port: number;
  readonly server: SyncServer;
  readonly storage: Storage;
  readonly dataDir: string;
  /** Closes the server (and its storage); removes the data dir if this helper created it. */
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Reuse a data dir (e.g. to restart on the same SQLite file); the caller removes it. */
  readonly dataDir?: string;
  /** Use this storage instead of SQLite in the data dir. */
  readonly storage?: Storage;
  readonly config?: Partial<ServerConfig>;
  /** Defaults to silent. */
  readonly logger?: Logger;
  /** The server's clock for self-throttling limits; defaults to Date.now. */
  readonly clock?: () => number;
  /** How long a request may take to arrive; defaults to the server's HTTP_TIMEOUTS. */
  readonly httpTimeouts?: HttpTimeouts;
}

export const makeTempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'wcb-sync-'));

/** A server on a free loopback port with SQLite in a fresh temp dir (Hocuspocus-style factory). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeTempDir());
  const config: ServerConfig = {
    ...DEFAULTS,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: join(dataDir, 'no-client-build'),
    ...options.config,
  };
  let storage: Storage;
  let server: SyncServer;
  let port: number;
  try {
    storage = options.storage ?? new SqliteStorage({ dataDir, synchronous: 'NORMAL' });
    server = createSyncServer(config, { storage, logger: options.logger ?? silentLogger, ...(options.clock ? { clock: options.clock } : {}), ...(options.httpTimeouts ? { httpTimeouts: options.httpTimeouts } : {}) });
    ({ port } = await server.listen());
  } catch (error) {
    if (ownsDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    port,
    server,
    storage,
    dataDir,
    stop: () =>
      (stopped ??= (async () => {
        await server.close();
        if (ownsDir) await rm(dataDir, { recursive: true, force: true });
      })()),
  };
}
