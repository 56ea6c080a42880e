import { isRole, SESSION_ID_RE, tableFromHash, type Role } from '@wcb/shared';
import { rememberLinkSeat } from './seat';
import { readJson, writeJson, type KeyValueStore } from './storage';

/**
 * This device's capability tokens, one per session AND role. A link `/s/<id>#t=<token>` carries
 * one token; the role it grants is decided by the server, so a token that arrived by link is kept
 * unconfirmed (a guess, 'participant') until the server answers, and apart from the confirmed ones:
 * a link can add a credential but never replaces a stronger one (issue 14: a participant who sends
 * the facilitator some link must not cost the facilitator's device its facilitator token). The
 * creator of a session is its facilitator and also keeps the participant and viewer tokens it
 * hands out.
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

const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };
/** Facilitator > participant > viewer. */
export const isStronger = (a: Role, than: Role): boolean => RANK[a] > RANK[than];

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

/** Everything this device holds for a session: confirmed ones strongest first, then unconfirmed. */
export function sessionCredentials(store: KeyValueStore, sessionId: string): Credentials[] {
  const rank = (c: Credentials) => (c.confirmed ? 10 + RANK[c.role] : 0);
  return loadAll(store)
    .filter((c) => c.sessionId === sessionId)
    .sort((a, b) => rank(b) - rank(a));
}

/** The credential a bare session URL opens with: the strongest confirmed one, else a link's guess. */
export function loadCredentials(store: KeyValueStore, sessionId: string): Credentials | null {
  return sessionCredentials(store, sessionId)[0] ?? null;
}

/** The strongest credential the server has confirmed (or this device minted), if any. */
export function strongestConfirmed(store: KeyValueStore, sessionId: string): Credentials | null {
  return sessionCredentials(store, sessionId).find((c) => c.confirmed) ?? null;
}

/**
 * What this device knows about one token of a session: its own entry, or, for a facilitator, one
 * of the share tokens it minted (their roles are known without asking the server).
 */
export function credentialsForToken(store: KeyValueStore, sessionId: string, token: string): Credentials | null {
  const all = sessionCredentials(store, sessionId);
  const own = all.find((c) => c.token === token);
  if (own) return own;
  const minted = all.find((c) => c.role === 'facilitator' && c.confirmed && c.shareTokens);
  const share = minted?.shareTokens;
  if (!share) return null;
  const role = share.participant === token ? 'participant' : share.viewer === token ? 'viewer' : null;
  return role ? { sessionId, role, token, confirmed: true } : null;
}

/**
 * Stores one credential. A confirmed one takes its role's place (the newer token of a role wins: the
 * old one was rotated) and leaves every other role alone; an unconfirmed one only replaces older
 * unconfirmed guesses, never anything the server confirmed.
 */
export function saveCredentials(store: KeyValueStore, credentials: Credentials): Credentials {
  const { sessionId, role, token, confirmed } = credentials;
  const all = loadAll(store);
  const same = all.find((c) => c.sessionId === sessionId && c.token === token);
  // A guess never overwrites what the server confirmed about the same token.
  if (!confirmed && same?.confirmed) return same;
  // A facilitator entry confirmed again (askRole) keeps the share tokens it minted.
  const shareTokens = credentials.shareTokens ?? (role === 'facilitator' ? same?.shareTokens : undefined);
  const next: Credentials = { ...credentials, ...(shareTokens ? { shareTokens } : {}) };
  const replaced = (c: Credentials) =>
    c.sessionId === sessionId && (c.token === token || (confirmed ? c.confirmed && c.role === role : !c.confirmed));
  writeJson(store, KEY, [next, ...all.filter((c) => !replaced(c))]);
  return next;
}

/** The server said which role a token grants: keeps it alongside the session's other roles. */
export function confirmToken(store: KeyValueStore, sessionId: string, token: string, role: Role): Credentials {
  const prev = credentialsForToken(store, sessionId, token);
  return saveCredentials(store, { ...(prev?.role === role ? prev : {}), sessionId, role, token, confirmed: true });
}

/**
 * The server refused a token (401, or close 4401): forgets it only if it was never confirmed.
 * Nothing else of the session is touched, and a confirmed token is kept: a refusal may be a
 * passing server mistake, and a lost facilitator token can never be recovered.
 */
export function forgetRefusedToken(store: KeyValueStore, sessionId: string, token: string): void {
  const all = loadAll(store);
  const drop = (c: Credentials) => c.sessionId === sessionId && c.token === token && !c.confirmed;
  if (all.some(drop)) writeJson(store, KEY, all.filter((c) => !drop(c)));
}

/** Replaces the facilitator's share tokens (after a rotation). */
export function updateShareTokens(store: KeyValueStore, sessionId: string, shareTokens: ShareTokens): void {
  const facilitator = sessionCredentials(store, sessionId).find((c) => c.role === 'facilitator' && c.confirmed);
  if (facilitator) saveCredentials(store, { ...facilitator, shareTokens });
}

/**
 * Keeps a token that arrived by link, without replacing anything: a token this device already
 * knows keeps what it knows; an unknown one is stored as an unconfirmed guess ('participant', what
 * most links are) until the server answers.
 */
export function acceptLinkToken(store: KeyValueStore, sessionId: string, token: string): Credentials {
  return credentialsForToken(store, sessionId, token) ?? saveCredentials(store, { sessionId, role: 'participant', token, confirmed: false });
}

/** The token in a link's fragment (`#t=<token>`), or null. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return isToken(token) ? token : null;
}

/** A link that opens the session with a token; the token stays in the fragment, off the server's logs. */
export const sessionLink = (origin: string, sessionId: string, token: string): string =>
  `${origin}/s/${encodeURIComponent(sessionId)}#t=${encodeURIComponent(token)}`;

// The token the latest link brought, until its board takes it (see takeLinkToken).
let lastLink: { sessionId: string; token: string } | null = null;

/** Notes that this visit came by a link with this token (the address bar no longer shows it). */
export function rememberLinkToken(sessionId: string, token: string): void {
  lastLink = { sessionId, token };
}

/** The token of the link that opened this session's board, once: later visits open the strongest. */
export function takeLinkToken(sessionId: string): string | null {
  const link = lastLink;
  lastLink = null;
  return link && link.sessionId === sessionId ? link.token : null;
}

/**
 * Takes the token (and a seated link's table) out of the address bar (`/s/<id>#t=<token>[&table=<id>]`):
 * keeps them for the session and removes the fragment, so the token is not left in history, bookmarks or a screenshot of the
 * address bar. Returns the session id it was kept for, or null when there was none.
 */
export function captureLinkToken(store: KeyValueStore, sessionIdOf: (pathname: string) => string | null): string | null {
  const token = tokenFromHash(location.hash);
  const sessionId = sessionIdOf(location.pathname);
  if (!token || !sessionId) return null;
  acceptLinkToken(store, sessionId, token);
  rememberLinkToken(sessionId, token);
  // A table's printed link also asks to seat the device there (only a seat: the token decides the role).
  const table = tableFromHash(location.hash);
  if (table) rememberLinkSeat(sessionId, table);
  history.replaceState(history.state, '', location.pathname + location.search);
  return sessionId;
}
