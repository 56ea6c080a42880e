import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TEMPLATE_ID, SESSION_ID_RE, findTemplate, randomId, readSession } from '@wcb/shared';
import type { CreateSessionResponse } from '@wcb/sync-server';
import { connectClient, type TestClient } from './helpers/clients';
import { makeTempDir, startTestServer, type TestServer } from './helpers/test-server';

describe('HTTP API', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/api/sessions`, { method: 'POST', headers, body });

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  describe('POST /api/sessions', () => {
    it('creates a session from a template whose control room already holds the topics', async () => {
      const res = await post(JSON.stringify({ template: DEFAULT_TEMPLATE_ID, language: 'en', title: 'Spring café' }));
      expect(res.status).toBe(201);
      const body = (await res.json()) as CreateSessionResponse;
      expect(body.id).toMatch(SESSION_ID_RE);
      expect(body.rooms.control).toBe(`${body.id}/control`);
      expect(body.links).toEqual({ board: `/s/${body.id}` });
      expect(body.websocketUrl).toBe('/ws');
      const template = findTemplate(DEFAULT_TEMPLATE_ID);
      const phaseIds = template?.content.en.phases.map((p) => p.id) ?? [];
      expect(Object.keys(body.rooms.phases).sort()).toEqual([...phaseIds].sort());
      for (const [phaseId, room] of Object.entries(body.rooms.phases)) expect(room).toBe(`${body.id}/phase/${phaseId}`);

      const client = connectClient(server.wsUrl, body.rooms.control);
      clients.push(client);
      await client.synced();
      const session = readSession(client.doc);
      expect(session.meta).toMatchObject({ id: body.id, title: 'Spring café', language: 'en' });
      expect(session.topics.map((t) => t.label)).toEqual(template?.content.en.topics.map((t) => t.label));
    });

    it('creates a session with the default template when the body is empty', async () => {
      const res = await post('');
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as CreateSessionResponse;
      expect(await server.storage.getSession(id)).toMatchObject({ id, template: DEFAULT_TEMPLATE_ID, language: 'en' });
    });

    it('registers a session the browser created offline without seeding its rooms, idempotently', async () => {
      const id = randomId();
      const first = await post(JSON.stringify({ id, template: DEFAULT_TEMPLATE_ID, language: 'uk' }));
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({
        id,
        rooms: { control: `${id}/control`, phases: {} },
        links: { board: `/s/${id}` },
        websocketUrl: '/ws',
      });
      expect(await server.storage.getSession(id)).toMatchObject({ id, language: 'uk' });
      expect(await server.storage.load(`${id}/control`)).toEqual([]);

      const retry = await post(JSON.stringify({ id }));
      expect(retry.status).toBe(200);
    });

    it.each([
      ['malformed JSON', '{"template": ', 400, /not valid JSON/],
      ['a JSON array', '[]', 400, /JSON object/],
      ['an unknown template', JSON.stringify({ template: 'no-such-template' }), 400, /unknown template/],
      ['an invalid id', JSON.stringify({ id: 'a/b' }), 400, /id must match/],
      ['an unknown language', JSON.stringify({ language: 'de' }), 400, /language/],
      ['a non-string title', JSON.stringify({ title: 42 }), 400, /title/],
      ['an oversize body', JSON.stringify({ title: 'x'.repeat(70_000) }), 413, /exceeds/],
    ])('rejects %s with a JSON error', async (_label, body, status, message) => {
      const res = await post(body);
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: string };
      expect(json.error).toMatch(message);
    });

    it('only accepts POST', async () => {
      const res = await fetch(`${server.url}/api/sessions`);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    });
  });

  it('reports health with room and connection counts', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, rooms: 0, connections: 0 });
    const client = connectClient(server.wsUrl, `${randomId()}/control`);
    clients.push(client);
    await client.synced();
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, rooms: 1, connections: 1 });
  });

  it('answers unknown API paths with 404 and plain GETs of /ws with 426', async () => {
    expect((await fetch(`${server.url}/api/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/ws/${randomId()}/control`)).status).toBe(426);
  });
});

describe('static client files', () => {
  let server: TestServer;
  let staticDir: string;

  beforeEach(async () => {
    staticDir = await makeTempDir();
    await mkdir(join(staticDir, 'assets'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>board</title>');
    await writeFile(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(staticDir, 'assets', 'app-3f2a1b.js'), 'console.log(1);');
    server = await startTestServer({ config: { staticDir } });
  });
  afterEach(async () => {
    await rm(staticDir, { recursive: true, force: true });
    await server.stop();
  });

  it('serves the app shell for board links so deep links load the app', async () => {
    const res = await fetch(`${server.url}/s/${randomId()}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>board</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('lets browsers cache hashed assets forever but revalidate the service worker', async () => {
    const asset = await fetch(`${server.url}/assets/app-3f2a1b.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}/missing.png`)).status).toBe(404);
  });
});
