import { describe, expect, it } from 'vitest';
import { AppendBatches } from '../../sync-server/src/append-batches';
import { SerialQueue } from '../../sync-server/src/serial-queue';

describe('batched appends in a room outbox', () => {
  it('stores every update before anything queued after it, however many arrive at once', async () => {
    const events: string[] = [];
    const outbox = new SerialQueue((e) => events.push(`error ${String(e)}`));
    const batches = new AppendBatches<number>(outbox, 4, async (batch) => {
      await Promise.resolve();
      events.push(`store ${batch.join(',')}`);
    });
    for (let i = 0; i < 10; i++) batches.add(i);
    // A sync reply computed now contains updates 0–9: it must leave after all of them are stored.
    outbox.push(() => void events.push('reply'));
    batches.add(10);
    await outbox.idle();
    expect(events).toEqual(['store 0,1,2,3', 'store 4,5,6,7', 'store 8,9,10', 'reply']);
  });

  it('opens a new batch once the queued one has started', async () => {
    const stored: number[][] = [];
    const outbox = new SerialQueue(() => {});
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batches = new AppendBatches<number>(outbox, 16, async (batch) => {
      stored.push(batch);
      if (batch[0] === 1) await gate;
    });
    batches.add(1);
    await Promise.resolve(); // the first batch's task starts and waits on the gate
    await Promise.resolve();
    batches.add(2);
    batches.add(3);
    release();
    await outbox.idle();
    expect(stored).toEqual([[1], [2, 3]]);
  });
});

describe('batches in storage together', () => {
  /** A store the test settles by hand, batch by batch. */
  function heldStore() {
    const calls: { batch: number[]; release: () => void; fail: (e: Error) => void }[] = [];
    const store = (batch: number[]) => new Promise<void>((release, fail) => calls.push({ batch, release, fail }));
    return { calls, store };
  }
  const ticks = async (n = 5) => {
    for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
  };
  /** Batches [1] and [2] handed to storage one after the other, both still held there. */
  async function twoInStorage() {
    const events: string[] = [];
    const outbox = new SerialQueue((e) => events.push(`error ${(e as Error).message}`));
    const held = heldStore();
    const batches = new AppendBatches<number>(outbox, 16, held.store, (batch) => void events.push(`relay ${batch.join(',')}`));
    batches.add(1);
    await ticks();
    batches.add(2);
    await ticks();
    return { events, outbox, held, batches };
  }

  it('hands the next batch to storage while one is being stored, and hands on in arrival order whatever finishes first', async () => {
    const { events, outbox, held } = await twoInStorage();
    expect(held.calls.map((c) => c.batch)).toEqual([[1], [2]]);
    held.calls[1]!.release();
    await ticks();
    expect(events).toEqual([]);
    held.calls[0]!.release();
    await outbox.idle();
    expect(events).toEqual(['relay 1', 'relay 2']);
  });

  it('holds what arrives while two batches are in storage, and stores it as one batch when one is stored', async () => {
    const { outbox, held, batches } = await twoInStorage();
    for (let i = 3; i <= 6; i++) {
      batches.add(i);
      await ticks();
    }
    expect(held.calls.map((c) => c.batch)).toEqual([[1], [2]]);
    held.calls[1]!.release();
    await ticks();
    expect(held.calls.map((c) => c.batch)).toEqual([[1], [2], [3, 4, 5, 6]]);
    held.calls[0]!.release();
    held.calls[2]!.release();
    await outbox.idle();
  });

  it('reports a failed store through the outbox, never as an unhandled rejection, and still hands on the batch before it', async () => {
    const { events, outbox, held } = await twoInStorage();
    // The later batch fails before the outbox reaches it: nothing may be left unhandled meanwhile.
    held.calls[1]!.fail(new Error('disk full'));
    await ticks();
    held.calls[0]!.release();
    await outbox.idle();
    expect(events).toEqual(['relay 1', 'error disk full']);
  });
});

describe('batch bounds', () => {
  it('closes a batch at its byte bound; an item larger than the bound goes alone', async () => {
    const stored: number[][] = [];
    const outbox = new SerialQueue(() => {});
    const batches = new AppendBatches<number>(outbox, 100, async (batch) => void stored.push(batch), undefined, 10, (n) => n);
    for (const n of [4, 4, 4, 20, 1, 1]) batches.add(n);
    await outbox.idle();
    expect(stored).toEqual([[4, 4], [4], [20], [1, 1]]);
  });
});
