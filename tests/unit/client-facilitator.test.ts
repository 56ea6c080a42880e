import { describe, expect, it } from 'vitest';
import { CLOCK_SAMPLES } from '@wcb/shared';
import { makeServerClock } from '../../client/src/sync/clock';
import { reorderTarget } from '../../client/src/sync/facilitation';

/** A fake network: each request takes `rtts[i]` local ms, and the server runs `skew` ms ahead. */
function fakeNetwork(skew: number, rtts: number[]) {
  let local = 1_000_000;
  let calls = 0;
  const fetchTime = async (): Promise<number> => {
    const rtt = rtts[calls++ % rtts.length]!;
    if (rtt < 0) throw new Error('offline');
    // Lopsided on purpose: the whole delay on the way there.
    local += rtt;
    return local + skew;
  };
  return { fetchTime, localNow: () => local, calls: () => calls, advance: (ms: number) => (local += ms) };
}

describe('server clock', () => {
  it('is the local clock until a sample arrives, then keeps the smallest round trip', async () => {
    const net = fakeNetwork(5_000, [400, 20, 300, 250, 500]);
    const clock = makeServerClock({ fetchTime: net.fetchTime, localNow: net.localNow });
    expect(clock.now()).toBe(net.localNow());
    expect(clock.estimate()).toBeNull();
    const estimate = await clock.sync();
    expect(net.calls()).toBe(CLOCK_SAMPLES);
    expect(estimate?.rttMs).toBe(20);
    // Error at most half the best round trip.
    expect(Math.abs(clock.now() - (net.localNow() + 5_000))).toBeLessThanOrEqual(10);
  });

  it('runs one sampling round at a time and tells subscribers', async () => {
    const net = fakeNetwork(-2_000, [10]);
    const clock = makeServerClock({ fetchTime: net.fetchTime, localNow: net.localNow, samples: 3 });
    const seen: number[] = [];
    clock.subscribe((e) => seen.push(Math.round(e!.offsetMs)));
    await Promise.all([clock.sync(), clock.sync()]);
    expect(net.calls()).toBe(3);
    expect(seen).toEqual([-1_995]);
  });

  it('keeps the last estimate when a later round gets no answer', async () => {
    let offline = false;
    const net = fakeNetwork(3_000, [10]);
    const clock = makeServerClock({
      fetchTime: () => (offline ? Promise.reject(new Error('offline')) : net.fetchTime()),
      localNow: net.localNow,
    });
    await clock.sync();
    const before = clock.estimate();
    offline = true;
    await expect(clock.sync()).resolves.toEqual(before);
    expect(clock.estimate()).toEqual(before);
  });

  it('ignores answers without a time and never throws', async () => {
    const clock = makeServerClock({ fetchTime: async () => Number.NaN, localNow: () => 42 });
    await expect(clock.sync()).resolves.toBeNull();
    expect(clock.now()).toBe(42);
  });
});

describe('topic reorder target', () => {
  const ids = ['a', 'b', 'c'];
  it('moves up before the previous one and down before the one after next', () => {
    expect(reorderTarget(ids, 'b', -1)).toBe('a');
    expect(reorderTarget(ids, 'a', 1)).toBe('c');
    expect(reorderTarget(ids, 'b', 1)).toBeNull();
  });
  it('does nothing at the ends or for an unknown id', () => {
    expect(reorderTarget(ids, 'a', -1)).toBeUndefined();
    expect(reorderTarget(ids, 'c', 1)).toBeUndefined();
    expect(reorderTarget(ids, 'x', 1)).toBeUndefined();
  });
});
