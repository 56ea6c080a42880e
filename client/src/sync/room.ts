import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { readAuthMessage } from 'y-protocols/auth';
import { isLocalOrigin } from '@wcb/shared';
import { CloseCode, MessageType, encodeSyncUpdate } from '@wcb/shared/wire';
import { markOpen } from './open-marks';
import { afterLocalChange, isFlushed, NOTHING_PENDING, OFFLINE, settle, type LinkState, type PendingKeys } from './pending';
import { changedRecords } from './pending-records';
import { startHeartbeat, type Heartbeat } from './heartbeat';
import { normaliseReason, shouldReconnectAfter } from './refusal';

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
  /** Records with local changes not yet sent; see pending.ts. */
  pending: PendingKeys;
  /** The first sync with the server has completed at least once since the room opened. */
  everSynced: boolean;
  /** The last connection attempt failed before the socket opened (server or network unreachable). */
  unreachable: boolean;
  /**
   * The server closed the socket for good (close codes 4400-4499, and 1007 `invalid-record`:
   * refusal.ts); null while connected or retrying. `reconnect()` tries again.
   */
  closed: { code: number; reason: string } | null;
  /**
   * The server dropped a write from this device (y-protocols auth message, permission denied), and
   * why: 'read-only', 'room-full', 'session-full', 'server-full' or whatever a newer server says
   * (see refusal.ts). Null while nothing was refused.
   */
  denied: string | null;
  /**
   * The last connection was closed with 4533 (the server does not know this phase yet) and has not
   * synced since; the provider keeps retrying.
   */
  waiting: boolean;
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

/**
 * Whether this browser may hold `name` in IndexedDB, asked before the room opens its database. A
 * room that is not listed has nothing to draw first, so it connects at once instead of after
 * IndexedDB has created its empty database (60-90 ms of a first visit's cold open). Should the
 * list already show the database being opened, the room just waits as it would anyway.
 */
const maybeStored = (name: string): Promise<boolean> =>
  typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function'
    ? indexedDB.databases().then(
        (list) => list.some((db) => db.name === name),
        () => true,
      )
    : Promise.resolve(true);

// Where the pending records are kept between page loads, in y-indexeddb's own key-value store: a
// reload while offline must still show the changes that never reached the server.
const PENDING_KEY = 'pending';
// A bound on what is stored: a bulk import offline is still one badge, not megabytes.
const MAX_STORED_PENDING = 10_000;

/** What an earlier page load stored; a count of updates (before records were kept) is one unknown change. */
function readStoredPending(v: unknown): PendingKeys {
  if (typeof v === 'number') return v > 0 ? new Set(['changes/earlier']) : NOTHING_PENDING;
  let keys: unknown;
  try {
    keys = typeof v === 'string' ? JSON.parse(v) : null;
  } catch {
    keys = null;
  }
  return Array.isArray(keys) ? new Set(keys.filter((k): k is string => typeof k === 'string').slice(0, MAX_STORED_PENDING)) : NOTHING_PENDING;
}

type Persistence = {
  persistence: IndexeddbPersistence | null;
  loaded: Promise<PendingKeys>;
  /** Stops persisting (the stored data stays). */
  close(): void;
};

function openPersistence(name: string, doc: Y.Doc): Persistence {
  if (typeof indexedDB === 'undefined') return { persistence: null, loaded: Promise.resolve(NOTHING_PENDING), close: () => {} };
  const kind = name.slice(name.indexOf('/') + 1);
  markOpen(`idb-open ${kind}`);
  const persistence = new IndexeddbPersistence(name, doc);
  persistence.once('synced', () => markOpen(`idb-loaded ${kind}`));
  const stopQuiet = quietLoad(persistence, doc);
  const stored = persistence.whenSynced
    .then(() => persistence.get(PENDING_KEY))
    .then(readStoredPending);
  const timeout = new Promise<PendingKeys>((resolve) => setTimeout(() => resolve(NOTHING_PENDING), IDB_TIMEOUT_MS));
  return {
    persistence,
    loaded: Promise.race([stored, timeout]),
    close() {
      stopQuiet();
      void persistence.destroy();
    },
  };
}

