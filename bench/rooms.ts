import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { addNote, initPhaseDoc, moveNote, phaseRoom } from '@wcb/shared';
import { EncodedDoc } from '../sync-server/src/doc-state/encoded-doc';
import { SqliteStorage } from '@wcb/sync-server';
import { BenchClient } from './lib/bench-client';
import { memoryOf, startOurServer } from './lib/server';
import { controlSeed, registerSession, sessionId } from './lib/sessions';
import { round, timeMedian } from './lib/stats';
import type { Figure } from './lib/report';

const MB = 1024 * 1024;
// Enough rooms that per-room memory stands out from the process's own noise.
const ROOMS = 40;
const NOTES = 500;
const HISTORY = 10_000;

function roomOf500(session: string, phaseId = 'p1'): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, session, phaseId);
  doc.transact(() => {
    for (let i = 0; i < NOTES; i++) addNote(doc, { topic: 'government', text: `note ${i} about trust and transparency`, x: (i % 10) * 216, y: Math.floor(i / 10) * 166 }, i, `n${i}`);
  });
  return doc;
}

/** g. Server memory per loaded room of 500 notes (one client each), from the real server's RSS. */
async function memoryPerRoom(): Promise<Figure> {
  const server = await startOurServer();
  const clients: BenchClient[] = [];
  try {
    const urls: string[] = [];
    for (let i = 0; i < ROOMS; i++) {
      const id = sessionId(i);
      const { seed, phaseId } = controlSeed(id);
      const token = await registerSession(server.url, id, [seed, { room: phaseRoom(id, phaseId), doc: roomOf500(id, phaseId) }]);
      urls.push(`${server.wsUrl}/${phaseRoom(id, phaseId)}?token=${token}`);
    }
    // One room first: the code paths are warm and the allocator has its arenas before we measure.
    const warm = new BenchClient(urls[0]!);
    await warm.syncedPromise;
    clients.push(warm);
    const before = memoryOf(server.pid).rss;
    for (let i = 1; i < ROOMS; i++) {
      const c = new BenchClient(urls[i]!);
      clients.push(c);
      await c.syncedPromise;
    }
    const after = memoryOf(server.pid).rss;
    return {
      id: 'memory.room500',
      group: 'g. Rooms',
      label: `server RSS per loaded room of ${NOTES} notes (${ROOMS - 1} rooms)`,
      value: round((after - before) / (ROOMS - 1) / MB, 3),
      unit: 'MB',
      target: { op: '<=', value: 1 },
    };
  } finally {
    clients.forEach((c) => c.close());
    await server.stop();
  }
}

/** g. Loading a room with 10,000 updates of history (note moves), before and after compaction. */
async function loadTimes(): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'wcb-bench-load-'));
  const storage = new SqliteStorage({ dataDir: dir, synchronous: 'NORMAL' });
  try {
    const room = 'loadbench01/phase/p1';
    const doc = roomOf500('loadbench01');
    await storage.append(room, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < HISTORY; i++) moveNote(doc, `n${i % NOTES}`, { x: i % 2000, y: (i * 7) % 2000 });
    for (const u of updates) await storage.append(room, u);
    // What a phase room does when it loads (sync-server/src/doc-state/encoded-doc.ts).
    const load = async () => {
      const fresh = new EncodedDoc();
      fresh.load(await storage.load(room));
      fresh.destroy();
    };
    const before = await timeMedian(5, load);
    const { lastSeq } = await storage.stats(room);
    await storage.compact(room, Y.encodeStateAsUpdate(doc), lastSeq);
    const after = await timeMedian(5, load);
    return [
      { id: 'load.history', group: 'g. Rooms', label: `load a room with ${HISTORY.toLocaleString('en')} updates of history`, value: round(before, 1), unit: 'ms' },
      { id: 'load.compacted', group: 'g. Rooms', label: 'the same room after compaction', value: round(after, 1), unit: 'ms' },
    ];
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchRooms(): Promise<Figure[]> {
  return [await memoryPerRoom(), ...(await loadTimes())];
}
