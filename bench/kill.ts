import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phaseRoom } from '@wcb/shared';
import { freePort } from './load';
import { BenchClient } from './lib/bench-client';
import { startOurServer, startReferenceServer, type BenchServer } from './lib/server';
import { controlSeed, registerSession, sessionId } from './lib/sessions';
import type { Figure } from './lib/report';

// Issue 15: "killed by SIGKILL while a client was still in the room, right after a second client
// had read 300 writes".
const WRITES = 300;
const RUNS = 3;

type Kind = 'ours' | 'reference+y-leveldb';
/** A server on `dataDir` that can be killed and started again on the same data, and a room URL. */
type Restartable = { start(): Promise<BenchServer>; roomUrl(server: BenchServer): Promise<string> };

function restartable(kind: Kind, dataDir: string, port: number): Restartable {
  if (kind === 'reference+y-leveldb') return { start: () => startReferenceServer(port, true, dataDir), roomUrl: (s) => Promise.resolve(`${s.wsUrl}/killed`) };
  // The room's path and token: the restarted server listens on another port.
  let room: string | null = null;
  return {
    // As `ours()` in load.ts: the writer's burst must not meet the per-connection rate limit.
    start: () => startOurServer({ MESSAGE_RATE: '10000', MESSAGE_BURST: '10000' }, 'durable', dataDir),
    async roomUrl(server) {
      if (!room) {
        const id = sessionId(Math.floor(Math.random() * 1e9), 'kill');
        const { seed, phaseId } = controlSeed(id);
        const token = await registerSession(server.url, id, [seed]);
        room = `${phaseRoom(id, phaseId)}?token=${token}`;
      }
      return `${server.wsUrl}/${room}`;
    },
  };
}

/** How many of WRITES a fresh client finds after the server was killed right after they were read. */
async function lostAfterKill(kind: Kind): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wcb-bench-kill-'));
  try {
    const target = restartable(kind, dataDir, await freePort());
    const first = await target.start();
    const url = await target.roomUrl(first);
    const [writer, observer] = [new BenchClient(url), new BenchClient(url)];
    await Promise.all([writer.syncedPromise, observer.syncedPromise]);
    const readAll = new Promise<void>((resolve) => observer.doc.on('update', () => observer.doc.getMap('w').size === WRITES && resolve()));
    for (let i = 0; i < WRITES; i++) writer.doc.getMap('w').set(`k${i}`, i);
    await readAll;
    await first.kill(); // the writer is still connected
    const second = await target.start();
    const reader = new BenchClient(await target.roomUrl(second));
    await reader.syncedPromise;
    const found = reader.doc.getMap('w').size;
    [writer, observer, reader].forEach((c) => c.close());
    await second.stop();
    return WRITES - found;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** b. What a crash loses: SIGKILL right after a second client has read every write. */
export async function benchKill(): Promise<Figure[]> {
  const lost: Record<Kind, number[]> = { ours: [], 'reference+y-leveldb': [] };
  for (let run = 0; run < RUNS; run++) for (const kind of Object.keys(lost) as Kind[]) lost[kind].push(await lostAfterKill(kind));
  const worst = (kind: Kind) => Math.max(...lost[kind]);
  return [
    {
      id: 'durability.sigkill', group: 'b. Durable writes',
      label: `writes lost when the server is killed (SIGKILL) with a writer still in the room, right after a second client read all ${WRITES}: worst of ${RUNS} runs (ours ${lost.ours.join(', ')}; reference with y-leveldb ${lost['reference+y-leveldb'].join(', ')})`,
      value: worst('ours'), unit: `of ${WRITES}`, target: { op: '<=', value: 0 }, detail: lost,
    },
  ];
}
