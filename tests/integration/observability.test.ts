import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, controlRoom, phaseRoom, randomId, readNotes } from '@wcb/shared';
import { createJsonLogger } from '@wcb/sync-server';
import { connectClient, waitForDoc, type TestClient } from './helpers/clients';
import { ControlledStorage } from './helpers/controlled-storage';
import { RawPeer } from './helpers/raw-peer';
import { createSessionViaApi, registerSession } from './helpers/sessions';
import { startTestServer, type TestServer } from './helpers/test-server';

/** The sample `name{labels} value` from Prometheus text, or undefined when it is absent. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const prefix = labels ? `${name}{${labels}} ` : `${name} `;
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(prefix.length));
}

describe('observability endpoints and logs', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
    const s = await startTestServer(options);
    cleanups.push(() => s.stop());
    return s;
  }
  function client(s: TestServer, room: string, token: string): TestClient {
    const c = connectClient(s.wsUrl, room, { token });
    cleanups.push(() => c.destroy());
    return c;
  }
  const scrape = async (s: TestServer, headers: Record<string, string> = {}): Promise<string> => {
    const res = await fetch(`${s.url}/metrics`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('serves Prometheus metrics whose counters move when clients sync and write', async () => {
    const s = await server();
    const before = await scrape(s);
    for (const name of ['wcb_connections', 'wcb_rooms', 'wcb_messages_in_total', 'wcb_messages_out_total',
      'wcb_bytes_in_total', 'wcb_bytes_out_total']) {
      expect(sample(before, name), name).toBe(0);
    }
    expect(before).toContain('# TYPE wcb_rejections_total counter');
    expect(before).toContain('# TYPE wcb_persist_seconds histogram');
    // Default process metrics come along.
    expect(before).toMatch(/^process_cpu_user_seconds_total /m);
    expect(before).toMatch(/^nodejs_eventloop_lag_seconds /m);

    const session = await createSessionViaApi(s.url, { template: 'world-cafe-ngo', language: 'en' });
    const room = phaseRoom(session.id, 'ideal');
    const writer = client(s, room, session.tokens.participant);
    const reader = client(s, room, session.tokens.viewer);
    await Promise.all([writer.synced(), reader.synced()]);
    addNote(writer.doc, { topic: 'government', text: 'Mutual trust' });
    // Relayed only once stored: the append has been timed by now.
    await waitForDoc('the note relayed', reader.doc, (d) => readNotes(d).length === 1);

    const after = await scrape(s);
    expect(sample(after, 'wcb_connections')).toBe(2);
    // The phase room and the control room it leases.
    expect(sample(after, 'wcb_rooms')).toBe(2);
    expect(sample(after, 'wcb_messages_in_total')).toBeGreaterThan(0);
    expect(sample(after, 'wcb_messages_out_total')).toBeGreaterThan(0);
    expect(sample(after, 'wcb_bytes_in_total')).toBeGreaterThan(sample(after, 'wcb_messages_in_total')!);
    expect(sample(after, 'wcb_bytes_out_total')).toBeGreaterThan(0);
    expect(sample(after, 'wcb_persist_seconds_count', 'kind="append"')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'wcb_persist_seconds_bucket', 'le="0.0005",kind="append"')).toBeDefined();
    expect(sample(after, 'wcb_persist_seconds_bucket', 'le="+Inf",kind="append"')).toBe(
      sample(after, 'wcb_persist_seconds_count', 'kind="append"'),
    );
  });

  it('counts a connection with a wrong token under its rejection reason', async () => {
    const s = await server();
    const session = await registerSession(s.storage);
    const refused = await RawPeer.connect(s.wsUrl, controlRoom(session.id), randomId());
    expect(await refused.closed).toEqual({ code: 4401, reason: 'unauthorized' });
    const text = await scrape(s);
    expect(sample(text, 'wcb_rejections_total', 'reason="unauthorized"')).toBe(1);
    expect(sample(text, 'wcb_connections')).toBe(0);
  });

  it('counts a write from a viewer as write-denied and a message that cannot be read as malformed', async () => {
    const s = await server();
    const session = await registerSession(s.storage);
    const room = phaseRoom(session.id, 'ideas');
    const viewer = await RawPeer.join(s.wsUrl, room, session.tokens.viewer);
    cleanups.push(() => viewer.close());
    const doc = new Y.Doc();
    doc.getMap('notes').set('x', 1);
    viewer.sendUpdate(Y.encodeStateAsUpdate(doc));
    viewer.sendUpdate(Y.encodeStateAsUpdate(doc));
    await viewer.roundTrip();
    const broken = await RawPeer.join(s.wsUrl, room, session.tokens.participant);
    broken.send(Uint8Array.from([0, 9])); // a sync message with a step that does not exist
    expect((await broken.closed).code).toBe(1007);
    const text = await scrape(s);
    expect(sample(text, 'wcb_rejections_total', 'reason="write-denied"')).toBe(2);
    expect(sample(text, 'wcb_rejections_total', 'reason="malformed"')).toBe(1);
  });

  it('wants the bearer token for /metrics when METRICS_TOKEN is set', async () => {
    const s = await server({ config: { metricsToken: 'scrape-secret' } });
    expect((await fetch(`${s.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${s.url}/metrics`, { headers: { authorization: 'Bearer not-it' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect(await scrape(s, { authorization: 'Bearer scrape-secret' })).toContain('wcb_connections');
  });

  it('is ready while storage answers and not ready, with the reason, once it stops answering', async () => {
    const storage = new ControlledStorage();
    const s = await server({ storage });
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ ok: true });

    storage.failPings = true;
    const down = await fetch(`${s.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, reason: 'storage unavailable' });
    // Liveness is about the process, which is fine.
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, rooms: 0, connections: 0 });

    storage.failPings = false;
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
  });

  it('logs JSON lines through pino, with levels, and no token when authentication fails', async () => {
    const lines: string[] = [];
    const s = await server({ logger: createJsonLogger('debug', (line) => lines.push(line)) });
    const session = await registerSession(s.storage);
    const wrong = randomId();
    const refused = await RawPeer.connect(s.wsUrl, controlRoom(session.id), wrong);
    await refused.closed;
    await s.stop();

    expect(lines.length).toBeGreaterThan(0);
    const entries = lines.map((line) => {
      expect(line.endsWith('\n')).toBe(true);
      return JSON.parse(line) as Record<string, unknown>;
    });
    for (const entry of entries) {
      expect(['debug', 'info', 'warn', 'error']).toContain(entry.level);
      expect(typeof entry.time).toBe('string');
      expect(typeof entry.msg).toBe('string');
    }
    const rejection = entries.find((e) => e.msg === 'rejected websocket: unauthorized');
    expect(rejection).toMatchObject({ level: 'info', session: session.id });
    for (const token of [wrong, ...Object.values(session.tokens)]) {
      expect(lines.join('')).not.toContain(token);
    }
  });

  it('redacts fields named token or authorization, even one level down', () => {
    const lines: string[] = [];
    const logger = createJsonLogger('info', (line) => lines.push(line));
    logger.info('careless', { token: 'secret-1', req: { authorization: 'Bearer secret-2' }, error: new Error('boom') });
    logger.debug('below the level');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/secret-/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      msg: 'careless',
      token: '[redacted]',
      req: { authorization: '[redacted]' },
      error: { name: 'Error', message: 'boom' },
    });
  });
});
