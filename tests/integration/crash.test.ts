import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { phaseRoom } from '@wcb/shared';
import { APPEND_BATCH } from '../../sync-server/src/room';
import { SqliteStorage } from '@wcb/sync-server';
import { fuzzSeeds } from '../support/fuzz';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { nextEvent, waitUntil } from './helpers/clients';
import { registerSession } from './helpers/sessions';
import { makeTempDir } from './helpers/test-server';

/**
 * Issue 5, durability: a write storm against the real server process, SIGKILLed at random
 * moments and restarted on the same data dir. After every kill, before anyone reconnects (and
 * could re-send what was lost), storage must hold every update any client received from the
 * server: the server relays only what it has committed, so a crash can only lose updates
 * nobody has seen, and the clients that wrote them still have them.
 */

const KILLS = 12;
/** Low, so compaction (snapshot + delete in one transaction) runs many times between kills. */
const COMPACT_AFTER_UPDATES = 50;
/** Writes a writer may have in flight before its room's observer has seen them. */
const WINDOW = 24;
const MAP = 'storm';

/** Per Yjs client id: the end of the clock range seen. A Yjs state vector, built from updates. */
type Clocks = Map<number, number>;

function addClocks(into: Clocks, update: Uint8Array): void {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    if (end > (into.get(struct.id.client) ?? 0)) into.set(struct.id.client, end);
  }
}

/** A stock y-websocket client whose doc outlives server restarts; one provider per server life. */
class StormClient {
  readonly doc = new Y.Doc();
  readonly map = this.doc.getMap<number>(MAP);
  private readonly awareness = new Awareness(this.doc);
  private provider: WebsocketProvider | null = null;
  /** Everything the server ever sent this client that the client integrated. */
  readonly received: Clocks = new Map();
  /** Per writer name: how many of its keys this doc has. */
  readonly keysBy = new Map<string, number>();
  written = 0;

  constructor(
    readonly name: string,
    readonly room: string,
    private readonly token: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin instanceof WebsocketProvider) addClocks(this.received, update);
    });
    this.map.observe(({ changes }) => {
      for (const [key, { action }] of changes.keys) {
        const writer = key.slice(0, key.indexOf('-'));
        if (action === 'add') this.keysBy.set(writer, (this.keysBy.get(writer) ?? 0) + 1);
      }
    });
  }

  connect(server: ServerProcess): void {
    this.provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, this.room, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      awareness: this.awareness,
      params: { token: this.token },
    });
  }

  /**
   * Resolves once this life's socket has closed. `ws` emits 'close' only after every frame that
   * reached us was delivered, so from then on `received` is complete for the dead server.
   */
  async socketClosed(): Promise<void> {
    const ws = this.provider?.ws as WebSocket | null | undefined;
    if (ws && ws.readyState !== WebSocket.CLOSED) await nextEvent(ws, 'close');
  }

  /** Forgets the dead server's provider (and its reconnect timer); the doc and its edits stay. */
  drop(): void {
    this.provider?.destroy();
    this.provider = null;
  }

  /** Keys written by the other clients that this one has. */
  keysFromOthers(): string[] {
    return [...this.map.keys()].filter((key) => !key.startsWith(`${this.name}-`));
  }

  destroy(): void {
    this.drop();
    this.doc.destroy();
  }
}

/** What a check of the killed server's data dir found. */
interface StoredRoom {
  readonly clocks: Clocks;
  readonly keys: Set<string>;
  readonly logLength: number;
  readonly hasSnapshot: boolean;
}

async function readStore(dataDir: string, rooms: readonly string[]): Promise<Map<string, StoredRoom>> {
  // Opening replays the WAL exactly as the next server start would.
  const storage = new SqliteStorage({ dataDir, synchronous: 'FULL' });
  try {
    const found = new Map<string, StoredRoom>();
    for (const room of rooms) {
      const loaded = await storage.load(room);
      const { updates } = await storage.stats(room);
      const doc = new Y.Doc();
      doc.transact(() => loaded.forEach((u) => Y.applyUpdate(doc, u)));
      const clocks: Clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
      const keys = new Set(doc.getMap(MAP).keys());
      found.set(room, { clocks, keys, logLength: updates, hasSnapshot: loaded.length === updates + 1 });
      doc.destroy();
    }
    return found;
  } finally {
    await storage.close();
  }
}

/** Clock ranges a client received that storage does not hold: must always be empty. */
function lostUpdates(client: StormClient, stored: StoredRoom): string[] {
  return [...client.received]
    .filter(([id, end]) => (stored.clocks.get(id) ?? 0) < end)
    .map(([id, end]) => `${client.name}: client ${id} up to clock ${end}, stored ${stored.clocks.get(id) ?? 0}`);
}

