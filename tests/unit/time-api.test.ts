import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTimeRequest } from '../../sync-server/src/time-api';

const FIXED_NOW = 1_700_000_000_123;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!handleTimeRequest(req, res, () => FIXED_NOW)) {
      res.writeHead(404);
      res.end('not mine');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe('GET /api/time', () => {
  it('answers the server clock as JSON that no cache may keep', async () => {
    const res = await fetch(`${base}/api/time`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ now: FIXED_NOW });
  });

  it('ignores a query string, as a cache-busting client may add one', async () => {
    const res = await fetch(`${base}/api/time?t=1`);
    expect(await res.json()).toEqual({ now: FIXED_NOW });
  });

  it('refuses other methods on its path', async () => {
    const res = await fetch(`${base}/api/time`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('leaves other paths to the next handler', async () => {
    for (const path of ['/api/timer', '/api/time/x', '/api', '/']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe('not mine');
    }
  });
});
