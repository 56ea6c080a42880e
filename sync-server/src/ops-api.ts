import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from './http-util';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { isScrapable } from './prom-metrics';
import type { Storage } from './storage/types';
import { bearerToken, hashToken, sameHash } from './tokens';

export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';

// A load balancer probes every few seconds and gives up after a few more; a store slower than
// this to answer `SELECT 1` would not serve a sync step in time either.
const READY_TIMEOUT_MS = 2_000;

export interface OpsApiOptions {
  readonly storage: Pick<Storage, 'ping'>;
  readonly metrics: Metrics;
  /** When set, `/metrics` wants `Authorization: Bearer <token>`. */
  readonly metricsToken: string | null;
  /** True from the moment shutdown begins: a draining instance must leave the load balancer first. */
  readonly isClosing: () => boolean;
  readonly logger: Logger;
  readonly readyTimeoutMs?: number;
}

/** `/readyz` (may this instance take traffic?) and `/metrics` (Prometheus scrape). */
export class OpsApi {
  constructor(private readonly options: OpsApiOptions) {}

  handles(path: string): boolean {
    return path === READY_PATH || path === METRICS_PATH;
  }

  async handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'use GET' }, { Allow: 'GET, HEAD' });
    } else if (path === READY_PATH) {
      await this.ready(res);
    } else {
      await this.scrape(req, res);
    }
  }

  private async ready(res: ServerResponse): Promise<void> {
    if (this.options.isClosing()) return sendJson(res, 503, { ok: false, reason: 'shutting down' });
    const problem = await this.pingStorage();
    if (problem) return sendJson(res, 503, { ok: false, reason: problem });
    // Shutdown may have begun while the ping was out.
    if (this.options.isClosing()) return sendJson(res, 503, { ok: false, reason: 'shutting down' });
    sendJson(res, 200, { ok: true });
  }

  /** null when storage answered in time, else the reason for the probe. */
  private async pingStorage(): Promise<string | null> {
    const timeoutMs = this.options.readyTimeoutMs ?? READY_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('storage timeout'), timeoutMs);
    });
    const pinged = this.options.storage.ping().then(
      () => null,
      (error: unknown) => {
        this.options.logger.warn('readiness check: storage ping failed', { error });
        return 'storage unavailable';
      },
    );
    try {
      return await Promise.race([pinged, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async scrape(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { metrics, metricsToken } = this.options;
    if (metricsToken !== null) {
      const given = bearerToken(req.headers.authorization);
      // Compared as hashes, in constant time: the token never leaks through response timing.
      if (given === null || !sameHash(hashToken(given), hashToken(metricsToken))) {
        throw new HttpError(401, 'metrics token required');
      }
    }
    if (!isScrapable(metrics)) throw new HttpError(404, 'metrics are not collected by this server');
    const body = await metrics.render();
    res.writeHead(200, {
      'Content-Type': metrics.contentType,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }
}
