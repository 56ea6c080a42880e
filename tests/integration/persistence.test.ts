import { afterEach, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as Y from 'yjs';
import { controlRoom, phaseRoom } from '@wcb/shared';
import { CloseCode } from '@wcb/shared/wire';
import { SqliteStorage } from '@wcb/sync-server';
import { connectClient, nextEvent, waitForDoc, type TestClient } from './helpers/clients';
import { ControlledStorage, createGate } from './helpers/controlled-storage';
import { RawPeer } from './helpers/raw-peer';
import { registerSession } from './helpers/sessions';
import { makeTempDir, startTestServer, type TestServer } from './helpers/test-server';

const noteText = (doc: Y.Doc, id: string): unknown => doc.getMap<Y.Map<unknown>>('notes').get(id)?.get('text');

function writeNote(doc: Y.Doc, id: string, text: string): void {
  const note = new Y.Map<unknown>();
  note.set('text', text);
  doc.getMap<Y.Map<unknown>>('notes').set(id, note);
}

/** Resolves with whatever `read` returns at the very moment of the client's first sync(true). */
function readAtFirstSync<T>(client: TestClient, read: (doc: Y.Doc) => T): Promise<T> {
  return nextEvent<[boolean]>(client.provider, 'sync', (state) => state).then(() => read(client.doc));
}

/**
 * Resolves when the next websocket client's first frame reaches the server. The server's own
 * 'data' listener was attached during the upgrade, before ours, so by the time this resolves
 * the server has already handled that frame.
 */
function nextClientFrame(server: TestServer): Promise<void> {
  return new Promise((resolve) => {
    server.server.http.once('upgrade', (_req: IncomingMessage, socket: Duplex) => socket.once('data', () => resolve()));
  });
}

/** Real SQLite whose next load rejects (a locked or unreadable file), recording every write. */
class FlakyLoadSqlite extends SqliteStorage {
  failNextLoad = false;
  readonly writes: string[] = [];

  override async load(room: string): Promise<Uint8Array[]> {
    if (this.failNextLoad) {
      this.failNextLoad = false;
      throw new Error('simulated load failure');
    }
    return super.load(room);
  }

  override async append(room: string, update: Uint8Array): Promise<number> {
    this.writes.push(`append ${room}`);
    return super.append(room, update);
  }

  override async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.writes.push(`compact ${room}`);
    return super.compact(room, snapshot, throughSeq);
  }
}