/**
 * Yjs encodes each transaction as an update message as soon as anyone listens to 'update', and
 * y-indexeddb loads a room in one transaction: a 2,000-note phase is a 600 KB message that its
 * own listener then ignores (it skips its own origin), tens of milliseconds of a cold open. Its
 * listener is detached until the stored updates are applied. Nothing written meanwhile is lost:
 * y-indexeddb stores the document's whole state, early edits included, just before applying.
 * Returns a function that cancels re-attaching (the persistence is being destroyed).
 */
function quietLoad(persistence: IndexeddbPersistence, doc: Y.Doc): () => void {
  const storeUpdate = (persistence as unknown as { _storeUpdate?: unknown })._storeUpdate;
  if (typeof storeUpdate !== 'function') return () => {};
  const listener = storeUpdate as (update: Uint8Array, origin: unknown) => void;
  doc.off('update', listener);
  let done = false;
  const attach = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    doc.on('update', listener);
  };
  persistence.once('synced', attach);
  // A broken IndexedDB never syncs; whatever it may still store later must not be dropped.
  const timer = setTimeout(attach, IDB_TIMEOUT_MS);
  return () => {
    done = true;
    clearTimeout(timer);
  };
}

// Rooms whose IndexedDB read started before anyone made the room (see preloadRoom).
const preloaded = new Map<string, Persistence & { doc: Y.Doc; ready: Promise<void> }>();
// Rooms made and not yet disposed, by name: there is nothing left to read ahead for them.
const made = new Map<string, number>();

export type Preload = {
  /** The stored updates are applied (or IndexedDB gave up: then the room will load from the server). */
  ready: Promise<void>;
  /** Drops the read if no room took it over (the guess was wrong, or the board closed). */
  drop(): void;
};

/**
 * Starts reading a room from IndexedDB before it is made: a board link starts reading its rooms
 * while the board's code still loads, and the room of the phase it expects alongside the control
 * room rather than once the control room has said which phase is current. `makeRoom` with the same
 * name takes the document over, loaded or still loading. Asking again returns the same read.
 */
export function preloadRoom(name: string): Preload {
  if (typeof indexedDB === 'undefined' || made.has(name)) return { ready: Promise.resolve(), drop: () => {} };
  let entry = preloaded.get(name);
  if (!entry) {
    const doc = new Y.Doc();
    const persistence = openPersistence(name, doc);
    const synced = persistence.persistence?.whenSynced.then(() => undefined) ?? Promise.resolve();
    entry = { doc, ...persistence, ready: Promise.race([synced, persistence.loaded.then(() => undefined)]) };
    preloaded.set(name, entry);
  }
  const mine = entry;
  return {
    ready: mine.ready,
    drop() {
      if (preloaded.get(name) !== mine) return;
      preloaded.delete(name);
      mine.close();
      mine.doc.destroy();
    },
  };
}

// A hidden tab draws no frames: it connects after this long instead.
const PAINT_WAIT_MS = 100;

/**
 * Runs `fn` once the page has drawn its next frame. A room connects after the board has drawn
 * what IndexedDB held (ARCHITECTURE.md: "renders, then connects"): connecting sends the whole
 * document to this browser's other tabs (BroadcastChannel sync step 2), tens of milliseconds on a
 * big board that would otherwise come before the first paint.
 */
function afterPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  setTimeout(run, PAINT_WAIT_MS);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
}

const INITIAL_STATE: RoomState = {
  loaded: false,
  link: OFFLINE,
  pending: NOTHING_PENDING,
  everSynced: false,
  unreachable: false,
  closed: null,
  denied: null,
  waiting: false,
};

