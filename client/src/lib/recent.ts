import { cleanText, SESSION_ID_RE } from '@wcb/shared';
import { readJson, writeJson, type KeyValueStore } from './storage';

/** Sessions this device has opened, for the home page. Their content lives in IndexedDB. */
export type RecentSession = {
  id: string;
  title: string;
  /** Last opened, ms since the epoch. */
  openedAt: number;
  /** The server knows this session (registered, or it came from the server by link). */
  registered: boolean;
};

const KEY = 'wcb.recent';
// A facilitator runs a few sessions a month; fifty covers a year without an endless list.
export const MAX_RECENT = 50;

const isRecent = (r: unknown): r is RecentSession => {
  const s = r as Partial<RecentSession> | null;
  return !!s && typeof s.id === 'string' && SESSION_ID_RE.test(s.id) && typeof s.title === 'string' && typeof s.openedAt === 'number';
};

/** Newest first; tolerant of anything an older version (or a person) left in storage. */
export function loadRecent(store: KeyValueStore): RecentSession[] {
  const raw = readJson<unknown>(store, KEY, []);
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(isRecent)
    .map((r) => ({ id: r.id, title: cleanText(r.title, 200), openedAt: r.openedAt, registered: r.registered === true }))
    .sort((a, b) => b.openedAt - a.openedAt);
}

/** Adds or updates one session (fields given win; `registered` never goes back to false). */
export function upsertRecent(
  store: KeyValueStore,
  entry: Pick<RecentSession, 'id'> & Partial<RecentSession>,
): RecentSession[] {
  const list = loadRecent(store);
  const prev = list.find((r) => r.id === entry.id);
  const next: RecentSession = {
    id: entry.id,
    title: entry.title ?? prev?.title ?? '',
    openedAt: entry.openedAt ?? prev?.openedAt ?? Date.now(),
    registered: (prev?.registered ?? false) || (entry.registered ?? false),
  };
  const out = [next, ...list.filter((r) => r.id !== entry.id)].sort((a, b) => b.openedAt - a.openedAt).slice(0, MAX_RECENT);
  writeJson(store, KEY, out);
  for (const fn of listeners) fn();
  return out;
}

const listeners = new Set<() => void>();

/**
 * Calls `fn` after each change of the list in this page (another tab's changes arrive as the
 * window's `storage` event): the home page's list shows a session the moment it is kept, e.g. an
 * import whose repairs are being read before its board opens. Returns the unsubscribe function.
 */
export function onRecentChange(fn: () => void): () => void {
  listeners.add(fn);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY || e.key === null) fn();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(fn);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
