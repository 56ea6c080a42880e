import type { Awareness } from 'y-protocols/awareness';
import { createStore, reconcile } from 'solid-js/store';
import { readPresence, type Presence } from '@wcb/shared';
import { throttle } from '../lib/throttle';

/**
 * Presence over Yjs awareness. Remote states come from any peer, so every one of them goes
 * through the model's readPresence before the UI sees it.
 */

export type Peers = Readonly<Record<number, Presence>>;

/** Other people's presence in one room, keyed by their Yjs client id. */
export function makePeers(awareness: Awareness): { peers: Peers; dispose(): void } {
  const read = (): Record<number, Presence> => {
    const out: Record<number, Presence> = {};
    awareness.getStates().forEach((state, clientId) => {
      if (clientId === awareness.clientID) return;
      const p = readPresence(state);
      if (p) out[clientId] = p;
    });
    return out;
  };
  const [peers, setPeers] = createStore<Record<number, Presence>>(read());
  // 'change' (not 'update') fires only when a state's content changed, not on 15 s heartbeats.
  const onChange = () => setPeers(reconcile(read()));
  awareness.on('change', onChange);
  return { peers, dispose: () => awareness.off('change', onChange) };
}

// Cursor updates are the chattiest traffic on the board: ~30 per second is as smooth as the eye
// needs on a remote screen and half of what a 60 Hz pointer produces.
const CURSOR_INTERVAL_MS = 33;

export type LocalPresence = {
  set(patch: Partial<Presence>): void;
  /** Board coordinates; null when the pointer left the board. Throttled, except for null. */
  setCursor(cursor: Presence['cursor']): void;
  dispose(): void;
};

/** Publishes this person's presence in one room; `dispose` withdraws it (peers see them leave). */
export function makeLocalPresence(awareness: Awareness, initial: Presence): LocalPresence {
  let state: Presence = initial;
  const publish = () => awareness.setLocalState(state);
  publish();
  const sendCursor = throttle((cursor: Presence['cursor']) => {
    state = { ...state, cursor };
    publish();
  }, CURSOR_INTERVAL_MS);
  return {
    set(patch) {
      state = { ...state, ...patch };
      publish();
    },
    setCursor(cursor) {
      if (cursor) return sendCursor(cursor);
      // Leaving must win over a trailing move still waiting in the throttle.
      sendCursor.cancel();
      state = { ...state, cursor: null };
      publish();
    },
    dispose() {
      sendCursor.cancel();
      awareness.setLocalState(null);
    },
  };
}