type RoomStatus = {
  get(): RoomState;
  set(patch: Partial<RoomState>): void;
  subscribe(fn: (s: RoomState) => void): () => void;
  /** This person changed `records` (not yet on the wire). */
  changed(records: readonly string[]): void;
  /** IndexedDB has been read: `stored` were pending when this device last wrote. */
  loaded(stored: PendingKeys): void;
  dispose(): void;
};

/**
 * A room's state and its listeners. Each change re-reads the link, settles what is pending
 * (pending.ts: on the wire and answered by the server), keeps the pending list in IndexedDB so a
 * reload still counts it, and polls while the send buffer drains.
 */
function makeRoomStatus(readLink: () => LinkState, heartbeat: () => Heartbeat, persistence: IndexeddbPersistence | null): RoomStatus {
  const listeners = new Set<(s: RoomState) => void>();
  let disposed = false;
  let poll: ReturnType<typeof setInterval> | undefined;
  let state = INITIAL_STATE;
  let savedPending: PendingKeys = NOTHING_PENDING;
  // `heartbeat.heard()` when the pending changes were last seen all on the wire; null until then.
  let sentMark: number | null = null;
  const set = (patch: Partial<RoomState>) => {
    if (disposed) return;
    const link = readLink();
    const next = { ...state, ...patch, link };
    if (!link.connected) sentMark = null;
    // On the wire: ask the server to answer; what it says after that confirms these changes.
    if (next.pending.size > 0 && sentMark === null && isFlushed(link)) {
      sentMark = heartbeat().heard();
      heartbeat().sent();
    }
    next.pending = settle(next.pending, link, sentMark !== null && heartbeat().heard() > sentMark);
    if (next.pending.size === 0) sentMark = null;
    if (link.synced) {
      next.everSynced = true;
      next.waiting = false;
    }
    state = next;
    // Poll only while something is waiting for the send buffer to drain.
    if (state.pending.size > 0 && link.connected && poll === undefined) poll = setInterval(() => set({}), BUFFER_POLL_MS);
    if ((state.pending.size === 0 || !link.connected) && poll !== undefined) {
      clearInterval(poll);
      poll = undefined;
    }
    if (persistence && state.loaded && state.pending !== savedPending) {
      savedPending = state.pending;
      persistence.set(PENDING_KEY, JSON.stringify([...savedPending].slice(0, MAX_STORED_PENDING))).catch(() => {});
    }
    for (const fn of listeners) fn(state);
  };
  return {
    get: () => state,
    set,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    changed(records) {
      sentMark = null;
      set({ pending: afterLocalChange(state.pending, records) });
    },
    loaded(stored) {
      savedPending = stored;
      set({ loaded: true, pending: afterLocalChange(state.pending, stored) });
    },
    dispose() {
      disposed = true;
      listeners.clear();
      if (poll !== undefined) clearInterval(poll);
    },
  };
}

/** Keeps `status` in step with the provider's events; returns what undoes it. */
function followProvider(name: string, provider: WebsocketProvider, doc: Y.Doc, status: RoomStatus): () => void {
  const onTransaction = (tr: Y.Transaction) => {
    // Undo and redo are this person's changes too, made under the UndoManager's origin.
    if (!(isLocalOrigin(tr.origin) || tr.origin instanceof Y.UndoManager)) return;
    const records = changedRecords(tr);
    if (records.length > 0) status.changed(records);
  };
  const onStatus = ({ status: s }: { status: string }) => status.set(s === 'connected' ? { unreachable: false, closed: null } : {});
  const onClose = (event: { code?: number } | null) => {
    const waiting = event?.code === CloseCode.UnknownPhase;
    // A socket that closes before it ever opened means the server or the network is not there.
    if (!provider.wsconnected && !waiting) status.set({ unreachable: true });
    else status.set({ waiting });
  };
  // The stock handler only logs; the board must say why nothing it writes reaches anyone.
  provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) =>
    readAuthMessage(decoder, doc, (_doc, reason) => {
      console.warn(`Write refused in ${name}: ${reason}`);
      status.set({ denied: normaliseReason(reason) });
    });
  doc.on('afterTransaction', onTransaction);
  provider.on('closed', (event: { code: number; reason: string }) => status.set({ closed: { code: event.code, reason: event.reason } }));
  provider.on('status', onStatus);
  provider.on('sync', () => status.set({}));
  provider.on('connection-close', onClose);
  provider.on('connection-error', () => onClose(null));
  return () => doc.off('afterTransaction', onTransaction);
}

