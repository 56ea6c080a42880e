/**
 * Clock-offset estimation, NTP style, so every device counts the round timer down to the same
 * moment. A client asks the server for its time (GET /api/time) a few times and keeps samples:
 * `sentAt` and `receivedAt` on its own clock, `serverTime` from the reply.
 */
export type ClockSample = { sentAt: number; serverTime: number; receivedAt: number };
export type ClockEstimate = { offsetMs: number; rttMs: number };

// Five requests at join cost nothing and, on café Wi-Fi, one of them usually misses the jitter.
export const CLOCK_SAMPLES = 5;

const isValid = (s: ClockSample): boolean =>
  Number.isFinite(s.sentAt) && Number.isFinite(s.serverTime) && Number.isFinite(s.receivedAt) && s.receivedAt >= s.sentAt;

/**
 * Assumes the server read its clock halfway through the round trip. The error is at most half the
 * round trip (all of the delay on one leg), so the sample with the smallest round trip is the most
 * trustworthy one; averaging would let one slow, lopsided reply pull the estimate off.
 * Null when no sample is usable (none yet, or only ones with NaN or a negative round trip).
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockSample | null = null;
  for (const s of samples) {
    if (isValid(s) && (best === null || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt)) best = s;
  }
  if (!best) return null;
  return { offsetMs: best.serverTime - (best.sentAt + best.receivedAt) / 2, rttMs: best.receivedAt - best.sentAt };
}

/** The server's clock as this device estimates it. */
export const serverNow = (localNow: number, offsetMs: number): number => localNow + offsetMs;
