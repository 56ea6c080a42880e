import type { WebsocketProvider } from 'y-websocket';
import { BEAT_MS, heardAt, isStale, probeDue, probedAt, type Liveness } from './liveness';

/** y-protocols "query awareness": message type 3, no payload (PROTOCOL.md, "Heartbeat"). */
const QUERY_AWARENESS = new Uint8Array([3]);

export type Heartbeat = {
  /** The socket is open but the server has not answered a heartbeat in time. */
  stale(): boolean;
  /** How many messages have arrived so far: anything heard after a moment answers for it. */
  heard(): number;
  /** This room's local changes are all on the wire now: ask the server to answer at once. */
  sent(): void;
  dispose(): void;
};

/**
 * Runs liveness.ts for one provider: notes every message it receives (by wrapping its message
 * handlers), sends a heartbeat when one is due, and calls `onChange` when the room turns stale or
 * alive again, or hears something while `waiting()` (local changes await an answer).
 */
export function startHeartbeat(provider: WebsocketProvider, onChange: () => void, waiting: () => boolean): Heartbeat {
  let live: Liveness = heardAt(Date.now());
  let heard = 0;
  let sentAt: number | null = null;
  let wasStale = false;
  let beat: ReturnType<typeof setInterval> | undefined;

  const staleNow = () => provider.wsconnected && isStale(live, Date.now());
  const probe = () => {
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN || live.probeAt !== null) return;
    ws.send(QUERY_AWARENESS);
    live = probedAt(live, Date.now());
  };
  let lastTick = Date.now();
  const tick = () => {
    const now = Date.now();
    // A tick that comes late means this page was busy (a slow CPU, a long task): the answer may
    // be waiting in the queue behind this very timer. Judge staleness on the next tick instead.
    const late = now - lastTick > 2 * BEAT_MS;
    lastTick = now;
    if (provider.synced && probeDue(live, now, sentAt)) probe();
    if (!late && staleNow() !== wasStale) {
      wasStale = !wasStale;
      onChange();
    }
  };
  const onHeard = () => {
    live = heardAt(Date.now());
    heard++;
    sentAt = null;
    if (wasStale) {
      wasStale = false;
      onChange();
    } else if (waiting()) onChange();
  };
  provider.messageHandlers = provider.messageHandlers.map((handle) => (...args: Parameters<typeof handle>) => {
    handle(...args);
    onHeard();
  });
  const onStatus = ({ status }: { status: string }) => {
    clearInterval(beat);
    beat = undefined;
    live = heardAt(Date.now());
    sentAt = null;
    wasStale = false;
    lastTick = Date.now();
    if (status === 'connected') beat = setInterval(tick, BEAT_MS);
  };
  provider.on('status', onStatus);

  return {
    stale: () => wasStale,
    heard: () => heard,
    sent() {
      sentAt = Date.now();
      probe();
    },
    dispose() {
      clearInterval(beat);
      provider.off('status', onStatus);
    },
  };
}
