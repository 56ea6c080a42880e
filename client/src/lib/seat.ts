import { randomId, type VotingSettings } from '@wcb/shared';
import { readJson, writeJson, type KeyValueStore } from './storage';

/**
 * Where this device sits in a café: a stable participant id (one device = one participant, kept
 * across sessions), and per session the table it joined as and whether notes are written
 * anonymously (a shared laptop).
 */
export type Seat = { table: string; anonymous: boolean };

const PARTICIPANT_KEY = 'wcb.participant';
const PERSON_KEY = 'wcb.person';
const SEATS_KEY = 'wcb.seats';
const ID_RE = /^[A-Za-z0-9_-]{8,64}$/;

export function participantId(store: KeyValueStore, make: () => string = randomId): string {
  const stored = readJson<unknown>(store, PARTICIPANT_KEY, null);
  if (typeof stored === 'string' && ID_RE.test(stored)) return stored;
  const id = make();
  writeJson(store, PARTICIPANT_KEY, id);
  return id;
}

/**
 * The id this device's presence carries, so that its tabs count as one person and its colour is
 * the same on every board. Not the participant id: that one places dots, and presence is public.
 */
export function personId(store: KeyValueStore, make: () => string = randomId): string {
  const stored = readJson<unknown>(store, PERSON_KEY, null);
  if (typeof stored === 'string' && ID_RE.test(stored)) return stored;
  const id = make();
  writeJson(store, PERSON_KEY, id);
  return id;
}

const readSeats = (store: KeyValueStore): Record<string, unknown> => {
  const raw = readJson<unknown>(store, SEATS_KEY, {});
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
};

export function loadSeat(store: KeyValueStore, sessionId: string): Seat {
  const s = readSeats(store)[sessionId] as Partial<Seat> | undefined;
  return {
    table: s && typeof s.table === 'string' && s.table.length <= 64 ? s.table : '',
    anonymous: s?.anonymous === true,
  };
}

export function saveSeat(store: KeyValueStore, sessionId: string, patch: Partial<Seat>): Seat {
  const next = { ...loadSeat(store, sessionId), ...patch };
  writeJson(store, SEATS_KEY, { ...readSeats(store), [sessionId]: next });
  return next;
}

/**
 * Who places a dot from this device: the participant, or the table it sits at when voting is per
 * table. Null when voting is per table and no table has been picked (or the table no longer exists).
 */
export function voterFor(
  settings: Pick<VotingSettings, 'per'>,
  participant: string,
  table: string,
  tableIds: readonly string[],
): string | null {
  if (settings.per === 'participant') return participant || null;
  return table && tableIds.includes(table) ? table : null;
}

/** The author stamped on a new note: the display name, or '' when writing anonymously. */
export const authorFor = (name: string, anonymous: boolean): string => (anonymous ? '' : name);

/** One tap on a note's author: a named note becomes anonymous, an anonymous one gets the name. */
export const toggledAuthor = (current: string, name: string): string => (current ? '' : name);

// The table a seated link (`#t=…&table=…`, PROTOCOL.md "Seated links") asked for, until the
// session's board takes it. In memory only: a reload, a screenshot or a re-shared address bar
// (the fragment is gone by then) never seats anyone again.
let linkSeat: { sessionId: string; table: string } | null = null;

export function rememberLinkSeat(sessionId: string, table: string): void {
  linkSeat = { sessionId, table };
}

/** The table the link that opened this session's board asked for, once. */
export function takeLinkSeat(sessionId: string): string | null {
  const asked = linkSeat;
  linkSeat = null;
  return asked && asked.sessionId === sessionId ? asked.table : null;
}
