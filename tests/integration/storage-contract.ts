/**
 * The behaviour every Storage adapter must have, as one reusable suite (in the spirit of
 * automerge-repo's network-adapter-tests): an adapter passes it or the server cannot rely on it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord, Storage } from '@wcb/sync-server';

export interface StorageHarness {
  readonly storage: Storage;
  /** Closes `storage` and opens the same data again; omitted by adapters without durability. */
  readonly reopen?: () => Promise<Storage>;
  cleanup(): Promise<void>;
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const hex = (digit: string): string => digit.repeat(64);
const session = (id: string): SessionRecord => ({
  id,
  createdAt: 1_700_000_000_000,
  template: 'blank',
  language: 'en',
  tokenHashes: { facilitator: hex('a'), participant: hex('b'), viewer: hex('c') },
});
/** A session registered before tokens existed. */
const legacySession = (id: string): SessionRecord => ({ ...session(id), tokenHashes: null });

/** `durable`: the adapter keeps data across a reopen, and its harness provides `reopen`. */
export function runStorageContract(
  name: string,
  makeStorage: () => Promise<StorageHarness>,
  { durable }: { durable: boolean },
): void {
  describe(`${name} storage contract`, () => {
    let harness: StorageHarness;
    let storage: Storage;

    beforeEach(async () => {
      harness = await makeStorage();
      storage = harness.storage;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('loads an unknown room as empty with zero stats', async () => {
      expect(await storage.load('nobody/control')).toEqual([]);
      expect(await storage.stats('nobody/control')).toEqual({ updates: 0, bytes: 0, lastSeq: 0 });
    });

    it('loads updates in append order, separately per room', async () => {
      await storage.append('a/control', bytes(1));
      await storage.append('b/control', bytes(9));
      await storage.append('a/control', bytes(2, 2));
      expect(await storage.load('a/control')).toEqual([bytes(1), bytes(2, 2)]);
      expect(await storage.load('b/control')).toEqual([bytes(9)]);
    });

    it('hands out strictly increasing sequence numbers and counts what follows the snapshot', async () => {
      const first = await storage.append('r/control', bytes(1, 1));
      const second = await storage.append('r/control', bytes(2, 2, 2));
      expect(second).toBeGreaterThan(first);
      expect(await storage.stats('r/control')).toEqual({ updates: 2, bytes: 5, lastSeq: second });
    });

    it('appends a batch in order, with increasing sequence numbers, after what was there', async () => {
      const before = await storage.append('r/control', bytes(1));
      const seqs = await storage.appendBatch('r/control', [bytes(2), bytes(3, 3), bytes(4)]);
      expect(seqs).toHaveLength(3);
      expect(seqs[0]).toBeGreaterThan(before);
      expect(seqs[1]).toBeGreaterThan(seqs[0]!);
      expect(seqs[2]).toBeGreaterThan(seqs[1]!);
      expect(await storage.load('r/control')).toEqual([bytes(1), bytes(2), bytes(3, 3), bytes(4)]);
      expect(await storage.stats('r/control')).toEqual({ updates: 4, bytes: 5, lastSeq: seqs[2] });
    });

    it('stores a batch whole or not at all: a bad update in it keeps the others out too', async () => {
      await storage.append('r/control', bytes(1));
      const bad = [bytes(2), 'not bytes' as unknown as Uint8Array, bytes(3)];
      await expect(storage.appendBatch('r/control', bad)).rejects.toThrow();
      expect(await storage.load('r/control')).toEqual([bytes(1)]);
    });

    it('compacts by replacing updates through throughSeq with the snapshot, keeping later ones', async () => {
      await storage.append('r/control', bytes(1));
      const through = await storage.append('r/control', bytes(2));
      const later = await storage.append('r/control', bytes(3)); // raced with the compaction
      await storage.compact('r/control', bytes(12), through);
      expect(await storage.load('r/control')).toEqual([bytes(12), bytes(3)]);
      expect(await storage.stats('r/control')).toEqual({ updates: 1, bytes: 1, lastSeq: later });

      await storage.compact('r/control', bytes(123), later);
      expect(await storage.load('r/control')).toEqual([bytes(123)]);
      expect(await storage.stats('r/control')).toEqual({ updates: 0, bytes: 0, lastSeq: later });
      expect(await storage.append('r/control', bytes(4))).toBeGreaterThan(later);
    });

    it('keeps every update when a compaction fails part-way (atomic)', async () => {
      await storage.append('r/control', bytes(1));
      const through = await storage.append('r/control', bytes(2));
      await expect(storage.compact('r/control', null as unknown as Uint8Array, through)).rejects.toThrow();
      expect(await storage.load('r/control')).toEqual([bytes(1), bytes(2)]);
    });

    it('is not affected by callers mutating bytes they appended or loaded', async () => {
      const update = bytes(1, 2, 3);
      await storage.append('r/control', update);
      update[0] = 99;
      const [loaded] = await storage.load('r/control');
      if (loaded) loaded[1] = 99;
      expect(await storage.load('r/control')).toEqual([bytes(1, 2, 3)]);
    });

    it('registers a session once, together with its seed rooms', async () => {
      const seed = [
        { room: 'S1234567/control', update: bytes(7) },
        { room: 'S1234567/phase/ideas', update: bytes(8) },
      ];
      expect(await storage.createSession(session('S1234567'), seed)).toBe(true);
      expect(await storage.getSession('S1234567')).toEqual(session('S1234567'));
      expect(await storage.load('S1234567/phase/ideas')).toEqual([bytes(8)]);

      const again = [{ room: 'S1234567/control', update: bytes(0) }];
      expect(await storage.createSession(session('S1234567'), again)).toBe(false);
      expect(await storage.load('S1234567/control')).toEqual([bytes(7)]);
      expect(await storage.getSession('unknown1')).toBeNull();
    });

    it('replaces one role\'s token hash at a time, only for known sessions with hashes', async () => {
      await storage.createSession(session('S1234567'), []);
      expect(await storage.setTokenHash('S1234567', 'participant', hex('d'))).toBe(true);
      expect((await storage.getSession('S1234567'))?.tokenHashes).toEqual({
        facilitator: hex('a'),
        participant: hex('d'),
        viewer: hex('c'),
      });
      expect(await storage.setTokenHash('S1234567', 'facilitator', hex('e'))).toBe(true);
      expect((await storage.getSession('S1234567'))?.tokenHashes?.facilitator).toBe(hex('e'));

      expect(await storage.setTokenHash('unknown1', 'viewer', hex('f'))).toBe(false);
      expect(await storage.getSession('unknown1')).toBeNull();
      await storage.createSession(legacySession('L1234567'), []);
      expect(await storage.setTokenHash('L1234567', 'viewer', hex('f'))).toBe(false);
      expect(await storage.getSession('L1234567')).toEqual(legacySession('L1234567'));
    });

    it('does not let callers mutate a stored session through what they passed or got', async () => {
      const record = { ...session('S1234567'), tokenHashes: { ...session('S1234567').tokenHashes! } };
      await storage.createSession(record, []);
      (record.tokenHashes as { viewer: string }).viewer = hex('0');
      const loaded = await storage.getSession('S1234567');
      if (loaded?.tokenHashes) (loaded.tokenHashes as { viewer: string }).viewer = hex('1');
      expect(await storage.getSession('S1234567')).toEqual(session('S1234567'));
    });

    it('writes nothing when registering a session with a bad seed fails (atomic)', async () => {
      const seed = [
        { room: 'S7654321/control', update: bytes(7) },
        { room: 'S7654321/phase/ideas', update: null as unknown as Uint8Array },
      ];
      await expect(storage.createSession(session('S7654321'), seed)).rejects.toThrow();
      expect(await storage.getSession('S7654321')).toBeNull();
      expect(await storage.load('S7654321/control')).toEqual([]);
    });

    it('counts registered sessions, legacy ones included, and not a refused duplicate', async () => {
      expect(await storage.countSessions()).toBe(0);
      await storage.createSession(session('S1234567'), []);
      await storage.createSession(legacySession('L1234567'), []);
      expect(await storage.createSession(session('S1234567'), [])).toBe(false);
      expect(await storage.countSessions()).toBe(2);
    });

    it('reports how many bytes it holds, growing with what is stored', async () => {
      const before = await storage.totalBytes();
      expect(before).toBeGreaterThanOrEqual(0);
      // Incompressible, so no adapter can store it in less than its size.
      const big = Uint8Array.from({ length: 512 * 1024 }, () => Math.floor(Math.random() * 256));
      await storage.append('r/control', big);
      expect(await storage.totalBytes()).toBeGreaterThanOrEqual(before + big.byteLength);
    });

    it("counts one session's stored bytes, snapshots and updates, and no other session's", async () => {
      expect(await storage.sessionBytes('S1234567')).toBe(0);
      await storage.append('S1234567/control', bytes(1, 2, 3));
      await storage.append('S1234567/phase/a', bytes(4, 5));
      await storage.append('S12345670/control', bytes(9, 9, 9, 9)); // a longer id sharing the prefix
      await storage.append('S123456/control', bytes(9, 9, 9, 9, 9));
      expect(await storage.sessionBytes('S1234567')).toBe(5);
      await storage.compact('S1234567/phase/a', bytes(7, 7, 7, 7), (await storage.stats('S1234567/phase/a')).lastSeq);
      expect(await storage.sessionBytes('S1234567')).toBe(7);
    });

    it('answers a readiness ping without writing anything', async () => {
      await storage.append('r/control', bytes(1));
      const before = await storage.stats('r/control');
      await expect(storage.ping()).resolves.toBeUndefined();
      expect(await storage.stats('r/control')).toEqual(before);
      expect(await storage.load('nobody/control')).toEqual([]);
    });

    if (durable) it('keeps snapshots, updates and sessions across a reopen', async () => {
      const reopen = harness.reopen;
      if (!reopen) throw new Error(`${name}: a durable adapter's harness must provide reopen()`);
      await storage.append('r/control', bytes(1));
      const through = await storage.append('r/control', bytes(2));
      await storage.compact('r/control', bytes(12), through);
      const last = await storage.append('r/control', bytes(3));
      await storage.createSession(session('S1234567'), []);
      await storage.setTokenHash('S1234567', 'viewer', hex('9'));
      await storage.createSession(legacySession('L1234567'), []);

      storage = await reopen();
      expect(await storage.load('r/control')).toEqual([bytes(12), bytes(3)]);
      expect(await storage.stats('r/control')).toEqual({ updates: 1, bytes: 1, lastSeq: last });
      const rotated = session('S1234567');
      expect(await storage.getSession('S1234567')).toEqual({
        ...rotated,
        tokenHashes: { ...rotated.tokenHashes, viewer: hex('9') },
      });
      expect(await storage.getSession('L1234567')).toEqual(legacySession('L1234567'));
      expect(await storage.append('r/control', bytes(4))).toBeGreaterThan(last);
    });
  });
}
