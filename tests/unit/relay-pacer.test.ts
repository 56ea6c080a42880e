import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelayPacer } from '../../sync-server/src/relay-pacer';

describe('relay pacing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('relays every batch of a small room at once', () => {
    const sent: number[][] = [];
    const pacer = new RelayPacer<number>((b) => sent.push(b), () => 0);
    pacer.add([1]);
    pacer.add([2, 3]);
    expect(sent).toEqual([[1], [2, 3]]);
  });

  it('relays a plenary at most once per interval, merging what was stored meanwhile in order', () => {
    vi.useFakeTimers();
    const sent: number[][] = [];
    const pacer = new RelayPacer<number>((b) => sent.push(b), () => 20, () => Date.now());
    pacer.add([1]); // the first leaves at once
    pacer.add([2]);
    pacer.add([3, 4]);
    expect(sent).toEqual([[1]]);
    vi.advanceTimersByTime(19);
    expect(sent).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[1], [2, 3, 4]]);
    vi.advanceTimersByTime(100);
    pacer.add([5]); // a quiet interval passed: at once again
    expect(sent).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('lets a later message of the room flush what waits, so nothing overtakes a stored batch', () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const pacer = new RelayPacer<number>((b) => log.push(`relay ${b.join(',')}`), () => 20, () => Date.now());
    pacer.add([1]);
    pacer.add([2]);
    pacer.flush();
    log.push('step 2 reply');
    vi.advanceTimersByTime(50);
    expect(log).toEqual(['relay 1', 'relay 2', 'step 2 reply']);
  });

  it('drops what waits when the room fails, and relays nothing later', () => {
    vi.useFakeTimers();
    const sent: number[][] = [];
    const pacer = new RelayPacer<number>((b) => sent.push(b), () => 20, () => Date.now());
    pacer.add([1]);
    pacer.add([2]);
    pacer.discard();
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([[1]]);
  });
});
