import { findTemplate, type Language, type Role } from '@wcb/shared';
import { API, readRoleResponse, readRotateResponse, type CreateSessionRequest, type RotateRequest } from '@wcb/shared/wire';
import type { ShareTokens } from '../lib/credentials';
import { collectLocalSeed, type SeedRoom } from './local-seed';

/**
 * The server's HTTP API for sessions and tokens (PROTOCOL.md). Tokens travel only in request
 * bodies' hashes or in the Authorization header, never in a URL the server would log.
 */

/** Lowercase hex SHA-256 of a token: what the server stores instead of the token itself. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * 'rate-limited' (429: this address created too many sessions), 'server-full' (507: the server's
 * session or storage quota), 'too-large' (413) and 'unreachable' (no answer, 5xx) are worth
 * trying again later; 'conflict' (409) and 'rejected' (other 4xx) never will be.
 */
export type RegisterResult = 'registered' | 'conflict' | 'rejected' | 'unreachable' | 'rate-limited' | 'server-full' | 'too-large';

/** With the server's Retry-After, when it sent one: the earliest moment a retry may succeed. */
export type RegisterOutcome = { result: RegisterResult; retryAfterMs: number | null };

export type RegisterInput = { template?: string; language?: Language; tokens: ShareTokens & { facilitator: string } };

/**
 * Tells the server about a session created in this browser, with the hashes of its three tokens
 * and everything this browser holds of it (local-seed.ts), stored by the server in one step.
 * 201 created and 200 already registered (same facilitator hash: another tab, or an earlier
 * attempt whose answer was lost) both count as registered.
 */
export async function registerSession(id: string, input: RegisterInput): Promise<RegisterOutcome> {
  const [facilitator, participant, viewer] = (await Promise.all(
    [input.tokens.facilitator, input.tokens.participant, input.tokens.viewer].map(sha256Hex),
  )) as [string, string, string];
  const body: CreateSessionRequest = { id, tokenHashes: { facilitator, participant, viewer } };
  if (input.template && findTemplate(input.template)) body.template = input.template;
  if (input.language) body.language = input.language;
  const seed = await collectLocalSeed(id).catch((error: unknown) => {
    console.warn('Registering without the local content:', error);
    return [];
  });
  const post = (payload: CreateSessionRequest) =>
    fetch(API.sessions, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  const withSeed = (rooms: SeedRoom[]): CreateSessionRequest => (rooms.length ? { ...body, seed: rooms.map((s) => ({ room: s.room, update: toBase64(s.update) })) } : body);
  try {
    let res = await post(withSeed(seed));
    // Too big for one request: only what no websocket could bring (the control room, locked
    // phases, votes not open); the websockets bring the rest. Still too big: registered bare,
    // and those rooms stay on this device only (a locked phase's board says its writes are refused).
    const onlyBySeed = seed.filter((s) => s.onlyBySeed);
    if (res.status === 413 && onlyBySeed.length < seed.length) res = await post(withSeed(onlyBySeed));
    if (res.status === 413 && onlyBySeed.length > 0) res = await post(body);
    return { result: registerResultOf(res.status), retryAfterMs: retryAfterMs(res.headers.get('retry-after')) };
  } catch {
    return { result: 'unreachable', retryAfterMs: null };
  }
}

function registerResultOf(status: number): RegisterResult {
  if (status >= 200 && status < 300) return 'registered';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status === 507) return 'server-full';
  if (status === 413) return 'too-large';
  return status >= 500 ? 'unreachable' : 'rejected';
}

/** Retry-After in seconds (the server never sends the date form); null when absent or garbled. */
export function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  return Number(header) * 1000;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole room's bytes would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// One registration in flight per session: the home page and the board may both try at once.
const inFlight = new Map<string, Promise<RegisterOutcome>>();
// Registered sessions stay registered: a socket refused (4404) just before the answer arrived
// must not cost another request, each of which counts against this address's creation rate.
const registered = new Set<string>();
export function registerOnce(id: string, input: RegisterInput): Promise<RegisterOutcome> {
  if (registered.has(id)) return Promise.resolve({ result: 'registered', retryAfterMs: null });
  let p = inFlight.get(id);
  if (!p) {
    p = registerSession(id, input)
      .then((outcome) => {
        if (outcome.result === 'registered') registered.add(id);
        return outcome;
      })
      .finally(() => inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

export type RoleAnswer = { role: Role } | { error: 'unauthorized' | 'unknown-session' | 'unreachable' };

/** What the server says this token may do in this session. */
export async function fetchRole(id: string, token: string): Promise<RoleAnswer> {
  try {
    const res = await fetch(API.session(id, 'role'), { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401) return { error: 'unauthorized' };
    if (res.status === 404) return { error: 'unknown-session' };
    if (!res.ok) return { error: 'unreachable' };
    return readRoleResponse(await res.json()) ?? { error: 'unreachable' };
  } catch {
    return { error: 'unreachable' };
  }
}

/** Replaces the token behind one share link; the old link stops working at once. */
export async function rotateToken(id: string, facilitatorToken: string, role: 'participant' | 'viewer'): Promise<string> {
  const res = await fetch(API.session(id, 'rotate'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorToken}` },
    body: JSON.stringify({ role } satisfies RotateRequest),
  });
  if (!res.ok) throw new Error(`rotate failed: HTTP ${res.status}`);
  const answer = readRotateResponse(await res.json());
  if (!answer) throw new Error('rotate failed: no token in the answer');
  return answer.token;
}
