import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { CLOCK_SAMPLES, estimateOffset, serverNow, type ClockEstimate, type ClockSample } from '@wcb/shared';
import { API, readTimeResponse } from '@wcb/shared/wire';

/**
 * The server's clock as this device estimates it, so every device counts the round timer down to
 * the same moment (shared/src/clock.ts). Samples GET /api/time CLOCK_SAMPLES times, one after the
 * other, and keeps the estimate of the sample with the smallest round trip.
 */
export type ServerClock = {
  /** Server time now, in ms: the local clock plus the current offset (0 until a sample arrives). */
  now(): number;
  /** The current estimate, or null before any usable sample. */
  estimate(): ClockEstimate | null;
  /** Samples again (on open, and after a reconnect: the network path, or the laptop's clock, may have changed). */
  sync(): Promise<ClockEstimate | null>;
  /** Calls `fn` whenever the estimate changes; returns the unsubscribe function. */
  subscribe(fn: (estimate: ClockEstimate | null) => void): () => void;
  dispose(): void;
};

export type ServerClockDeps = {
  /** One request for the server's time; rejects or returns NaN when there is no answer. */
  fetchTime?: () => Promise<number>;
  localNow?: () => number;
  samples?: number;
};

/** GET /api/time → { now }; no caching, the answer is only good for this instant. */
export async function fetchServerTime(): Promise<number> {
  const res = await fetch(API.time, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${API.time}: HTTP ${res.status}`);
  return readTimeResponse(await res.json())?.now ?? Number.NaN;
}

export function makeServerClock(deps: ServerClockDeps = {}): ServerClock {
  const fetchTime = deps.fetchTime ?? fetchServerTime;
  const localNow = deps.localNow ?? (() => Date.now());
  const count = deps.samples ?? CLOCK_SAMPLES;
  const listeners = new Set<(e: ClockEstimate | null) => void>();
  let estimate: ClockEstimate | null = null;
  let running: Promise<ClockEstimate | null> | null = null;
  let disposed = false;

  const sample = async (): Promise<ClockEstimate | null> => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < count && !disposed; i++) {
      const sentAt = localNow();
      try {
        const serverTime = await fetchTime();
        samples.push({ sentAt, serverTime, receivedAt: localNow() });
      } catch {
        // Offline or the server is away: one failure means the rest would fail too.
        break;
      }
    }
    const next = estimateOffset(samples);
    // A round with no usable answer keeps the last estimate: an old offset beats none.
    if (next && !disposed) {
      estimate = next;
      for (const fn of listeners) fn(estimate);
    }
    return estimate;
  };

  return {
    now: () => serverNow(localNow(), estimate?.offsetMs ?? 0),
    estimate: () => estimate,
    sync() {
      // One sampling round at a time: a reconnect during the first one does not start a second.
      running ??= sample().finally(() => (running = null));
      return running;
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    dispose() {
      disposed = true;
      listeners.clear();
    },
  };
}

export type ReactiveServerClock = {
  now(): number;
  /** The offset in ms, as a signal: changes when a sampling round gives a new estimate. */
  offset: Accessor<number>;
};

/**
 * makeServerClock in a Solid owner: samples on open, and again each time `connected` turns true
 * after having been false (a reconnect); disposed with its owner.
 */
export function createServerClock(connected: Accessor<boolean>, deps?: ServerClockDeps): ReactiveServerClock {
  const clock = makeServerClock(deps);
  const [offset, setOffset] = createSignal(0);
  const off = clock.subscribe((e) => setOffset(e?.offsetMs ?? 0));
  void clock.sync();
  createEffect(
    on(
      connected,
      (now, before) => {
        if (now && before === false) void clock.sync();
      },
      { defer: false },
    ),
  );
  onCleanup(() => {
    off();
    clock.dispose();
  });
  return { now: () => clock.now(), offset };
}
