/**
 * The HTTP API's requests and answers (PROTOCOL.md, "HTTP API"), typed once for the server that
 * sends them, the client that reads them and the tests that check them. The readers at the end
 * turn an untrusted JSON body into a typed answer or null: a client never casts a body.
 */
import { isRole, type Role } from '../roles';
import type { Language } from '../templates/types';

export const API = {
  sessions: '/api/sessions',
  time: '/api/time',
  session: (id: string, action: 'role' | 'rotate') => `/api/sessions/${encodeURIComponent(id)}/${action}`,
} as const;

/** Lowercase hex SHA-256 of each role's token: what the server stores instead of the tokens. */
export type TokenHashes = Readonly<Record<Role, string>>;

/** One room's whole state as a browser holds it, base64 on the wire. */
export type RoomSeedJson = { room: string; update: string };

/**
 * `POST /api/sessions`. Without `id`: the server mints the tokens and builds the session from the
 * template. With `id` and `tokenHashes`: registers a session made in a browser, with its content.
 */
export type CreateSessionRequest = {
  id?: string;
  tokenHashes?: TokenHashes;
  seed?: RoomSeedJson[];
  template?: string;
  language?: Language;
  title?: string;
};

export type SessionRooms = { control: string; phases: Record<string, string> };

/** 201 to `POST /api/sessions` without an id: the only answer that ever carries minted tokens. */
export type CreateSessionResponse = {
  id: string;
  rooms: SessionRooms;
  /** `/s/<id>#t=<token>` per role. */
  links: Record<Role, string>;
  websocketUrl: string;
};

/** 201/200 to `POST /api/sessions` with an id: the browser holds the tokens, so no links. */
export type RegisterSessionResponse = { id: string; rooms: SessionRooms; websocketUrl: string };

/** `GET /api/sessions/:id/role` with a bearer token. */
export type RoleResponse = { role: Role };

/** `POST /api/sessions/:id/rotate` body, facilitator token. */
export type RotateRequest = { role: 'participant' | 'viewer' };
export type RotateResponse = { role: Role; token: string; link: string };

/** `GET /api/time`. */
export type TimeResponse = { now: number };

/** Every 4xx/5xx answer of the API. */
export type ErrorResponse = { error: string };

const objectOf = (body: unknown): Record<string, unknown> | null =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;

export function readRoleResponse(body: unknown): RoleResponse | null {
  const role = objectOf(body)?.role;
  return isRole(role) ? { role } : null;
}

export function readRotateResponse(body: unknown): RotateResponse | null {
  const o = objectOf(body);
  if (!o || !isRole(o.role) || typeof o.token !== 'string' || !o.token || typeof o.link !== 'string') return null;
  return { role: o.role, token: o.token, link: o.link };
}

export function readTimeResponse(body: unknown): TimeResponse | null {
  const now = objectOf(body)?.now;
  return typeof now === 'number' && Number.isFinite(now) ? { now } : null;
}