export function makeRoom(name: string, opts: { url?: string; doc?: Y.Doc; token?: string } = {}): Room {
  const early = opts.doc ? undefined : preloaded.get(name);
  if (early) preloaded.delete(name);
  // Asked before this room's own database exists; a room read ahead has it open already.
  const stored = early ? Promise.resolve(true) : maybeStored(name);
  const doc = early?.doc ?? opts.doc ?? new Y.Doc();
  const { persistence, loaded, close: closePersistence } = early ?? openPersistence(name, doc);
  made.set(name, (made.get(name) ?? 0) + 1);
  // The token goes in the query (`?token=`): browsers cannot set headers on a websocket.
  const params: Record<string, string> = opts.token ? { token: opts.token } : {};
  const provider = new WebsocketProvider(opts.url ?? websocketUrl(), name, doc, {
    connect: false,
    disableBc: false,
    params,
    shouldReconnect: shouldReconnectAfter,
  });
  let disposed = false;
  const readLink = (): LinkState => ({
    connected: provider.wsconnected,
    synced: provider.synced,
    bufferedAmount: provider.ws?.bufferedAmount ?? 0,
    stale: heartbeat.stale(),
  });
  const status = makeRoomStatus(readLink, () => heartbeat, persistence);
  const unfollow = followProvider(name, provider, doc, status);
  // After the auth handler: every message handler, that one included, counts as hearing.
  const heartbeat = startHeartbeat(provider, () => status.set({}), () => status.get().pending.size > 0);
  const connect = connectOnce(name, provider, () => disposed);
  // A room this browser never stored (a first visit) does not wait for IndexedDB to say so.
  void stored.then((maybe) => {
    if (!maybe && !status.get().loaded) connect();
  });
  loaded.then((storedPending) => {
    if (disposed) return;
    status.loaded(storedPending);
    // Nothing stored (a first visit): nothing to draw first.
    if (doc.store.clients.size === 0) connect();
    else afterPaint(connect);
  });

  return {
    name,
    doc,
    awareness: provider.awareness,
    state: status.get,
    subscribe: status.subscribe,
    reconnect() {
      if (disposed || !status.get().loaded) return;
      status.set({ closed: null });
      provider.connect();
    },
    clearDenied() {
      if (status.get().denied !== null) status.set({ denied: null });
    },
    pushState() {
      const ws = provider.ws;
      if (disposed || !provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
      // An update message, not a sync step 2: a refused update earns a permission-denied notice.
      ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      const count = (made.get(name) ?? 1) - 1;
      if (count > 0) made.set(name, count);
      else made.delete(name);
      status.dispose();
      heartbeat.dispose();
      unfollow();
      // destroy() tells peers we left (awareness null) before closing the socket.
      provider.destroy();
      provider.awareness.destroy();
      closePersistence();
      doc.destroy();
    },
  };
}

/** The first connect of a room, once, marked for the open timeline (open-marks.ts). */
function connectOnce(name: string, provider: WebsocketProvider, disposed: () => boolean): () => void {
  const kind = name.slice(name.indexOf('/') + 1);
  let connecting = false;
  return () => {
    if (connecting || disposed()) return;
    connecting = true;
    markOpen(`ws-connect ${kind}`);
    provider.once('sync', () => markOpen(`ws-synced ${kind}`));
    provider.connect();
  };
}
