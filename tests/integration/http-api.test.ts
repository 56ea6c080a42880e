import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DEFAULT_TEMPLATE_ID, SESSION_ID_RE, addNote, buildSessionDocs, controlRoom, findTemplate, randomId, readNotes, readSession } from '@wcb/shared';
import { DEFAULTS } from '@wcb/sync-server';
import { hashToken } from '../../sync-server/src/tokens';
import type { CreateSessionResponse } from '@wcb/shared/wire';
import { hostileUpdates } from '../support/hostile-updates';
import { connectClient, type TestClient } from './helpers/clients';

const hostile = (name: string): Uint8Array => hostileUpdates().find((h) => h.name === name)!.update;
const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
import { hashesOf, mintTokens, ownSession, registerSession, tokenOfLink } from './helpers/sessions';
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
      expect(Object.keys(body.links).sort()).toEqual(['facilitator', 'participant', 'viewer']);
      for (const link of Object.values(body.links)) expect(link).toMatch(new RegExp(`^/s/${body.id}#t=[A-Za-z0-9_-]{22}$`));
      expect(new Set(Object.values(body.links)).size).toBe(3);
      expect(body.websocketUrl).toBe('/ws');
      // Only the hashes are kept.
      const stored = await server.storage.getSession(body.id);
      expect(stored?.tokenHashes).toEqual({
        facilitator: hashToken(tokenOfLink(body.links.facilitator)),
        participant: hashToken(tokenOfLink(body.links.participant)),
        viewer: hashToken(tokenOfLink(body.links.viewer)),
      });
      const template = findTemplate(DEFAULT_TEMPLATE_ID);
      const phaseIds = template?.content.en.phases.map((p) => p.id) ?? [];
      expect(Object.keys(body.rooms.phases).sort()).toEqual([...phaseIds].sort());
      for (const [phaseId, room] of Object.entries(body.rooms.phases)) expect(room).toBe(`${body.id}/phase/${phaseId}`);

      const client = connectClient(server.wsUrl, body.rooms.control, { token: tokenOfLink(body.links.viewer) });
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
      const { id, tokenHashes } = ownSession();
      const first = await post(JSON.stringify({ id, tokenHashes, template: DEFAULT_TEMPLATE_ID, language: 'uk' }));
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ id, rooms: { control: `${id}/control`, phases: {} }, websocketUrl: '/ws' });
      expect(await server.storage.getSession(id)).toMatchObject({ id, language: 'uk', tokenHashes });
      expect(await server.storage.load(`${id}/control`)).toEqual([]);

      // A retry (same facilitator hash) is fine; another facilitator hash is someone else's session.
      const retry = await post(JSON.stringify({ id, tokenHashes }));
      expect(retry.status).toBe(200);
      const other = { ...hashesOf(mintTokens()), participant: tokenHashes.participant };
      const conflict = await post(JSON.stringify({ id, tokenHashes: other }));
      expect(conflict.status).toBe(409);
      expect(((await conflict.json()) as { error: string }).error).toMatch(/already registered/);
      expect((await server.storage.getSession(id))?.tokenHashes).toEqual(tokenHashes);
    });

    it('registers a session together with its rooms (seed), so a phase locked before registration keeps its notes', async () => {
      const { id, tokens, tokenHashes } = ownSession();
      const docs = buildSessionDocs({ sessionId: id, templateId: DEFAULT_TEMPLATE_ID, language: 'en' });
      const ideal = docs.phases.find((p) => p.phaseId === 'ideal')!.doc;
      addNote(ideal, { topic: 'government', text: 'written offline, then locked' });
      docs.control.getMap<Y.Map<unknown>>('phases').get('ideal')!.set('locked', true);
      const b64 = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
      const seed = [{ room: `${id}/control`, update: b64(docs.control) }, { room: `${id}/phase/ideal`, update: b64(ideal) }];
      const res = await post(JSON.stringify({ id, tokenHashes, seed }));
      expect(res.status).toBe(201);
      // A viewer reading the locked phase finds the note: it arrived with the registration.
      const client = connectClient(server.wsUrl, `${id}/phase/ideal`, { token: tokens.viewer });
      clients.push(client);
      await client.synced();
      expect(readNotes(client.doc).map((n) => n.text)).toEqual(['written offline, then locked']);
    });

    it.each([
      ['a room of another session', (_id: string) => [{ room: `${randomId()}/control`, update: '' }], /seed\[0\]\.room must be a room of session/],
      ['a room that is no room', (id: string) => [{ room: `${id}/secrets`, update: '' }], /seed\[0\]\.room/],
      ['the same room twice', (id: string) => [{ room: `${id}/control`, update: 'AAA=' }, { room: `${id}/control`, update: 'AAA=' }], /repeats/],
      ['an update that is not base64', (id: string) => [{ room: `${id}/control`, update: '%%%' }], /must be base64/],
      ['bytes that are no Yjs update', (id: string) => [{ room: `${id}/control`, update: Buffer.from([9, 9, 9, 9, 9]).toString('base64') }], /not a whole Yjs document state/],
      ['JSON nested 10,000 deep', (id: string) => [{ room: `${id}/phase/p`, update: b64u(hostile('ContentJSON nested 10,000 deep')) }], /breaks the update rules/],
      ['maps nested 10,000 deep', (id: string) => [{ room: `${id}/phase/p`, update: b64u(hostile('maps nested 10,000 deep in one update')) }], /nested deeper than 8/],
    ])('rejects a seed with %s (400) and stores nothing', async (_label, seedFor, message) => {
      const { id, tokenHashes } = ownSession();
      const res = await post(JSON.stringify({ id, tokenHashes, seed: seedFor(id) }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
      expect(await server.storage.getSession(id)).toBeNull();
    });

    it('answers 409 to registering a session that predates tokens', async () => {
      const id = randomId();
      await server.storage.createSession({ id, createdAt: 1, template: null, language: null, tokenHashes: null }, []);
      const res = await post(JSON.stringify({ id, tokenHashes: hashesOf(mintTokens()) }));
      expect(res.status).toBe(409);
    });

    const hashes = hashesOf(mintTokens());
    it.each([
      ['an id without tokenHashes', { id: randomId() }, /requires tokenHashes/],
      ['tokenHashes without an id', { tokenHashes: hashes }, /only accepted together with id/],
      ['a missing hash', { id: randomId(), tokenHashes: { ...hashes, viewer: undefined } }, /tokenHashes\.viewer/],
      ['an uppercase hash', { id: randomId(), tokenHashes: { ...hashes, facilitator: hashes.facilitator.toUpperCase() } }, /64 lowercase hex/],
      ['a short hash', { id: randomId(), tokenHashes: { ...hashes, participant: 'abc123' } }, /64 lowercase hex/],
      ['a raw token instead of a hash', { id: randomId(), tokenHashes: { ...hashes, viewer: randomId() } }, /tokenHashes\.viewer/],
      ['the same hash twice', { id: randomId(), tokenHashes: { ...hashes, viewer: hashes.participant } }, /different/],
      ['tokenHashes that is not an object', { id: randomId(), tokenHashes: 'x' }, /must be an object/],
    ])('rejects registering with %s (400)', async (_label, body, message) => {
      const res = await post(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    });

    it.each([
      ['malformed JSON', '{"template": ', 400, /not valid JSON/],
      ['a JSON array', '[]', 400, /JSON object/],
      ['an unknown template', JSON.stringify({ template: 'no-such-template' }), 400, /unknown template/],
      ['an invalid id', JSON.stringify({ id: 'a/b', tokenHashes: hashesOf(mintTokens()) }), 400, /id must match/],
      ['an unknown language', JSON.stringify({ language: 'de' }), 400, /language/],
      ['a non-string title', JSON.stringify({ title: 42 }), 400, /title/],
      ['an oversize title', JSON.stringify({ title: 'x'.repeat(1_000) }), 400, /title must be/],
      // Without a seed a body is a handful of short fields: past 64 KiB it is refused even if it parses.
      ['a body past 64 KiB without a seed', JSON.stringify({ title: 'x'.repeat(70_000) }), 413, /65536 bytes/],
      // Bodies may carry a whole session (a seed), up to the websocket's message limit; past it, 413.
      ['a body past the message limit', JSON.stringify({ title: 'x'.repeat(DEFAULTS.maxPayloadBytes + 1) }), 413, /exceeds/],
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

  describe('GET /api/sessions/:id/role', () => {
    const role = (id: string, authorization?: string) =>
      fetch(`${server.url}/api/sessions/${id}/role`, { headers: authorization ? { authorization } : {} });

    it('names the role of each of the three tokens', async () => {
      const { id, tokens } = await registerSession(server.storage);
      for (const [name, token] of Object.entries(tokens)) {
        const res = await role(id, `Bearer ${token}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(await res.json()).toEqual({ role: name });
      }
    });

    it('answers 401 to a missing, malformed or wrong token, and 404 to an unknown session', async () => {
      const { id, tokens } = await registerSession(server.storage);
      for (const header of [undefined, tokens.facilitator, `Basic ${tokens.facilitator}`, `Bearer ${randomId()}`]) {
        const res = await role(id, header);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(((await res.json()) as { error: string }).error).toMatch(/token/);
      }
      // A token of another session opens nothing here.
      const other = await registerSession(server.storage);
      expect((await role(id, `Bearer ${other.tokens.facilitator}`)).status).toBe(401);
      expect((await role(randomId(), `Bearer ${tokens.facilitator}`)).status).toBe(404);
      expect((await role('bad!id', `Bearer ${tokens.facilitator}`)).status).toBe(404);
    });

    it('answers 401 for a session registered before tokens existed (no hashes)', async () => {
      const id = randomId();
      await server.storage.createSession({ id, createdAt: 1, template: null, language: null, tokenHashes: null }, []);
      expect((await role(id, `Bearer ${randomId()}`)).status).toBe(401);
    });

    it('only accepts GET', async () => {
      const { id, tokens } = await registerSession(server.storage);
      const res = await fetch(`${server.url}/api/sessions/${id}/role`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.viewer}` },
      });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
    });
  });

  describe('POST /api/sessions/:id/rotate', () => {
    const rotate = (id: string, token: string, body: unknown) =>
      fetch(`${server.url}/api/sessions/${id}/rotate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const roleOf = async (id: string, token: string): Promise<number> =>
      (await fetch(`${server.url}/api/sessions/${id}/role`, { headers: { authorization: `Bearer ${token}` } })).status;

    it('replaces one role\'s token: the old one stops working, the new one works, the others are untouched', async () => {
      const { id, tokens } = await registerSession(server.storage);
      const res = await rotate(id, tokens.facilitator, { role: 'participant' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { role: string; token: string; link: string };
      expect(body.role).toBe('participant');
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(body.link).toBe(`/s/${id}#t=${body.token}`);
      expect(await roleOf(id, tokens.participant)).toBe(401);
      expect(await roleOf(id, body.token)).toBe(200);
      expect(await roleOf(id, tokens.viewer)).toBe(200);
      expect((await server.storage.getSession(id))?.tokenHashes).toEqual({
        ...hashesOf(tokens),
        participant: hashToken(body.token),
      });
    });

    it('lets the facilitator rotate its own token', async () => {
      const { id, tokens } = await registerSession(server.storage);
      const { token } = (await (await rotate(id, tokens.facilitator, { role: 'facilitator' })).json()) as { token: string };
      expect(await roleOf(id, tokens.facilitator)).toBe(401);
      expect((await rotate(id, tokens.facilitator, { role: 'viewer' })).status).toBe(401);
      expect((await rotate(id, token, { role: 'viewer' })).status).toBe(200);
    });

    it('refuses participants and viewers (403), wrong tokens (401), unknown sessions (404), bad roles (400)', async () => {
      const { id, tokens } = await registerSession(server.storage);
      expect((await rotate(id, tokens.participant, { role: 'viewer' })).status).toBe(403);
      expect((await rotate(id, tokens.viewer, { role: 'viewer' })).status).toBe(403);
      expect((await rotate(id, randomId(), { role: 'viewer' })).status).toBe(401);
      expect((await rotate(randomId(), tokens.facilitator, { role: 'viewer' })).status).toBe(404);
      const bad = await rotate(id, tokens.facilitator, { role: 'admin' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/role must be one of/);
      expect((await server.storage.getSession(id))?.tokenHashes).toEqual(hashesOf(tokens));
    });
  });

  it('reports health with room and connection counts', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, rooms: 0, connections: 0 });
    const { id, tokens } = await registerSession(server.storage);
    const client = connectClient(server.wsUrl, controlRoom(id), { token: tokens.viewer });
    clients.push(client);
    await client.synced();
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, rooms: 1, connections: 1 });
  });

  it('tells the server clock, uncached, for clients to compensate their clock offset', async () => {
    const before = Date.now();
    const res = await fetch(`${server.url}/api/time`);
    const after = Date.now();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { now } = (await res.json()) as { now: number };
    // Same machine, same clock: the server's reading lies between ours.
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
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
