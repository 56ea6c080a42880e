import type { Metrics } from '../metrics';
import type { DocStorage, RoomStats } from './types';

/**
 * `storage` with every append and compaction timed into `metrics.persisted`: the persist latency
 * histogram measures what a room waits for before it may relay, without the room knowing.
 * Failed writes are timed too: a disk that fails slowly is exactly what the histogram is for.
 */
export function timedStorage(storage: DocStorage, metrics: Metrics): DocStorage {
  const timed = async <T>(kind: 'append' | 'compact', write: () => Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    try {
      return await write();
    } finally {
      metrics.persisted(Number(process.hrtime.bigint() - start) / 1e9, kind);
    }
  };
  return {
    load: (room: string): Promise<Uint8Array[]> => storage.load(room),
    append: (room: string, update: Uint8Array): Promise<number> => timed('append', () => storage.append(room, update)),
    appendBatch: (room: string, updates: readonly Uint8Array[]): Promise<number[]> => timed('append', () => storage.appendBatch(room, updates)),
    compact: (room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> =>
      timed('compact', () => storage.compact(room, snapshot, throughSeq)),
    stats: (room: string): Promise<RoomStats> => storage.stats(room),
    sessionBytes: (sessionId: string): Promise<number> => storage.sessionBytes(sessionId),
  };
}
