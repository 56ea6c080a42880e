/**
 * Issue 14, item 10: every HTTP answer (pages, assets, API JSON, 404s, errors) tells the browser
 * to run only our own scripts, never to be framed, never to sniff types, and to send no Referer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomId } from '@wcb/shared';
import { ControlledStorage } from './helpers/controlled-storage';
import { makeTempDir, startTestServer, type TestServer } from './helpers/test-server';

describe('security headers', () => {
  let server: TestServer;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = await makeTempDir();
    await mkdir(join(staticDir, 'assets'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>board</title>');
    await writeFile(join(staticDir, 'assets', 'app-3f2a1b.js'), 'console.log(1);');
    server = await startTestServer({ config: { staticDir } });
  });
  afterAll(async () => {
    await server.stop();
    await rm(staticDir, { recursive: true, force: true });
  });

  /** The CSP as a map of directive → its source list. */
  const directives = (csp: string | null): Map<string, string[]> =>
    new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name!, sources]),
    );

  const answers: [string, () => Promise<Response>, number][] = [
    ['the app shell at /', () => fetch(`${server.url}/`), 200],
    ['a /s/<id> deep link', () => fetch(`${server.url}/s/${randomId()}`), 200],
    ['a hashed asset', () => fetch(`${server.url}/assets/app-3f2a1b.js`), 200],
    ['a missing static file', () => fetch(`${server.url}/missing.png`), 404],
    ['GET /api/time', () => fetch(`${server.url}/api/time`), 200],
    ['an unknown /api/ path', () => fetch(`${server.url}/api/x`), 404],
    ['GET /healthz', () => fetch(`${server.url}/healthz`), 200],
    ['GET /readyz', () => fetch(`${server.url}/readyz`), 200],
    ['a malformed API request (400)', () => fetch(`${server.url}/api/sessions`, { method: 'POST', body: '{' }), 400],
    ['an unknown session (404)', () => fetch(`${server.url}/api/sessions/${randomId()}/role`), 404],
    ['a plain GET of /ws (426)', () => fetch(`${server.url}/ws/${randomId()}/control`), 426],
    ['a wrong method on a page (405)', () => fetch(`${server.url}/`, { method: 'DELETE' }), 405],
  ];

  it.each(answers)('are on %s', async (_label, request, status) => {
    const res = await request();
    await res.body?.cancel();
    expect(res.status).toBe(status);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('manifest-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('are on a 500 too', async () => {
    // A store that fails every lookup: the role endpoint answers 500.
    const storage = new ControlledStorage();
    storage.failSessionLookups = true;
    const failing = await startTestServer({ storage });
    try {
      const res = await fetch(`${failing.url}/api/sessions/${randomId()}/role`);
      await res.body?.cancel();
      expect(res.status).toBe(500);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await failing.stop();
    }
  });
});