describe('durability under SIGKILL', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  for (const seed of fuzzSeeds(1)) {
    it(`keeps every update any client received across ${KILLS} kills in a write storm (seed ${seed})`, { timeout: 120_000 }, async () => {
      await stormWithKills(seed);
    });
  }

  async function stormWithKills(seed: number): Promise<void> {
    // Two streams: the kill schedule is a function of the seed alone, however the bursts interleave.
    const killGen = prng.create(seed);
    const burstGen = prng.create(seed ^ 0x5bd1e995);
    const dataDir = await makeTempDir();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    // Registered straight in the data dir, as a browser registration would have done.
    const registry = new SqliteStorage({ dataDir, synchronous: 'FULL' });
    const session = await registerSession(registry);
    await registry.close();
    const rooms = [phaseRoom(session.id, 'alpha'), phaseRoom(session.id, 'beta')];

    const observers = rooms.map((room, r) => new StormClient(`observer${r}`, room, session.tokens.viewer));
    const writers = rooms.flatMap((room, r) =>
      [0, 1].map((w) => new StormClient(`w${r}${w}`, room, session.tokens.participant)),
    );
    const everyone = [...observers, ...writers];
    cleanups.push(() => everyone.forEach((c) => c.destroy()));
    const observerOf = (writer: StormClient): StormClient => observers[rooms.indexOf(writer.room)]!;
    const seenBy = (observer: StormClient, writer: StormClient): number => observer.keysBy.get(writer.name) ?? 0;

    let storming = true;
    /** Tops up each writer to WINDOW unseen writes, in random bursts: a tight loop with backpressure. */
    const pump = (): void => {
      if (!storming) return;
      for (const writer of writers) {
        const free = WINDOW - (writer.written - seenBy(observerOf(writer), writer));
        const burst = free <= 0 ? 0 : prng.uint32(burstGen, 1, free);
        for (let i = 0; i < burst; i++) writer.map.set(`${writer.name}-${writer.written++}`, i);
      }
    };
    /** Observer updates in the current life: the clock the kills are timed by. */
    let heard = 0;
    for (const observer of observers) {
      observer.doc.on('update', (_u: Uint8Array, origin: unknown) => {
        if (!(origin instanceof WebsocketProvider)) return;
        heard++;
        pump();
      });
    }

    const startLife = async (): Promise<ServerProcess> => {
      const life = await startServerProcess({
        DATA_DIR: dataDir,
        COMPACT_AFTER_UPDATES: String(COMPACT_AFTER_UPDATES),
        // The storm is a load far beyond one person's typing; the rate limits are tested elsewhere.
        MESSAGE_RATE: '1000000',
        MESSAGE_BURST: '1000000',
        MESSAGE_BYTES_PER_SECOND: String(1024 ** 3),
        LOG_LEVEL: 'warn',
      });
      cleanups.push(() => life.stop());
      heard = 0;
      for (const client of everyone) client.connect(life);
      pump();
      return life;
    };

    let snapshotsSeen = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      const server = await startLife();
      // Some kills land while rooms load and clients resync, most in the middle of the storm.
      const roll = prng.uint32(killGen, 0, 9);
      const after = roll < 2 ? 0 : roll < 4 ? prng.uint32(killGen, 1, 4) : prng.uint32(killGen, 20, 300);
      await waitUntil(
        `the observers heard ${after} updates before kill ${kill}`,
        () => heard >= after,
        observers.map((o) => [o.doc, 'update'] as const),
      );
      const exit = await server.kill('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      await Promise.all(everyone.map((c) => c.socketClosed()));
      everyone.forEach((c) => c.drop());

      const stored = await readStore(dataDir, rooms);
      for (const room of rooms) {
        const found = stored.get(room)!;
        const here = everyone.filter((c) => c.room === room);
        expect(here.flatMap((c) => lostUpdates(c, found)), `after kill ${kill} (seed ${seed})`).toEqual([]);
        // Replaying a room stays bounded by the policy even when every life ends in a crash: the
        // threshold, plus at most one batch stored before the compaction it triggered.
        expect(found.logLength).toBeLessThanOrEqual(COMPACT_AFTER_UPDATES + APPEND_BATCH - 1);
        if (found.hasSnapshot) snapshotsSeen++;
      }
    }
    expect(snapshotsSeen, 'compaction ran (and survived) between kills').toBeGreaterThan(0);

    // The last life: the storm stops, everyone converges, and a clean stop flushes the rest.
    const server = await startLife();
    storming = false;
    const total = (room: string): number =>
      writers.filter((w) => w.room === room).reduce((sum, w) => sum + w.written, 0);
    for (const client of everyone) {
      await waitUntil(`${client.name} has every write of its room`, () => client.map.size === total(client.room), [
        [client.doc, 'update'],
      ]);
    }
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    everyone.forEach((c) => c.drop());

    const stored = await readStore(dataDir, rooms);
    for (const room of rooms) {
      const found = stored.get(room)!;
      const here = everyone.filter((c) => c.room === room);
      expect(here.flatMap((c) => lostUpdates(c, found))).toEqual([]);
      expect(here.flatMap((c) => c.keysFromOthers()).filter((key) => !found.keys.has(key))).toEqual([]);
      expect(found.keys.size).toBe(total(room));
      expect(found.logLength).toBe(0); // the clean stop folded the log into the snapshot
    }
  }
});
