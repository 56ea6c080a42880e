import type { Role } from '@wcb/shared';
import {
  acceptLinkToken,
  confirmToken,
  credentialsForToken,
  forgetRefusedToken,
  isStronger,
  loadCredentials,
  strongestConfirmed,
  type Credentials,
} from './credentials';
import type { KeyValueStore } from './storage';

/**
 * Which credential a board opens with, when a link may bring a token other than the device's own:
 * 'open'    no question: the only credential, or the link's role is at least as strong;
 * 'choose'  the link grants less than this device holds: the person picks (own role by default);
 * 'ask'     the link's token is new here and the device already holds a role: the server says
 *           which role it grants before anything is decided;
 * 'none'    this device holds no token for the session.
 */
export type Opening =
  | { kind: 'open'; credentials: Credentials }
  | { kind: 'choose'; own: Credentials; link: Credentials }
  | { kind: 'ask'; own: Credentials; token: string }
  | { kind: 'none' };

export function planOpening(store: KeyValueStore, sessionId: string, linkToken: string | null): Opening {
  const own = strongestConfirmed(store, sessionId);
  if (linkToken === null || linkToken === own?.token) {
    const held = loadCredentials(store, sessionId);
    return held ? { kind: 'open', credentials: held } : { kind: 'none' };
  }
  // Nothing confirmed to protect: the link is all this device has (its role is confirmed later).
  if (!own) return { kind: 'open', credentials: acceptLinkToken(store, sessionId, linkToken) };
  const link = credentialsForToken(store, sessionId, linkToken);
  if (!link?.confirmed) return { kind: 'ask', own, token: linkToken };
  return isStronger(own.role, link.role) ? { kind: 'choose', own, link } : { kind: 'open', credentials: link };
}

// A hanging network (a captive portal) must not keep the board behind "checking the link" for long.
const ASK_TIMEOUT_MS = 5000;

export type RoleLookup = (sessionId: string, token: string) => Promise<{ role: Role } | { error: string }>;

/**
 * Settles an 'ask': a role the server names is stored alongside the others (a stronger one then
 * opens, a weaker one is offered); a refused token is forgotten alone; without an answer
 * (offline) the device's own credential opens and the link stays an unconfirmed guess.
 */
export async function settleOpening(
  store: KeyValueStore,
  sessionId: string,
  token: string,
  lookup: RoleLookup,
  timeoutMs = ASK_TIMEOUT_MS,
): Promise<{ opening: Opening; refused: boolean }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ error: string }>((resolve) => (timer = setTimeout(() => resolve({ error: 'unreachable' }), timeoutMs)));
  const answer = await Promise.race([lookup(sessionId, token), late]).finally(() => clearTimeout(timer));
  if ('role' in answer) {
    confirmToken(store, sessionId, token, answer.role);
    return { opening: planOpening(store, sessionId, token), refused: false };
  }
  const refused = answer.error === 'unauthorized';
  if (refused) forgetRefusedToken(store, sessionId, token);
  return { opening: planOpening(store, sessionId, null), refused };
}
