import { isRole, SESSION_ID_RE, type Role } from '@wcb/shared';
import { readJson, writeJson, type KeyValueStore } from './storage';

/**
 * This device's capability token per session. A link `/s/<id>#t=<token>` carries one token; the
 * role it grants is decided by the server, so a token that arrived by link is kept with the role
 * the server last confirmed (or a guess, `confirmed: false`, until it answers). The creator of a
 * session is its facilitator and also keeps the participant and viewer tokens it hands out.
 */
export type ShareTokens = { participant: string; viewer: string };

export type Credentials = {
  sessionId: string;
  role: Role;
  token: string;
  /** The server has told this device the role (or this device created the session). */
  confirmed: boolean;
  /** Facilitator only: the tokens behind the participant and viewer links. */
  shareTokens?: ShareTokens;
};

const KEY = 'wcb.credentials';
// Tokens are randomId() strings; anything else in a fragment is not ours.
const TOKEN_RE = /^[A-Za-z0-9_-]{16,128}$/;
export const isToken = (v: unknown): v is string => typeof v === 'string' && TOKEN_RE.test(v);

const read = (raw: unknown): Credentials | null => {
  const c = raw as Partial<Credentials> | null;
  if (!c || typeof c.sessionId !== 'string' || !SESSION_ID_RE.test(c.sessionId) || !isToken(c.token) || !isRole(c.role)) return null;
  const share = c.shareTokens;
  const shareTokens = share && isToken(share.participant) && isToken(share.viewer) ? { participant: share.participant, viewer: share.viewer } : undefined;
  return { sessionId: c.sessionId, role: c.role, token: c.token, confirmed: c.confirmed === true, ...(shareTokens ? { shareTokens } : {}) };
};

function loadAll(store: KeyValueStore): Credentials[] {
  const raw = readJson<unknown>(store, KEY, []);
  return Array.isArray(raw) ? raw.map(read).filter((c): c is Credentials => c !== null) : [];
}

export function loadCredentials(store: KeyValueStore, sessionId: string): Credentials | null {
  return loadAll(store).find((c) => c.sessionId === sessionId) ?? null;
}

/** Replaces this session's entry (one token per session and device). */
export function saveCredentials(store: KeyValueStore, credentials: Credentials): Credentials {
  writeJson(store, KEY, [credentials, ...loadAll(store).filter((c) => c.sessionId !== credentials.sessionId)]);
  return credentials;
}

/** Merges a patch into this session's entry; does nothing when there is none. */
export function updateCredentials(store: KeyValueStore, sessionId: string, patch: Partial<Omit<Credentials, 'sessionId'>>): Credentials | null {
  const prev = loadCredentials(store, sessionId);
  return prev ? saveCredentials(store, { ...prev, ...patch, sessionId }) : null;
}

/**
 * Keeps a token that arrived by link. A facilitator opening one of its own share links on this
 * device stays facilitator: losing the facilitator token by one click could not be undone.
 */
export function acceptLinkToken(store: KeyValueStore, sessionId: string, token: string): Credentials {
  const prev = loadCredentials(store, sessionId);
  if (prev && (prev.token === token || (prev.role === 'facilitator' && Object.values(prev.shareTokens ?? {}).includes(token)))) return prev;
  // Unknown until the server answers; 'participant' is what most links are.
  return saveCredentials(store, { sessionId, role: 'participant', token, confirmed: false });
}

/** The token in a link's fragment (`#t=<token>`), or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return isToken(token) ? token : null;
}

/** A link that opens the session with a token; the token stays in the fragment, off the server's logs. */
export const sessionLink = (origin: string, sessionId: string, token: string): string =>
  `${origin}/s/${encodeURIComponent(sessionId)}#t=${encodeURIComponent(token)}`;

/**
 * Takes the token out of the address bar (`/s/<id>#t=<token>`): keeps it for the session and
 * removes the fragment, so the token is not left in history, bookmarks or a screenshot of the
 * address bar. Returns the session id it was kept for, or null when there was none.
 */
export function captureLinkToken(store: KeyValueStore, sessionIdOf: (pathname: string) => string | null): string | null {
  const token = tokenFromHash(location.hash);
  const sessionId = sessionIdOf(location.pathname);
  if (!token || !sessionId) return null;
  acceptLinkToken(store, sessionId, token);
  history.replaceState(history.state, '', location.pathname + location.search);
  return sessionId;
}
