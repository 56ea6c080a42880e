import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { addNote, phaseRoom, readNotes } from '@wcb/shared';
import { SqliteStorage } from '@wcb/sync-server';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { connectClient, waitForDoc, type TestClient } from './helpers/clients';
import { createSessionViaApi } from './helpers/sessions';
import { makeTempDir } from './helpers/test-server';

/** `npm start`'s entry point as a real process: what an operator's SIGTERM does to the data. */
describe('the server process', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  async function start(dataDir: string): Promise<ServerProcess> {
    const server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    cleanups.push(() => server.stop());
    return server;
  }
  function client(server: ServerProcess, room: string, token: string): TestClient {
    const c = connectClient(`ws://127.0.0.1:${server.port}/ws`, room, { token });
    cleanups.push(() => c.destroy());
    return c;
  }

  it('on SIGTERM flushes every room into a snapshot, exits 0, and a restarted server has every note', async () => {
    const dataDir = await makeTempDir();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await start(dataDir);
    const session = await createSessionViaApi(first.url, { template: 'world-cafe-ngo', language: 'uk' });
    const room = phaseRoom(session.id, 'ideal');

    const writer = client(first, room, session.tokens.participant);
    const reader = client(first, room, session.tokens.viewer);
    await Promise.all([writer.synced(), reader.synced()]);
    addNote(writer.doc, { topic: 'government', text: 'Взаємодовіра' });
    addNote(writer.doc, { topic: 'ngos', text: 'Мережування' });
    // The server relays only what it has stored, so the reader seeing both means both are on disk.
    await waitForDoc('both notes relayed', reader.doc, (d) => readNotes(d).length === 2);

    expect(await first.stop()).toEqual({ code: 0, signal: null });
    expect(first.output.some((line) => line.includes('"shutting down"'))).toBe(true);

    const storage = new SqliteStorage({ dataDir, synchronous: 'FULL' });
    // Flushed: the room's updates were folded into its snapshot on the way out.
    expect((await storage.stats(room)).updates).toBe(0);
    await storage.close();

    const second = await start(dataDir);
    const later = client(second, room, session.tokens.viewer);
    await later.synced();
    expect(readNotes(later.doc).map((n) => n.text).sort()).toEqual(['Взаємодовіра', 'Мережування']);
  });

  it('refuses to start on a bad setting and says which one', async () => {
    await expect(startServerProcess({ PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });
});