describe('persistence', () => {
  const clients: TestClient[] = [];
  const servers: TestServer[] = [];
  const dirs: string[] = [];
  const cleanupPeers: RawPeer[] = [];
  /** The facilitator token of the test's session: it may write every room. */
  let token = '';
  const join = (server: TestServer, room: string): TestClient => {
    const client = connectClient(server.wsUrl, room, { token });
    clients.push(client);
    return client;
  };
  const start = async (...args: Parameters<typeof startTestServer>): Promise<TestServer> => {
    const server = await startTestServer(...args);
    servers.push(server);
    return server;
  };
  const tempDir = async (): Promise<string> => {
    const dir = await makeTempDir();
    dirs.push(dir);
    return dir;
  };
  /** A session on controlled storage, its server, and two synced facilitators in one phase room. */
  const twoOnControlledStorage = async () => {
    const storage = new ControlledStorage();
    const session = await registerSession(storage);
    token = session.tokens.facilitator;
    const room = phaseRoom(session.id, 'ideas');
    const server = await start({ storage });
    const alice = join(server, room);
    const bob = join(server, room);
    await Promise.all([alice.synced(), bob.synced()]);
    return { storage, room, server, alice, bob };
  };

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const peer of cleanupPeers.splice(0)) peer.close();
    for (const server of servers.splice(0)) await server.stop();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a note written before a server restart, and a fresh client has it at its first sync', async () => {
    const dataDir = await tempDir();
    const first = await start({ dataDir });
    const session = await registerSession(first.storage);
    token = session.tokens.facilitator;
    const room = phaseRoom(session.id, 'ideas');
    const writer = join(first, room);
    const observer = join(first, room);
    await Promise.all([writer.synced(), observer.synced()]);
    writeNote(writer.doc, 'n1', 'Shared kitchen garden');
    // Relayed means stored: the observer seeing it proves the server appended it.
    await waitForDoc('observer has the note', observer.doc, (d) => noteText(d, 'n1') !== undefined);
    await first.stop();

    const second = await start({ dataDir });
    const reader = join(second, room);
    expect(await readAtFirstSync(reader, (d) => noteText(d, 'n1'))).toBe('Shared kitchen garden');
  });

  it('never reports synced before the stored state is loaded', async () => {
    const storage = new ControlledStorage();
    const session = await registerSession(storage);
    token = session.tokens.facilitator;
    const room = controlRoom(session.id);
    const stored = new Y.Doc();
    writeNote(stored, 'n1', 'stored before anyone connected');
    await storage.inner.append(room, Y.encodeStateAsUpdate(stored));
    storage.loadGate = createGate();
    const server = await start({ storage });

    const loading = storage.next('load');
    const firstFrame = nextClientFrame(server);
    const client = join(server, room);
    const atFirstSync = readAtFirstSync(client, (d) => noteText(d, 'n1'));
    await Promise.all([loading, firstFrame]);
    // The server now holds the client's sync step 1 while the room is still loading.
    expect(client.provider.synced).toBe(false);
    storage.loadGate.open();
    expect(await atFirstSync).toBe('stored before anyone connected');
  });

  it('relays an update to other clients only after storage accepted it', async () => {
    const { storage, alice, bob } = await twoOnControlledStorage();

    storage.appendGate = createGate();
    const appending = storage.next('append');
    writeNote(alice.doc, 'n1', 'held');
    await appending;
    // Awareness is not persisted, so it overtakes the held update: once Bob sees Alice's
    // presence, the server has handled everything Alice sent so far.
    alice.provider.awareness.setLocalStateField('name', 'Alice');
    await nextEvent(bob.provider.awareness, 'change', () =>
      bob.provider.awareness.getStates().get(alice.doc.clientID)?.['name'] === 'Alice',
    );
    expect(noteText(bob.doc, 'n1')).toBeUndefined();

    storage.appendGate.open();
    await waitForDoc('bob gets the note once stored', bob.doc, (d) => noteText(d, 'n1') === 'held');
  });

  it('closes clients with 4500 when a room fails to load, writes nothing, and recovers on reconnect', async () => {
    const storage = new ControlledStorage();
    const session = await registerSession(storage);
    token = session.tokens.facilitator;
    const room = controlRoom(session.id);
    const stored = new Y.Doc();
    writeNote(stored, 'kept', 'must survive');
    await storage.inner.append(room, Y.encodeStateAsUpdate(stored));
    storage.failLoads = true;
    const server = await start({ storage });

    const client = join(server, room);
    writeNote(client.doc, 'local', 'made while the server was failing');
    const [event] = await nextEvent<[{ code: number } | null]>(client.provider, 'connection-close');
    expect(event?.code).toBe(4500);
    expect(storage.calls.append).toEqual([]);

    storage.failLoads = false; // the stock client retries 4500 on its own
    await client.synced();
    expect(noteText(client.doc, 'kept')).toBe('must survive');
    const peer = join(server, room);
    await peer.synced();
    await waitForDoc('the offline note reached the server', peer.doc, (d) => noteText(d, 'local') !== undefined);
  });

  it('closes the room with 4501 when a write fails, and the edit is stored once clients reconnect', async () => {
    const { storage, room, alice, bob } = await twoOnControlledStorage();

    storage.failAppends = true;
    const closed = nextEvent<[{ code: number } | null]>(alice.provider, 'connection-close');
    writeNote(alice.doc, 'n1', 'written during a disk hiccup');
    const [event] = await closed;
    expect(event?.code).toBe(4501);
    expect(noteText(bob.doc, 'n1')).toBeUndefined(); // never relayed unstored

    storage.failAppends = false;
    // Alice still has the note; her sync step 2 on reconnect hands it to the reloaded room.
    await waitForDoc('bob gets the note after the reconnect', bob.doc, (d) => noteText(d, 'n1') !== undefined);
    expect((await storage.stats(room)).updates).toBeGreaterThan(0);
  });

  it('collapses the update log into a snapshot past the threshold, and a restart yields the same state', async () => {
    const dataDir = await tempDir();
    const first = await start({ dataDir, config: { compactAfterUpdates: 10 } });
    const session = await registerSession(first.storage);
    token = session.tokens.facilitator;
    const room = phaseRoom(session.id, 'ideas');
    const writer = join(first, room);
    const observer = join(first, room);
    await Promise.all([writer.synced(), observer.synced()]);

    for (let i = 0; i < 25; i++) writeNote(writer.doc, `n${i}`, `idea ${i}`);
    await waitForDoc('observer has all notes', observer.doc, (d) => d.getMap('notes').size === 25);
    // The compaction the last stored batch triggered runs after its relay, beside later ones.
    await expect.poll(async () => (await first.storage.stats(room)).updates, { timeout: 10_000 }).toBeLessThan(10);
    const stats = await first.storage.stats(room);
    expect(await first.storage.load(room)).toHaveLength(stats.updates + 1);
    const expected = writer.doc.getMap('notes').toJSON();
    await first.stop();

    // The last peer leaving (here: the shutdown) compacts the rest too.
    const reopened = new SqliteStorage({ dataDir, synchronous: 'NORMAL' });
    expect(await reopened.load(room)).toHaveLength(1);
    await reopened.close();

    const second = await start({ dataDir });
    const reader = join(second, room);
    await reader.synced();
    expect(reader.doc.getMap('notes').toJSON()).toEqual(expected);
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc));
  });

  it('leaves a SQLite room byte for byte as it was when its load fails once, and the next join loads it whole', async () => {
    const dataDir = await tempDir();
    const storage = new FlakyLoadSqlite({ dataDir, synchronous: 'NORMAL' });
    const session = await registerSession(storage);
    token = session.tokens.facilitator;
    const room = controlRoom(session.id);
    // A snapshot and a log after it: what a failed room could clobber with a snapshot of its empty doc.
    const stored = new Y.Doc();
    writeNote(stored, 'old', 'in the snapshot');
    const seq = await storage.append(room, Y.encodeStateAsUpdate(stored));
    await storage.compact(room, Y.encodeStateAsUpdate(stored), seq);
    const appended = nextEvent<[Uint8Array]>(stored, 'update');
    writeNote(stored, 'new', 'in the log');
    await storage.append(room, (await appended)[0]);
    const rows = await storage.load(room);
    storage.writes.length = 0;
    storage.failNextLoad = true;
    const server = await start({ storage });

    // A client with an offline edit arrives while the load fails: its step 2 must not be stored
    // on top of a doc that is missing the stored state.
    const first = await RawPeer.connect(server.wsUrl, room, token);
    const offline = new Y.Doc();
    writeNote(offline, 'offline', 'made without the server');
    first.sendStep2(Y.encodeStateAsUpdate(offline));
    // Any message at all would mean the room went on without its stored state.
    const served = first.waitFor('a message', () => first.received.length > 0).then(
      () => 'a message from a room that failed to load',
      () => 'no message within the wait',
    );
    expect(await Promise.race([first.closed.then(({ code }) => code), served])).toBe(CloseCode.RoomLoadFailed);

    // A new instance loads only after the failed one has retired and flushed, so by now it is done.
    const second = await RawPeer.join(server.wsUrl, room, token);
    cleanupPeers.push(second);
    const loaded = await second.roundTrip();
    expect(noteText(loaded, 'old')).toBe('in the snapshot');
    expect(noteText(loaded, 'new')).toBe('in the log');
    expect(noteText(loaded, 'offline')).toBeUndefined(); // a stock client re-sends it on reconnect
    expect(storage.writes).toEqual([]);
    expect(await storage.load(room)).toEqual(rows);
  });
});
