import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode, type ErrorResponse } from '@wcb/shared/wire';
import type { ServerConfig } from './config';
import { HttpError, pathOf, sendJson } from './http-util';
import { createJsonLogger, type Logger } from './logger';
import type { Metrics } from './metrics';
import { OpsApi } from './ops-api';
import { PromMetrics } from './prom-metrics';
import { timedStorage } from './storage/timed';
import { RoomRegistry } from './room-registry';
import { StorageQuota } from './storage-quota';
import { FailureLimiter, httpAuthGuard } from './limits';
import { SessionsApi } from './sessions-api';
import { CreateGuard } from './create-guard';
import { ExportApi } from './export-api';
import { KitApi } from './kit-api';
import { handleTimeRequest } from './time-api';
import { createStaticHandler } from './static';
import { createBus, createStorage, instanceIdOf } from './backends';
import type { RoomBus } from './cluster/bus';
import type { Storage } from './storage/types';
import { WS_PATH, WebSocketGateway } from './websocket';
import { SECURITY_HEADERS } from './security-headers';
import { HTTP_TIMEOUTS, TIMEOUT_CHECK_MS, guardHttp, type HttpTimeouts } from './http-guard';

export interface SyncServerDeps {
  /** Defaults to SQLite in config.dataDir. The server owns it: close() closes it. */
  readonly storage?: Storage;
  /** Defaults to JSON lines on stdout at config.logLevel. */
  readonly logger?: Logger;
  /** Defaults to a fresh prom-client registry per server, scraped at /metrics. */
  readonly metrics?: Metrics;
  /** Scale-out: defaults to Redis at config.redisUrl, or none. The server owns it, like storage. */
  readonly bus?: RoomBus;
  /** Wall clock of the limits that throttle themselves (a room's exact size measure); tests drive it. */
  readonly clock?: () => number;
  /** Defaults to HTTP_TIMEOUTS (http-guard.ts); tests shorten them. */
  readonly httpTimeouts?: HttpTimeouts;
}

export interface SyncServer {
  readonly http: http.Server;
  /** Starts listening; with port 0 the OS picks a free port, returned here. */
  listen(): Promise<{ port: number }>;
  /** Stops accepting, closes sockets with 1012, flushes every room, closes storage. Idempotent. */
  close(): Promise<void>;
}

export function createSyncServer(config: ServerConfig, deps: SyncServerDeps = {}): SyncServer {
  let closing: Promise<void> | null = null;
  const parts = buildParts(config, deps, () => closing !== null);
  const route = makeRouter(parts, () => closing !== null);
  /** Requests that may still touch storage; close() waits for them before closing it. */
  const inflight = new Set<Promise<void>>();
  const server = http.createServer({ connectionsCheckingInterval: TIMEOUT_CHECK_MS }, (req, res) => {
    // Set before routing: every writeHead (sendJson, sirv, export) merges them in.
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const handled = route(req, res).catch((error: unknown) => answerError(parts.logger, req, res, error));
    inflight.add(handled);
    void handled.finally(() => inflight.delete(handled));
  });
  server.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => parts.gateway.handleUpgrade(req, socket, head));
  guardHttp(server, { timeouts: deps.httpTimeouts ?? HTTP_TIMEOUTS, maxConnectionsPerIp: config.maxConnectionsPerIp, trustProxy: config.trustProxy });
  return {
    http: server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const { port } = server.address() as AddressInfo;
          resolve({ port });
        });
      }),
    close: () => (closing ??= shutdown(parts, server, inflight)),
  };
}

type ServerParts = ReturnType<typeof buildParts>;

