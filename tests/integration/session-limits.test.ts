/**
 * Issue 14: links are printed as QR codes, so every caller of POST /api/sessions may be hostile.
 * Creation is rate-limited per address, the store has a session and a byte quota, bodies are
 * capped as documented, and nobody but the facilitator token's holder can register an id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import * as Y from 'yjs';
import { SESSION_ID_RE, controlRoom, randomId } from '@wcb/shared';
import { SqliteStorage } from '@wcb/sync-server';
import { hashToken, sessionIdForHash } from '../../sync-server/src/tokens';
import type { CreateSessionResponse } from '@wcb/shared/wire';
import { hashesOf, mintTokens, ownSession, tokenOfLink } from './helpers/sessions';
import { makeTempDir, startTestServer, type TestServer, type TestServerOptions } from './helpers/test-server';

describe('POST /api/sessions against hostile callers', () => {
  let server: TestServer | undefined;
  const start = async (options: TestServerOptions = {}): Promise<TestServer> => (server = await startTestServer(options));
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const post = (s: TestServer, body: string, headers: Record<string, string> = {}) =>
    fetch(`${s.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const errorOf = async (res: Response): Promise<string> => ((await res.json()) as { error: string }).error;
  const rejections = async (s: TestServer, reason: string): Promise<number> => {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`wcb_rejections_total{reason="${reason}"}`));
    return Number(line?.split(' ')[1] ?? 0);
  };

  describe('rate per address', () => {
    it('lets a burst of 300 creations from one address create only the default burst of 10', async () => {
      const s = await start();
      const answers = await Promise.all(Array.from({ length: 300 }, () => post(s, '{}')));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((st) => st === 201)).toHaveLength(10);
      expect(statuses.filter((st) => st === 429)).toHaveLength(290);
      expect(await s.storage.countSessions()).toBe(10);
      await Promise.all(answers.map((r) => r.body?.cancel()));
    });

    it('answers 429 with Retry-After in seconds and a JSON error, counted in the metrics', async () => {
      const s = await start({ config: { sessionCreateBurst: 2, sessionCreatesPerHour: 60 } });
      expect((await post(s, '{}')).status).toBe(201);
      expect((await post(s, '{}')).status).toBe(201);
      const refused = await post(s, '{}');
      expect(refused.status).toBe(429);
      // One a minute sustained: the next one is at most a minute away.
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await errorOf(refused)).toMatch(/too many sessions created from this address/);
      expect(await rejections(s, 'create-rate-limited')).toBe(1);
    });

    it('counts registrations too, and each address (behind a trusted proxy) separately', async () => {
      const s = await start({ config: { sessionCreateBurst: 1, trustProxy: 1 } });
      const from = (address: string) => ({ 'x-forwarded-for': address });
      const first = ownSession();
      expect((await post(s, JSON.stringify({ id: first.id, tokenHashes: first.tokenHashes }), from('203.0.113.1'))).status).toBe(201);
      const second = ownSession();
      expect((await post(s, JSON.stringify({ id: second.id, tokenHashes: second.tokenHashes }), from('203.0.113.1'))).status).toBe(429);
      expect((await post(s, JSON.stringify({ id: second.id, tokenHashes: second.tokenHashes }), from('203.0.113.2'))).status).toBe(201);
    });
  });

  describe('server-wide quotas', () => {
    it('refuses new sessions with 507 past MAX_SESSIONS, yet answers a registered session\'s retry', async () => {
      const s = await start({ config: { maxSessions: 2 } });
      const own = ownSession();
      expect((await post(s, JSON.stringify({ id: own.id, tokenHashes: own.tokenHashes }))).status).toBe(201);
      expect((await post(s, '{}')).status).toBe(201);

      const created = await post(s, '{}');
      expect(created.status).toBe(507);
      expect(await errorOf(created)).toMatch(/maximum of 2 sessions/);
      const other = ownSession();
      expect((await post(s, JSON.stringify({ id: other.id, tokenHashes: other.tokenHashes }))).status).toBe(507);
      // The browser that registered first and lost the answer must still learn it worked.
      expect((await post(s, JSON.stringify({ id: own.id, tokenHashes: own.tokenHashes }))).status).toBe(200);
      expect(await s.storage.countSessions()).toBe(2);
      expect(await rejections(s, 'sessions-full')).toBe(2);
    });

    it('refuses new sessions with 507 while the store is over MAX_STORAGE_BYTES', async () => {
      const dataDir = await makeTempDir();
      const storage = new SqliteStorage({ dataDir, synchronous: 'NORMAL' });
      // 2 MiB of incompressible bytes in some room: the store is over a 1 MiB quota.
      await storage.append(`${randomId()}/control`, randomBytes(2 * 1024 * 1024));
      const s = await start({ storage, dataDir, config: { maxStorageBytes: 1024 * 1024 } });
      try {
        const res = await post(s, '{}');
        expect(res.status).toBe(507);
        expect(await errorOf(res)).toMatch(/storage is full/);
        const own = ownSession();
        expect((await post(s, JSON.stringify({ id: own.id, tokenHashes: own.tokenHashes }))).status).toBe(507);
        expect(await s.storage.countSessions()).toBe(0);
        expect(await rejections(s, 'storage-full')).toBe(2);
      } finally {
        await s.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });

  describe('body size', () => {
    it('refuses a create without a seed past 64 KiB with 413, even when the body parses', async () => {
      const s = await start();
      const res = await post(s, JSON.stringify({ language: 'en' }) + ' '.repeat(200 * 1024));
      expect(res.status).toBe(413);
      expect(await errorOf(res)).toMatch(/65536 bytes/);
      const own = ownSession();
      const registration = await post(s, JSON.stringify({ id: own.id, tokenHashes: own.tokenHashes, padding: 'x'.repeat(200 * 1024) }));
      expect(registration.status).toBe(413);
      expect(await s.storage.countSessions()).toBe(0);
    });

    it('accepts a registration with a seed larger than 64 KiB (up to MAX_PAYLOAD_BYTES)', async () => {
      const s = await start();
      const own = ownSession();
      const doc = new Y.Doc();
      // In texts of ~55,000 characters: one string past 100,000 breaks the update rules.
      for (const name of ['one', 'two', 'three']) doc.getText(name).insert(0, randomBytes(40 * 1024).toString('base64'));
      const update = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
      const res = await post(s, JSON.stringify({ id: own.id, tokenHashes: own.tokenHashes, seed: [{ room: controlRoom(own.id), update }] }));
      expect(res.status).toBe(201);
      expect((await s.storage.load(controlRoom(own.id))).length).toBe(1);
    });
  });

  describe('ids bound to the facilitator token', () => {
    it('refuses (403) a registration whose id is not derived from its facilitator hash, so a squatter cannot claim an offline session', async () => {
      const s = await start();
      const real = ownSession();
      // Someone who learned the id (over a shoulder, from a QR code) tries to register it first.
      const squatter = await post(s, JSON.stringify({ id: real.id, tokenHashes: hashesOf(mintTokens()) }));
      expect(squatter.status).toBe(403);
      expect(await errorOf(squatter)).toMatch(/derived from tokenHashes\.facilitator/);
      expect(await s.storage.getSession(real.id)).toBeNull();

      const genuine = await post(s, JSON.stringify({ id: real.id, tokenHashes: real.tokenHashes }));
      expect(genuine.status).toBe(201);
      expect((await s.storage.getSession(real.id))?.tokenHashes).toEqual(real.tokenHashes);
    });

    it('gives a server-created session the id derived from its facilitator token', async () => {
      const s = await start();
      const res = await post(s, '{}');
      const body = (await res.json()) as CreateSessionResponse;
      expect(body.id).toMatch(SESSION_ID_RE);
      expect(body.id).toBe(sessionIdForHash(hashToken(tokenOfLink(body.links.facilitator))));
    });

    it('still answers 200 to the retry of a session registered under an older, random id', async () => {
      const s = await start();
      const id = randomId();
      const tokenHashes = hashesOf(mintTokens());
      await s.storage.createSession({ id, createdAt: 1, template: null, language: null, tokenHashes }, []);
      expect((await post(s, JSON.stringify({ id, tokenHashes }))).status).toBe(200);
      expect((await post(s, JSON.stringify({ id, tokenHashes: hashesOf(mintTokens()) }))).status).toBe(409);
    });
  });
});
