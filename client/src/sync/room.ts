import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { readAuthMessage } from 'y-protocols/auth';
import { writeUpdate } from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { isLocalOrigin } from '@wcb/shared';
import { afterLocalUpdate, OFFLINE, settle, type LinkState } from './pending';

/**
 * One Yjs room on this device: its document, kept in IndexedDB (y-indexeddb) and synced through
 * the stock y-websocket provider. IndexedDB is read first and the websocket connects after, so an
 * offline reload shows everything this device had, and the first sync exchange only carries what
 * is actually missing on either side.
 */

export type RoomState = {
  /** IndexedDB state has been applied (or IndexedDB is unusable and the server is the only source). */
  loaded: boolean;
  link: LinkState;
  /** Local changes not yet sent; see pending.ts. */
  pending: number;
  /** The first sync with the server has completed at least once since the room opened. */
  everSynced: boolean;
  /** The last connection attempt failed before the socket opened (server or network unreachable). */
  unreachable: boolean;
  /**
   * The server closed the socket for good (close codes 4400-4499: the stock provider stops
   * reconnecting); null while connected or retrying. `reconnect()` tries again.
   */
  closed: { code: number; reason: string } | null;
  /** The server dropped a write from this device (y-protocols auth message, permission denied). */
  denied: boolean;
};

export type Room = {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  state(): RoomState;
  /** Calls `fn` on every state change; returns the unsubscribe function. */
  subscribe(fn: (state: RoomState) => void): () => void;
  /** Connects again after a final close (e.g. once the session has been registered). */
  reconnect(): void;
  /** Forgets an earlier permission-denied, once what decides access has changed. */
  clearDenied(): void;
  /**
   * Sends everything this device holds, once more. The server drops writes it does not allow
   * (silently during the connect handshake), and Yjs holds back every later change of this device
   * that builds on a dropped one; once writing is allowed again this fills the gap.
   */
  pushState(): void;
  dispose(): void;
};

// IndexedDB answers in milliseconds; past this it is broken (blocked upgrade, storage error) and
// waiting longer would only keep the board from connecting to the server.
const IDB_TIMEOUT_MS = 4000;
// How often the websocket send buffer is checked while local changes are pending: the badge
// settles within a quarter second, and nothing runs while nothing is pending.
const BUFFER_POLL_MS = 250;

export const websocketUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

// Where the pending count is kept between page loads, in y-indexeddb's own key-value store: a
// reload while offline must still show the changes that never reached the server.
const PENDING_KEY = 'pending';

function openPersistence(name: string, doc: Y.Doc): { persistence: IndexeddbPersistence | null; loaded: Promise<number> } {
  if (typeof indexedDB === 'undefined') return { persistence: null, loaded: Promise.resolve(0) };
  const persistence = new IndexeddbPersistence(name, doc);
  const stored = persistence.whenSynced
    .then(() => persistence.get(PENDING_KEY))
    .then((v: unknown) => (typeof v === 'number' && v > 0 ? v : 0));
  const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(0), IDB_TIMEOUT_MS));
  return { persistence, loaded: Promise.race([stored, timeout]) };
}

// y-websocket message types: 0 sync, 2 auth (the server sends permission-denied on it).
const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;

export function makeRoom(name: string, opts: { url?: string; doc?: Y.Doc; token?: string } = {}): Room {
  const doc = opts.doc ?? new Y.Doc();
  const { persistence, loaded } = openPersistence(name, doc);
  // The token goes in the query (`?token=`): browsers cannot set headers on a websocket.
  const params: Record<string, string> = opts.token ? { token: opts.token } : {};
  const provider = new WebsocketProvider(opts.url ?? websocketUrl(), name, doc, { connect: false, disableBc: false, params });
  const listeners = new Set<(s: RoomState) => void>();
  let disposed = false;
  let poll: ReturnType<typeof setInterval> | undefined;
  let state: RoomState = { loaded: false, link: OFFLINE, pending: 0, everSynced: false, unreachable: false, closed: null, denied: false };
  let savedPending = 0;

  const readLink = (): LinkState => ({
    connected: provider.wsconnected,
    synced: provider.synced,
    bufferedAmount: provider.ws?.bufferedAmount ?? 0,
  });
  const set = (patch: Partial<RoomState>) => {
    if (disposed) return;
    const link = readLink();
    const next = { ...state, ...patch, link };
    next.pending = settle(next.pending, link);
    if (link.synced) next.everSynced = true;
    state = next;
    // Poll only while something is waiting for the send buffer to drain.
    if (state.pending > 0 && link.connected && poll === undefined) poll = setInterval(() => set({}), BUFFER_POLL_MS);
    if ((state.pending === 0 || !link.connected) && poll !== undefined) {
      clearInterval(poll);
      poll = undefined;
    }
    if (persistence && state.loaded && state.pending !== savedPending) {
      savedPending = state.pending;
      persistence.set(PENDING_KEY, savedPending).catch(() => {});
    }
    for (const fn of listeners) fn(state);
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Undo and redo are this person's changes too, made under the UndoManager's origin.
    if (isLocalOrigin(origin) || origin instanceof Y.UndoManager) set({ pending: afterLocalUpdate(state.pending) });
  };
  const onStatus = ({ status }: { status: string }) => set(status === 'connected' ? { unreachable: false, closed: null } : {});
  const onSync = () => set({});
  const onClose = () => {
    // A socket that closes before it ever opened means the server or the network is not there.
    if (!provider.wsconnected) set({ unreachable: true });
    else set({});
  };
  // The stock handler only logs; the board must say why nothing it writes reaches anyone.
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
    readAuthMessage(decoder, doc, (_doc, reason) => {
      console.warn(`Write refused in ${name}: ${reason}`);
      set({ denied: true });
    });
  const onClosed = (event: { code: number; reason: string }) => set({ closed: { code: event.code, reason: event.reason } });
  doc.on('update', onUpdate);
  provider.on('closed', onClosed);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  provider.on('connection-error', onClose);

  loaded.then((stored) => {
    if (disposed) return;
    savedPending = stored;
    set({ loaded: true, pending: state.pending + stored });
    provider.connect();
  });

  return {
    name,
    doc,
    awareness: provider.awareness,
    state: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    reconnect() {
      if (disposed || !state.loaded) return;
      set({ closed: null });
      provider.connect();
    },
    clearDenied() {
      if (state.denied) set({ denied: false });
    },
    pushState() {
      const ws = provider.ws;
      if (disposed || !provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
      // An update message, not a sync step 2: a refused update earns a permission-denied notice.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
      ws.send(encoding.toUint8Array(encoder));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      if (poll !== undefined) clearInterval(poll);
      doc.off('update', onUpdate);
      // destroy() tells peers we left (awareness null) before closing the socket.
      provider.destroy();
      provider.awareness.destroy();
      persistence?.destroy();
      doc.destroy();
    },
  };
}