/** Storage, bus, metrics, rooms, the websocket gateway and the HTTP APIs of one server. */
function buildParts(config: ServerConfig, deps: SyncServerDeps, isClosing: () => boolean) {
  const logger = deps.logger ?? createJsonLogger(config.logLevel);
  // Scale-out: PostgreSQL when config.databaseUrl is set, else SQLite; Redis when redisUrl is (backends.ts).
  const storage = deps.storage ?? createStorage(config, logger);
  const bus = deps.bus ?? createBus(config, instanceIdOf(config), logger);
  const metrics = deps.metrics ?? new PromMetrics();
  // One failed-attempt limiter for websockets and the HTTP API alike.
  const authFailures = new FailureLimiter(config.authFailuresPerMinute);
  const authGuard = httpAuthGuard(authFailures, { trustProxy: config.trustProxy, metrics, logger });
  const registry = new RoomRegistry({
    // Timed here, not in Room: the persist histogram sees exactly what a room waits for.
    storage: timedStorage(storage, metrics),
    metrics,
    logger,
    compaction: { afterUpdates: config.compactAfterUpdates, afterBytes: config.compactAfterBytes },
    pacing: { members: config.relayPaceMembers, intervalMs: config.relayPaceMs },
    limits: config,
    quota: new StorageQuota(storage, config, deps.clock),
    bus,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const gateway = new WebSocketGateway({ registry, sessions: storage, logger, metrics, maxPayloadBytes: config.maxPayloadBytes, limits: config, authFailures });
  const sessionsApi = new SessionsApi({
    store: storage,
    revoke: (sessionId, role, currentHash) => gateway.revoke(sessionId, role, currentHash),
    maxSeedBytes: config.maxPayloadBytes,
    authGuard,
    createGuard: new CreateGuard(storage, config, metrics),
  });
  const exportApi = new ExportApi(storage, authGuard);
  const kitApi = new KitApi(storage, authGuard, config.trustProxy);
  const opsApi = new OpsApi({ storage, metrics, metricsToken: config.metricsToken, isClosing, logger });
  const serveStatic = createStaticHandler(config.staticDir, logger);
  return { logger, storage, bus, registry, gateway, sessionsApi, exportApi, kitApi, opsApi, serveStatic };
}

/** Which part answers a request; API writes get 503 once the server is closing. */
function makeRouter(parts: ServerParts, isClosing: () => boolean) {
  const { registry, opsApi, sessionsApi, exportApi, kitApi, serveStatic } = parts;
  return async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = pathOf(req);
    if (path === '/healthz') {
      sendJson(res, 200, { ok: true, rooms: registry.roomCount, connections: registry.connectionCount });
    } else if (opsApi.handles(path)) {
      await opsApi.handle(path, req, res);
    } else if (sessionsApi.handles(path) || exportApi.handles(path)) {
      if (isClosing()) throw new HttpError(503, 'server is shutting down');
      await (sessionsApi.handles(path) ? sessionsApi.handle(path, req, res) : exportApi.handle(path, req, res));
    } else if (kitApi.handles(path)) {
      if (isClosing()) throw new HttpError(503, 'server is shutting down');
      await kitApi.handle(path, req, res);
    } else if (handleTimeRequest(req, res)) {
      // Clients sample it to compensate their clock offset for the round timer.
    } else if (path.startsWith('/api/')) {
      throw new HttpError(404, 'no such endpoint');
    } else if (path === WS_PATH || path.startsWith(`${WS_PATH}/`)) {
      throw new HttpError(426, 'websocket upgrade required');
    } else {
      serveStatic(req, res);
    }
  };
}

function answerError(logger: Logger, req: http.IncomingMessage, res: http.ServerResponse, error: unknown): void {
  const status = error instanceof HttpError ? error.status : 500;
  // The path only: the query string and headers (Authorization) may carry a token.
  if (status === 500) logger.error('request failed', { method: req.method, path: pathOf(req), error });
  const message = error instanceof HttpError ? error.message : 'internal error';
  if (res.headersSent) res.destroy();
  else sendJson(res, status, { error: message } satisfies ErrorResponse, { ...errorHeaders(status), ...(error instanceof HttpError ? error.headers : {}) });
}

async function shutdown(parts: ServerParts, server: http.Server, inflight: ReadonlySet<Promise<void>>): Promise<void> {
  // Still listening while clients close and rooms flush: /readyz answers 503 so a load balancer
  // takes this instance out, and a client reconnecting after its 1012 gets a 503 upgrade (and
  // retries elsewhere) rather than a refused connection. New API writes already get 503.
  await parts.gateway.close(CloseCode.ServiceRestart, 'server restart');
  await parts.registry.closeAll(CloseCode.ServiceRestart, 'server restart');
  // The callback fires once open HTTP connections are gone.
  const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.all(inflight);
  server.closeAllConnections();
  await httpClosed;
  await parts.bus.close();
  await parts.storage.close();
  parts.logger.info('sync server stopped');
}

function errorHeaders(status: number): Record<string, string> {
  // 413: stop reading a body we refused, rather than draining it.
  if (status === 413) return { Connection: 'close' };
  if (status === 401) return { 'WWW-Authenticate': 'Bearer' };
  // The failed-attempt window refills within a minute (other limits name their own Retry-After).
  if (status === 429) return { 'Retry-After': '60' };
  return {};
}
