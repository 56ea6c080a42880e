/**
 * Is the server still there? A socket whose network is gone stays "open" until TCP gives up
 * (minutes) or the stock provider's watchdog closes it after 30 s without a message. Meanwhile
 * the board would say "connected, all sent" while nothing arrives anywhere.
 *
 * So each room sends a heartbeat when it has heard nothing for PROBE_IDLE_MS, and at once when
 * its local changes are on the wire: a y-protocols "query awareness" message (type 3, no payload;
 * PROTOCOL.md, "Heartbeat"). The server answers every one with an awareness message, in order
 * after storing what the connection sent before it. Any message heard counts as an answer. A
 * heartbeat unanswered for PROBE_TIMEOUT_MS makes the room stale: the badge says offline until
 * something arrives again (the socket stays open: a stalled link often recovers by itself, and
 * the stock watchdog still closes a dead one).
 *
 * The cost is small and bounded: a quiet room sends one 1-byte message every few seconds, and a
 * busy room none (other people's presence keeps it heard).
 */

export const PROBE_IDLE_MS = 4000;
export const PROBE_TIMEOUT_MS = 4000;
/** How often a connected room looks at its heartbeat. */
export const BEAT_MS = 1000;

export type Liveness = {
  /** When the last message from the server arrived (or the socket opened). */
  heardAt: number;
  /** When the unanswered heartbeat left; null when none is outstanding. */
  probeAt: number | null;
};

export const heardAt = (now: number): Liveness => ({ heardAt: now, probeAt: null });

/**
 * A heartbeat is due when none is outstanding and either the room has been quiet for
 * PROBE_IDLE_MS or local changes went out since the last thing heard (`sentAt`).
 */
export function probeDue(l: Liveness, now: number, sentAt: number | null): boolean {
  if (l.probeAt !== null) return false;
  return now - l.heardAt >= PROBE_IDLE_MS || (sentAt !== null && sentAt >= l.heardAt);
}

export const probedAt = (l: Liveness, now: number): Liveness => ({ ...l, probeAt: now });

/** The heartbeat went unanswered for too long: treat the link as down. */
export const isStale = (l: Liveness, now: number): boolean => l.probeAt !== null && now - l.probeAt >= PROBE_TIMEOUT_MS;
