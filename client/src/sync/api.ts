import { findTemplate, isRole, type Language, type Role } from '@wcb/shared';
import type { ShareTokens } from '../lib/credentials';

/**
 * The server's HTTP API for sessions and tokens (PROTOCOL.md). Tokens travel only in request
 * bodies' hashes or in the Authorization header, never in a URL the server would log.
 */

/** Lowercase hex SHA-256 of a token: what the server stores instead of the token itself. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type RegisterResult = 'registered' | 'conflict' | 'rejected' | 'unreachable';

export type RegisterInput = { template?: string; language?: Language; tokens: ShareTokens & { facilitator: string } };

/**
 * Tells the server about a session created in this browser, with the hashes of its three tokens.
 * 201 created and 200 already registered (same facilitator hash: another tab, or an earlier
 * attempt whose answer was lost) both count as registered.
 */
export async function registerSession(id: string, input: RegisterInput): Promise<RegisterResult> {
  const [facilitator, participant, viewer] = await Promise.all(
    [input.tokens.facilitator, input.tokens.participant, input.tokens.viewer].map(sha256Hex),
  );
  const body: Record<string, unknown> = { id, tokenHashes: { facilitator, participant, viewer } };
  if (input.template && findTemplate(input.template)) body.template = input.template;
  if (input.language) body.language = input.language;
  try {
    const res = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.ok) return 'registered';
    return res.status === 409 ? 'conflict' : res.status >= 500 ? 'unreachable' : 'rejected';
  } catch {
    return 'unreachable';
  }
}

// One registration in flight per session: the home page and the board may both try at once.
const inFlight = new Map<string, Promise<RegisterResult>>();
export function registerOnce(id: string, input: RegisterInput): Promise<RegisterResult> {
  let p = inFlight.get(id);
  if (!p) {
    p = registerSession(id, input).finally(() => inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

export type RoleAnswer = { role: Role } | { error: 'unauthorized' | 'unknown-session' | 'unreachable' };

/** What the server says this token may do in this session. */
export async function fetchRole(id: string, token: string): Promise<RoleAnswer> {
  try {
    const res = await fetch(`/api/sessions/${encodeURIComponent(id)}/role`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401) return { error: 'unauthorized' };
    if (res.status === 404) return { error: 'unknown-session' };
    if (!res.ok) return { error: 'unreachable' };
    const body = (await res.json()) as { role?: unknown };
    return isRole(body.role) ? { role: body.role } : { error: 'unreachable' };
  } catch {
    return { error: 'unreachable' };
  }
}

/** Replaces the token behind one share link; the old link stops working at once. */
export async function rotateToken(id: string, facilitatorToken: string, role: 'participant' | 'viewer'): Promise<string> {
  const res = await fetch(`/api/sessions/${encodeURIComponent(id)}/rotate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorToken}` },
    body: JSON.stringify({ role }),
  });
  if (!res.ok) throw new Error(`rotate failed: HTTP ${res.status}`);
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== 'string' || !body.token) throw new Error('rotate failed: no token in the answer');
  return body.token;
}
