import { describe, expect, it } from 'vitest';
import { estimateOffset, serverNow, type ClockSample } from '@wcb/shared';

const HOUR = 3_600_000;
const SERVER_T0 = 1_700_000_000_000;

/**
 * One request from a client whose clock reads `server − skew`, with `up` ms to the server and
 * `down` ms back: what the client would record.
 */
function sample(skew: number, at: number, up: number, down: number): ClockSample {
  const serverTime = SERVER_T0 + at + up;
  return { sentAt: SERVER_T0 + at - skew, serverTime, receivedAt: serverTime + down - skew };
}

describe('clock offset', () => {
  it('no usable sample gives no estimate', () => {
    expect(estimateOffset([])).toBeNull();
    expect(
      estimateOffset([
        { sentAt: 10, serverTime: 50, receivedAt: 5 },
        { sentAt: Number.NaN, serverTime: 50, receivedAt: 60 },
        { sentAt: 10, serverTime: Number.POSITIVE_INFINITY, receivedAt: 60 },
      ]),
    ).toBeNull();
  });

  it('a symmetric round trip recovers a skewed clock exactly, either way', () => {
    for (const skew of [HOUR, -HOUR, 0, 37]) {
      expect(estimateOffset([sample(skew, 0, 40, 40)])).toEqual({ offsetMs: skew, rttMs: 80 });
    }
  });

  it('an asymmetric round trip is off by at most half of it', () => {
    const est = estimateOffset([sample(HOUR, 0, 90, 10)])!;
    expect(est.rttMs).toBe(100);
    expect(est.offsetMs).toBe(HOUR + 40);
    expect(Math.abs(est.offsetMs - HOUR)).toBeLessThanOrEqual(est.rttMs / 2);
  });

  it('among jittery samples, the fastest round trip wins, ignoring invalid ones', () => {
    const skew = -2 * HOUR;
    const samples = [
      sample(skew, 0, 400, 20),
      sample(skew, 1000, 30, 250),
      sample(skew, 2000, 6, 4),
      sample(skew, 3000, 120, 90),
      { sentAt: 5, serverTime: 0, receivedAt: 4 },
    ];
    expect(estimateOffset(samples)).toEqual({ offsetMs: skew + 1, rttMs: 10 });
    expect(estimateOffset([...samples].reverse())).toEqual(estimateOffset(samples));
  });

  it('server time is local time plus the offset', () => {
    const est = estimateOffset([sample(HOUR, 0, 5, 5)])!;
    const localNow = SERVER_T0 - HOUR + 12_345;
    expect(serverNow(localNow, est.offsetMs)).toBe(SERVER_T0 + 12_345);
  });
});
