import { RECORD_ID_RE } from '@wcb/shared';
import { readJson, writeJson, type KeyValueStore } from '../lib/storage';

/**
 * The phase this device last showed, per session. Reopening a board reads that phase's room from
 * IndexedDB alongside the control room (sync/room.ts, preloadRoom) rather than after it; it is a
 * guess, right as long as the session's current phase has not moved since.
 */

const KEY = 'wcb.lastPhase';
// Sessions remembered; the oldest are forgotten first (a guess costs nothing to lose).
const MAX_SESSIONS = 50;

type Entry = { phase: string; at: number };

const read = (store: KeyValueStore): Record<string, Entry> => {
  const value = readJson<unknown>(store, KEY, {});
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Entry>) : {};
};

export function lastPhase(store: KeyValueStore, sessionId: string): string | null {
  const phase = read(store)[sessionId]?.phase;
  return typeof phase === 'string' && RECORD_ID_RE.test(phase) ? phase : null;
}

export function rememberPhase(store: KeyValueStore, sessionId: string, phaseId: string, now = Date.now()): void {
  const all = read(store);
  if (all[sessionId]?.phase === phaseId) return;
  all[sessionId] = { phase: phaseId, at: now };
  const kept = Object.entries(all)
    .filter(([, e]) => e && typeof e.at === 'number')
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX_SESSIONS);
  writeJson(store, KEY, Object.fromEntries(kept));
}
