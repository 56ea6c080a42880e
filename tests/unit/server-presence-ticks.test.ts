import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE_PER_TICK, PRESENCE_TICK_MS, PresenceTicks } from '../../sync-server/src/presence-ticks';

describe('presence ticks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces every change of a tick into one relay, and publishes only our own peers’ ids', () => {
    const relayed: number[][] = [];
    const published: number[][] = [];
    const ticks = new PresenceTicks((ids) => relayed.push(ids), (ids) => published.push(ids));
    ticks.changedBy([1], true);
    ticks.changedBy([2, 1], false);
    ticks.changedBy([3], true);
    expect(relayed).toEqual([]);
    vi.advanceTimersByTime(PRESENCE_TICK_MS);
    expect(relayed).toEqual([[1, 2, 3]]);
    expect(published).toEqual([[1, 3]]);
    // Nothing changed: the next tick sends nothing.
    vi.advanceTimersByTime(PRESENCE_TICK_MS * 3);
    expect(relayed).toHaveLength(1);
  });

  it('flush sends what is pending at once and cancels the tick', () => {
    const relayed: number[][] = [];
    const ticks = new PresenceTicks((ids) => relayed.push(ids), () => {});
    ticks.changedBy([7], true);
    ticks.flush();
    expect(relayed).toEqual([[7]]);
    vi.advanceTimersByTime(PRESENCE_TICK_MS);
    expect(relayed).toEqual([[7]]);
  });

  it('sends a member at most PRESENCE_PER_TICK states a tick, oldest change first, the rest on the next ticks', () => {
    const relayed: number[][] = [];
    const ticks = new PresenceTicks((ids) => relayed.push(ids), () => {});
    const everyone = Array.from({ length: PRESENCE_PER_TICK * 2 + 10 }, (_, i) => i + 1);
    ticks.changedBy(everyone, true);
    ticks.changedBy([1], true); // moved again: keeps its place
    vi.advanceTimersByTime(PRESENCE_TICK_MS);
    expect(relayed).toEqual([everyone.slice(0, PRESENCE_PER_TICK)]);
    ticks.changedBy([2], true); // sent already: joins the back of the queue
    vi.advanceTimersByTime(PRESENCE_TICK_MS * 2);
    expect(relayed[1]).toEqual(everyone.slice(PRESENCE_PER_TICK, PRESENCE_PER_TICK * 2));
    expect(relayed[2]).toEqual([...everyone.slice(PRESENCE_PER_TICK * 2), 2]);
    vi.advanceTimersByTime(PRESENCE_TICK_MS * 3);
    expect(relayed).toHaveLength(3);
  });

  it('flush sends everything pending, past the cap, when the room retires', () => {
    const relayed: number[][] = [];
    const ticks = new PresenceTicks((ids) => relayed.push(ids), () => {});
    const everyone = Array.from({ length: PRESENCE_PER_TICK + 5 }, (_, i) => i);
    ticks.changedBy(everyone, true);
    ticks.flush();
    expect(relayed).toEqual([everyone]);
  });
});
