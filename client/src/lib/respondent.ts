import { readJson, writeJson, type KeyValueStore } from './storage';

/**
 * Who answers a survey from this device. One device is usually one person (the participant id),
 * but a shared table laptop passes from hand to hand: "Next person" starts a fresh response whose
 * id is `<participantId>~<n>`. The n of each session is kept here so a reload continues the
 * current person's response instead of overwriting the previous person's.
 */
const KEY = 'wcb.respondents';
// Old sessions' counters are worth nothing once the survey is over; keep the map small.
const MAX_SESSIONS = 100;
const MAX_N = 9999;

const readCounters = (store: KeyValueStore): Record<string, unknown> => {
  const raw = readJson<unknown>(store, KEY, {});
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
};

/** This device's current person in a session: 0 for the first, 1 after one "Next person", ... */
export function respondentIndex(store: KeyValueStore, sessionId: string): number {
  const n = readCounters(store)[sessionId];
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_N ? n : 0;
}

/** Starts the next person's response in a session and returns their index. */
export function nextRespondent(store: KeyValueStore, sessionId: string): number {
  const n = Math.min(MAX_N, respondentIndex(store, sessionId) + 1);
  const { [sessionId]: _previous, ...others } = readCounters(store);
  const kept = Object.entries(others).slice(-(MAX_SESSIONS - 1));
  writeJson(store, KEY, { ...Object.fromEntries(kept), [sessionId]: n });
  return n;
}

/** The response id: the participant id itself for the first person, so a phone keeps one response. */
export const respondentId = (participant: string, index: number): string => (index > 0 ? `${participant}~${index}` : participant);
