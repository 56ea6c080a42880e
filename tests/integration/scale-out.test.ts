/**
 * Scale-out (issue 5, part 6): several instances on one PostgreSQL database and one Redis,
 * with stock y-websocket clients on each. Real services, started per file (helpers/services.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { join } from 'node:path';
import { phaseRoom } from '@wcb/shared';
import { DEFAULTS, PostgresStorage, createSyncServer, loadConfig, silentLogger } from '@wcb/sync-server';
import type { Logger, ServerConfig, Storage, SyncServer } from '@wcb/sync-server';
import { RedisRoomBus } from '../../sync-server/src/cluster/redis-bus';
import type { RoomBus } from '../../sync-server/src/cluster/bus';
import { decodeFrame } from '../../sync-server/src/cluster/frame';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { connectClient, waitForDoc, waitUntil, type TestClient } from './helpers/clients';
import { registerSession, type TestSession } from './helpers/sessions';
import { makeTempDir } from './helpers/test-server';
import { skippedName, systemSkipReason } from '../support/system-deps';
import {
  SERVICE_START_MS,
  startPostgres,
  startRedis,
  type PostgresService,
  type RedisService,
} from './helpers/services';

const notes = (doc: Y.Doc): Y.Map<string> => doc.getMap<string>('notes');
const hasNotes = (doc: Y.Doc, keys: readonly string[]): boolean => keys.every((key) => notes(doc).has(key));

async function storedDoc(storage: Storage, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await storage.load(room)) Y.applyUpdate(doc, update);
  return doc;
}

const presentNames = (client: TestClient): unknown[] =>
  [...client.provider.awareness.getStates().values()].map((state) => (state as { name?: unknown }).name);

// \`npm test\` installs the services first; with CI set a missing one must fail, not skip.
const skipReason = systemSkipReason(['redis-server', 'postgres']);

describe('scale-out settings', () => {
  it('reads DATABASE_URL, REDIS_URL and INSTANCE_ID, and rejects a wrong URL without echoing it', () => {
    const env = { DATABASE_URL: 'postgres://u:pw@db/board', REDIS_URL: 'redis://cache:6379', INSTANCE_ID: 'eu-1' };
    expect(loadConfig(env, [])).toMatchObject({
      databaseUrl: 'postgres://u:pw@db/board',
      redisUrl: 'redis://cache:6379',
      instanceId: 'eu-1',
    });
    expect(loadConfig({}, [])).toMatchObject({ databaseUrl: null, redisUrl: null });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@db/x' }, [])).toThrow(/DATABASE_URL must be a URL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@db/x' }, [])).not.toThrow(/secret/);
    expect(() => loadConfig({ INSTANCE_ID: 'a b' }, [])).toThrow(/INSTANCE_ID/);
  });
});

describe.skipIf(skipReason !== null)(skippedName('scale-out on Redis + PostgreSQL', skipReason), () => {
  let postgres: PostgresService;
  let redis: RedisService;
  let dataDir: string;
  const cleanups: (() => Promise<void> | void)[] = [];

  // initdb alone takes over 10 s (the default hook timeout) on a busy 2-core machine.
  beforeAll(async () => {
    [postgres, redis, dataDir] = await Promise.all([startPostgres(), startRedis(), makeTempDir()]);
  }, SERVICE_START_MS);
  afterAll(async () => {
    await Promise.all([redis?.stop(), postgres?.stop()]);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A PostgresStorage on `url` for the test's own reads and registrations. */
  function openStorage(url: string): PostgresStorage {
    const storage = new PostgresStorage({ connectionString: url });
    cleanups.push(() => storage.close());
    return storage;
  }

  function client(wsUrl: string, room: string, token: string, doc?: Y.Doc): TestClient {
    const c = connectClient(wsUrl, room, { token, ...(doc ? { doc } : {}) });
    cleanups.push(() => c.destroy());
    return c;
  }

  it('serves one session from two instances and loses nothing when one is killed', async () => {
    const databaseUrl = await postgres.createDatabase();
    const storage = openStorage(databaseUrl);
    const session = await registerSession(storage);
    const room = phaseRoom(session.id, 'ideas');
    const env = (id: string): Record<string, string> => ({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      INSTANCE_ID: id,
      DATA_DIR: join(dataDir, id),
      STATIC_DIR: join(dataDir, 'no-client-build'),
      LOG_LEVEL: 'warn',
      // Compacting every few updates while both instances append: a snapshot must never drop
      // the other instance's rows (cluster/room-link.ts, coveringSnapshot).
      COMPACT_AFTER_UPDATES: '3',
    });
    const [a, b] = await Promise.all([startServerProcess(env('a')), startServerProcess(env('b'))]);
    cleanups.push(() => b.stop().then(() => {}), () => a.stop().then(() => {}));
    const wsOf = (server: ServerProcess): string => `ws://127.0.0.1:${server.port}/ws`;
    const token = session.tokens.participant;

    const onA = client(wsOf(a), room, token);
    const onB = client(wsOf(b), room, token);
    await Promise.all([onA.synced(), onB.synced()]);

    // Edits cross in both directions.
    notes(onA.doc).set('a-1', 'written on A');
    await waitForDoc('B sees the note made on A', onB.doc, (d) => hasNotes(d, ['a-1']));
    notes(onB.doc).set('b-1', 'written on B');
    await waitForDoc('A sees the note made on B', onA.doc, (d) => hasNotes(d, ['b-1']));

    // Presence crosses too.
    onA.provider.awareness.setLocalStateField('name', 'Ann');
    onB.provider.awareness.setLocalStateField('name', 'Bo');
    await waitUntil('B shows Ann', () => presentNames(onB).includes('Ann'), [[onB.provider.awareness, 'change']]);
    await waitUntil('A shows Bo', () => presentNames(onA).includes('Bo'), [[onA.provider.awareness, 'change']]);

    // Concurrent writing on both instances.
    const written = ['a-1', 'b-1'];
    for (let i = 0; i < 25; i++) {
      notes(onA.doc).set(`a-storm-${i}`, `A ${i}`);
      notes(onB.doc).set(`b-storm-${i}`, `B ${i}`);
      written.push(`a-storm-${i}`, `b-storm-${i}`);
    }
    await Promise.all([
      waitForDoc('A has every storm note', onA.doc, (d) => hasNotes(d, written)),
      waitForDoc('B has every storm note', onB.doc, (d) => hasNotes(d, written)),
    ]);

    // A dies without a goodbye; its client keeps editing offline, then moves to B.
    expect((await a.kill('SIGKILL')).signal).toBe('SIGKILL');
    notes(onA.doc).set('a-offline', 'written while A was dead');
    written.push('a-offline');
    onA.provider.destroy(); // the stock client would retry A forever; a load balancer would send it to B
    const moved = client(wsOf(b), room, token, onA.doc);
    await moved.synced();
    moved.provider.awareness.setLocalStateField('name', 'Ann');
    notes(moved.doc).set('a-after', 'written after moving to B');
    notes(onB.doc).set('b-after', 'written on B after the kill');
    written.push('a-after', 'b-after');
    await Promise.all([
      waitForDoc('the moved client has everything', moved.doc, (d) => hasNotes(d, written)),
      waitForDoc('B’s own client has everything', onB.doc, (d) => hasNotes(d, written)),
    ]);

    // Everything ever written is in PostgreSQL (read with a fresh adapter, as a third instance would).
    await b.stop();
    const stored = await storedDoc(storage, room);
    expect(written.filter((key) => !notes(stored).has(key))).toEqual([]);
    expect(notes(stored).toJSON()).toEqual(notes(moved.doc).toJSON());
  });

  describe('reconcile through Redis', () => {
    interface Instance {
      readonly wsUrl: string;
      readonly server: SyncServer;
    }

    /** A server in this process on the shared database and Redis, with hooks into its storage and bus. */
    async function startInstance(
      id: string,
      storage: Storage,
      bus: RoomBus,
      overrides: Partial<ServerConfig> = {},
    ): Promise<Instance> {
      const config: ServerConfig = {
        ...DEFAULTS,
        port: 0,
        host: '127.0.0.1',
        dataDir: join(dataDir, id),
        staticDir: join(dataDir, 'no-client-build'),
        instanceId: id,
        ...overrides,
      };
      const logger: Logger = silentLogger;
      const server = createSyncServer(config, { storage, bus, logger });
      const { port } = await server.listen();
      cleanups.push(() => server.close());
      return { wsUrl: `ws://127.0.0.1:${port}/ws`, server };
    }

    function redisBus(id: string): RedisRoomBus {
      return new RedisRoomBus({ url: redis.url, instanceId: id, logger: silentLogger });
    }

    /** A bus that loses every update it is asked to publish while `dropping` (Redis pub/sub may). */
    function lossy(inner: RoomBus): RoomBus & { dropping: boolean; dropped: Promise<void> } {
      let signal = (): void => {};
      const dropped = new Promise<void>((resolve) => (signal = resolve));
      const bus = {
        dropping: false,
        dropped,
        get instanceId() {
          return inner.instanceId;
        },
        clustered: inner.clustered,
        publish(room: string, frame: Uint8Array) {
          const message = decodeFrame(frame)?.message;
          // [0, 2, …]: a sync update, published only after it was persisted.
          if (bus.dropping && message?.[0] === 0 && message[1] === 2) return signal();
          inner.publish(room, frame);
        },
        subscribe: inner.subscribe.bind(inner),
        unsubscribe: inner.unsubscribe.bind(inner),
        onReconnect: inner.onReconnect.bind(inner),
        close: inner.close.bind(inner),
      };
      return bus;
    }

    async function setUp(): Promise<{ session: TestSession; room: string; databaseUrl: string }> {
      const databaseUrl = await postgres.createDatabase();
      const session = await registerSession(openStorage(databaseUrl));
      return { session, room: phaseRoom(session.id, 'ideas'), databaseUrl };
    }

    it('brings a room loaded while a frame was dropped up to date with a sync step 1', async () => {
      const { session, room, databaseUrl } = await setUp();
      const token = session.tokens.participant;
      const busA = lossy(redisBus('a'));
      const a = await startInstance('a', new PostgresStorage({ connectionString: databaseUrl }), busA);
      const onA = client(a.wsUrl, room, token);
      await onA.synced();
      notes(onA.doc).set('before', 'stored before B loads');

      // B's load of the phase room is slow: it has read storage, and the room is not ready yet.
      const storageB = new PostgresStorage({ connectionString: databaseUrl });
      let release = (): void => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let readStorage = (): void => {};
      const hasRead = new Promise<void>((resolve) => (readStorage = resolve));
      const slowLoad = storageB.load.bind(storageB);
      storageB.load = async (name: string) => {
        const updates = await slowLoad(name);
        if (name !== room) return updates;
        readStorage();
        await gate;
        return updates;
      };
      const b = await startInstance('b', storageB, redisBus('b'));
      const onB = client(b.wsUrl, room, token);
      await hasRead;

      // Meanwhile A stores a note and Redis loses the frame that would have told B.
      busA.dropping = true;
      notes(onA.doc).set('dropped', 'its frame never reached B');
      await busA.dropped;
      busA.dropping = false;
      release();

      await onB.synced();
      await waitForDoc('B converges through the reconcile', onB.doc, (d) => hasNotes(d, ['before', 'dropped']));
      // And edits flow on as usual afterwards.
      notes(onB.doc).set('after', 'from B');
      await waitForDoc('A gets B’s later note', onA.doc, (d) => hasNotes(d, ['after']));
    });

    it('compacts on one instance without dropping what another appended and has not told it yet', async () => {
      const { session, room, databaseUrl } = await setUp();
      const token = session.tokens.participant;
      /**
       * Resolves once a compaction of `room` through `storage` has stored a snapshot holding the
       * note `key` (an earlier compaction still finishing does not count).
       */
      const watchCompactions = (storage: PostgresStorage): ((key: string) => Promise<void>) => {
        const waiting: { key: string; resolve: () => void }[] = [];
        const compact = storage.compact.bind(storage);
        storage.compact = async (name, snapshot, throughSeq) => {
          await compact(name, snapshot, throughSeq);
          if (name !== room) return;
          const doc = new Y.Doc();
          Y.applyUpdate(doc, snapshot);
          for (const waiter of waiting.filter((w) => notes(doc).has(w.key))) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve();
          }
          doc.destroy();
        };
        return (key) => new Promise<void>((resolve) => waiting.push({ key, resolve }));
      };
      const storageA = new PostgresStorage({ connectionString: databaseUrl });
      const storageB = new PostgresStorage({ connectionString: databaseUrl });
      const compactedA = watchCompactions(storageA);
      const compactedB = watchCompactions(storageB);
      const busB = lossy(redisBus('b'));
      const everyUpdate = { compactAfterUpdates: 1 };
      const a = await startInstance('a', storageA, redisBus('a'), everyUpdate);
      const b = await startInstance('b', storageB, busB, everyUpdate);
      const onA = client(a.wsUrl, room, token);
      const onB = client(b.wsUrl, room, token);
      await Promise.all([onA.synced(), onB.synced()]);
      // The load-time reconcile rounds may still be running. A publishes its step 1 before any
      // later update, and B answers a step 1 the moment it gets it; so once A's next note has
      // reached B, B has sent A everything it ever will from those rounds.
      notes(onA.doc).set('round-done', 'ordered after the reconcile');
      await waitForDoc('B has A’s note', onB.doc, (d) => hasNotes(d, ['round-done']));

      // B stores a note (and compacts), but its frame to A is lost: A's doc lacks it.
      busB.dropping = true;
      const bCompacted = compactedB('from-b');
      notes(onB.doc).set('from-b', 'A has not heard of this');
      await Promise.all([busB.dropped, bCompacted]);
      expect(notes(onA.doc).has('from-b')).toBe(false);

      // A appends after it and compacts through a later seq: its snapshot must still hold B's note.
      const aCompacted = compactedA('from-a');
      notes(onA.doc).set('from-a', 'compacted right away');
      await aCompacted;
      const stored = await storedDoc(storageA, room);
      expect(hasNotes(stored, ['from-a', 'from-b'])).toBe(true);
    });

    it('reconciles every loaded room after Redis restarts and lost what it was carrying', async () => {
      const { session, room, databaseUrl } = await setUp();
      const token = session.tokens.participant;
      const a = await startInstance('a', new PostgresStorage({ connectionString: databaseUrl }), redisBus('a'));
      const b = await startInstance('b', new PostgresStorage({ connectionString: databaseUrl }), redisBus('b'));
      const onA = client(a.wsUrl, room, token);
      const onB = client(b.wsUrl, room, token);
      await Promise.all([onA.synced(), onB.synced()]);
      notes(onA.doc).set('first', 'crosses normally');
      await waitForDoc('B has the first note', onB.doc, (d) => hasNotes(d, ['first']));

      await redis.kill(); // pub/sub keeps nothing: whatever A publishes now is gone
      notes(onA.doc).set('while-down', 'written while Redis was down');
      notes(onB.doc).set('b-while-down', 'B wrote too');
      await redis.restart();

      await Promise.all([
        waitForDoc('B catches up after the restart', onB.doc, (d) => hasNotes(d, ['while-down'])),
        waitForDoc('A catches up after the restart', onA.doc, (d) => hasNotes(d, ['b-while-down'])),
      ]);
    });
  });
});
