import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { checkControlUpdate } from './doc-state/control-guard';
import { UpdateGuard } from './doc-state/update-guard';
import { InvalidRecord, InvalidUpdate } from './doc-state/update-rules';
import {
  DEFAULT_TEMPLATE_ID,
  LANGUAGES,
  ROLES,
  SESSION_ID_RE,
  buildSessionDocs,
  controlRoom,
  findTemplate,
  isLanguage,
  isRole,
  parseRoomName,
  phaseRoom,
  type Language,
  type Role,
} from '@wcb/shared';
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  RegisterSessionResponse,
  RoleResponse,
  RotateResponse,
  SessionRooms,
} from '@wcb/shared/wire';
import type { CreateGuard } from './create-guard';
import { HttpError, parseJsonBody, readBody, readJsonBody, sendJson } from './http-util';
import type { AuthGuard } from './limits';
import { WS_PATH } from './websocket';
import type { RoomSeed, SessionRecord, SessionStore } from './storage/types';
import {
  bearerToken,
  capabilityLink,
  hashToken,
  isTokenHash,
  mintToken,
  roleForToken,
  sameHash,
  sessionIdForHash,
  type TokenHashes,
} from './tokens';

// A create request is a handful of short fields; anything near this is not one, even if it parses.
// A registration that carries the session's content (`seed`) may be as large as the biggest
// websocket message.
export const MAX_SESSION_BODY_BYTES = 64 * 1024;
// A session's rooms: its control room plus a phase and a votes room per phase, with room to spare.
const MAX_SEED_ROOMS = 1 + 2 * 100;
// Matches what a board title can usefully show; the template code trims further.
const MAX_TITLE_LENGTH = 200;
// Same fallback the shared reader uses for a session without a language.
const DEFAULT_LANGUAGE: Language = 'en';
// `{ "role": "participant" }` and nothing more.
const MAX_ROTATE_BODY_BYTES = 1024;

/** A create/register request once parsed: the seed's rooms decoded and checked. */
type CreateSessionBody = Omit<CreateSessionRequest, 'seed'> & { seed?: RoomSeed[] };

export interface SessionsApiOptions {
  readonly store: SessionStore;
  /**
   * Called after a rotation stored `currentHash` for `role`: closes that role's connections
   * that authenticated with any other token.
   */
  readonly revoke: (sessionId: string, role: Role, currentHash: string) => void;
  /** Largest registration body (with its seed); the websocket's message limit. */
  readonly maxSeedBytes: number;
  /** Limits failed token attempts per address (429); none if absent. */
  readonly authGuard?: AuthGuard;
  /** Limits creations per address (429) and the store's sessions and bytes (507); none if absent. */
  readonly createGuard?: CreateGuard;
}

/** `/api/sessions/<id>/<action>` */
const SESSION_ACTION_RE = /^\/api\/sessions\/([^/]+)\/(role|rotate)$/;

/**
 * The session endpoints (PROTOCOL.md, "HTTP API"). Tokens arrive only in the Authorization
 * header and leave only in a create or rotate answer; neither is ever logged or stored.
 */
export class SessionsApi {
  /** Per session: the tail of its rotations, run one at a time so "current hash" is well defined. */
  private readonly rotations = new Map<string, Promise<unknown>>();

  constructor(private readonly options: SessionsApiOptions) {}

  /** Whether `path` is one of ours (so the router can answer 404 for the rest of /api/). */
  handles(path: string): boolean {
    return path === '/api/sessions' || SESSION_ACTION_RE.test(path);
  }

  async handle(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (path === '/api/sessions') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { Allow: 'POST' });
      return this.create(req, res);
    }
    const [, id = '', action] = SESSION_ACTION_RE.exec(path) ?? [];
    if (action === 'role') {
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'use GET' }, { Allow: 'GET' });
      const { role } = await this.authorize(req, id);
      return sendJson(res, 200, { role } satisfies RoleResponse);
    }
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { Allow: 'POST' });
    return this.rotate(req, res, id);
  }

  /**
   * POST /api/sessions
   * - without `id`: the server mints the three tokens, derives the id from the facilitator's,
   *   and seeds every room;
   * - with `id` and `tokenHashes`: a session the browser created (maybe offline) is registered,
   *   never seeded, because the browser already holds its content. Registering again with the
   *   same facilitator hash is a retry (200); another facilitator hash is someone else's (409).
   * The rate is checked before the body is read, the quotas before anything is written.
   */
  private async create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.options.createGuard?.admit(req);
    const bytes = await readBody(req, Math.max(MAX_SESSION_BODY_BYTES, this.options.maxSeedBytes));
    const json = parseJsonBody(bytes);
    // Only a seed (a whole session's content) needs more than a handful of short fields.
    const hasSeed = typeof json === 'object' && json !== null && 'seed' in json;
    if (!hasSeed && bytes.byteLength > MAX_SESSION_BODY_BYTES) {
      throw new HttpError(413, `body exceeds ${MAX_SESSION_BODY_BYTES} bytes (only a registration with a seed may be larger)`);
    }
    const body = parseCreateRequest(json);
    if (body.id === undefined) return this.createSeeded(res, body);
    if (!body.tokenHashes) throw new HttpError(400, 'registering a session requires tokenHashes');
    return this.register(res, { ...body, id: body.id, tokenHashes: body.tokenHashes });
  }

  private async register(res: ServerResponse, body: CreateSessionBody & { id: string; tokenHashes: TokenHashes }): Promise<void> {
    const { store } = this.options;
    const { id, tokenHashes } = body;
    if (await this.answerRetry(res, id, tokenHashes.facilitator)) return;
    // Only the facilitator token's holder can name this id: nobody who merely learned it can
    // claim a session created offline before it registers (PROTOCOL.md, "Roles and tokens").
    if (sessionIdForHash(tokenHashes.facilitator) !== id) {
      throw new HttpError(403, 'id is not the one derived from tokenHashes.facilitator');
    }
    await this.options.createGuard?.checkQuota();
    const record: SessionRecord = {
      id,
      createdAt: Date.now(),
      template: body.template ?? null,
      language: body.language ?? null,
      tokenHashes,
    };
    // The seed lets a session created offline (or imported) arrive whole, including rooms that
    // no websocket could write any more: a phase locked, or a vote closed, before registration.
    if (await store.createSession(record, body.seed ?? [])) return sendJson(res, 201, describeRegistered(id));
    // Registered by a concurrent request between the lookup and now.
    if (!(await this.answerRetry(res, id, tokenHashes.facilitator))) throw new Error('session vanished while registering');
  }

  /** For an id already registered: 200 when it is this facilitator's (a retry), else 409. False if unknown. */
  private async answerRetry(res: ServerResponse, id: string, facilitatorHash: string): Promise<boolean> {
    const existing = await this.options.store.getSession(id);
    if (!existing) return false;
    if (!existing.tokenHashes || !sameHash(existing.tokenHashes.facilitator, facilitatorHash)) {
      throw new HttpError(409, 'a session with this id is already registered by someone else');
    }
    sendJson(res, 200, describeRegistered(id));
    return true;
  }

  private async createSeeded(res: ServerResponse, body: CreateSessionBody): Promise<void> {
    await this.options.createGuard?.checkQuota();
    const tokens = Object.fromEntries(ROLES.map((role) => [role, mintToken()])) as Record<Role, string>;
    const tokenHashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as TokenHashes;
    // Derived like a browser's, so every id can be checked against its first facilitator hash.
    const id = sessionIdForHash(tokenHashes.facilitator);
    const templateId = body.template ?? DEFAULT_TEMPLATE_ID;
    const language = body.language ?? DEFAULT_LANGUAGE;
    const docs = buildSessionDocs({ sessionId: id, templateId, language, ...(body.title ? { title: body.title } : {}) });
    let seed: RoomSeed[];
    try {
      seed = [
        { room: controlRoom(id), update: Y.encodeStateAsUpdate(docs.control) },
        ...docs.phases.map(({ phaseId, doc }) => ({ room: phaseRoom(id, phaseId), update: Y.encodeStateAsUpdate(doc) })),
      ];
    } finally {
      docs.control.destroy();
      for (const { doc } of docs.phases) doc.destroy();
    }
    // 132 bits of a fresh random token behind the id: a collision means a broken random source.
    if (!(await this.options.store.createSession({ id, createdAt: Date.now(), template: templateId, language, tokenHashes }, seed))) {
      throw new Error('generated session id already exists');
    }
    const response: CreateSessionResponse = {
      id,
      rooms: roomsOf(id, docs.phases.map((p) => p.phaseId)),
      links: Object.fromEntries(ROLES.map((role) => [role, capabilityLink(id, tokens[role])])) as Record<Role, string>,
      websocketUrl: WS_PATH,
    };
    sendJson(res, 201, response);
  }

  /** POST /api/sessions/:id/rotate — facilitator only; the old token stops working at once. */
  private async rotate(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const { role: caller } = await this.authorize(req, id);
    if (caller !== 'facilitator') throw new HttpError(403, 'only the facilitator may rotate links');
    const body = await readJsonBody(req, MAX_ROTATE_BODY_BYTES);
    const role = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['role'] : undefined;
    if (!isRole(role)) throw new HttpError(400, `role must be one of ${ROLES.join(', ')}`);

    const run = async (): Promise<RotateResponse> => {
      // Re-checked inside the queue: a rotation of the facilitator token just before this one
      // must invalidate the token this request was authorized with.
      await this.authorize(req, id, 'facilitator');
      const token = mintToken();
      const hash = hashToken(token);
      if (!(await this.options.store.setTokenHash(id, role, hash))) throw new HttpError(404, 'unknown session');
      this.options.revoke(id, role, hash);
      return { role, token, link: capabilityLink(id, token) };
    };
    const previous = this.rotations.get(id) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(run);
    this.rotations.set(id, current);
    try {
      sendJson(res, 200, await current);
    } finally {
      if (this.rotations.get(id) === current) this.rotations.delete(id);
    }
  }

  private authorize(req: IncomingMessage, id: string, required?: Role): Promise<{ role: Role }> {
    return authorizeRequest(this.options.store, req, id, required, this.options.authGuard);
  }
}

/**
 * The role the request's bearer token grants in session `id`. 404 for an unknown session,
 * 401 for a missing or wrong token (or a session registered before tokens existed),
 * 403 when `required` is given and the role differs.
 */
export async function authorizeRequest(
  store: SessionStore,
  req: IncomingMessage,
  id: string,
  required?: Role,
  guard?: AuthGuard,
): Promise<{ role: Role }> {
  // Before any lookup: a blocked address learns nothing, not even whether the session exists.
  guard?.check(req);
  const session = SESSION_ID_RE.test(id) ? await store.getSession(id) : null;
  if (!session) throw new HttpError(404, 'unknown session');
  const token = bearerToken(req.headers.authorization);
  const role = token === null ? null : roleForToken(token, session.tokenHashes);
  if (!role) guard?.failed(req);
  if (token === null) throw new HttpError(401, 'missing token: send Authorization: Bearer <token>');
  if (!role) throw new HttpError(401, 'invalid token');
  if (required && role !== required) throw new HttpError(403, `only the ${required} may do this`);
  return { role };
}

const roomsOf = (id: string, phaseIds: readonly string[]): SessionRooms => ({
  control: controlRoom(id),
  phases: Object.fromEntries(phaseIds.map((p) => [p, phaseRoom(id, p)])),
});

// The server did not build a registered session's rooms and does not know its phases.
const describeRegistered = (id: string): RegisterSessionResponse => ({
  id,
  rooms: roomsOf(id, []),
  websocketUrl: WS_PATH,
});

function parseTokenHashes(value: unknown): TokenHashes {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'tokenHashes must be an object with facilitator, participant and viewer');
  }
  const raw = value as Record<string, unknown>;
  for (const role of ROLES) {
    if (!isTokenHash(raw[role])) {
      throw new HttpError(400, `tokenHashes.${role} must be a SHA-256 hash: 64 lowercase hex digits`);
    }
  }
  const hashes = {
    facilitator: raw['facilitator'],
    participant: raw['participant'],
    viewer: raw['viewer'],
  } as TokenHashes;
  if (new Set(Object.values(hashes)).size !== ROLES.length) {
    throw new HttpError(400, 'tokenHashes must be three different hashes');
  }
  return hashes;
}

/**
 * `seed`: `[{ room, update }]`, each room one of this session's (control, phase or votes), each
 * update base64 of a Yjs update that applies cleanly. Anything else is a 400 naming the entry.
 */
function parseSeed(value: unknown, sessionId: string): RoomSeed[] {
  if (!Array.isArray(value)) throw new HttpError(400, 'seed must be a list of { room, update }');
  if (value.length > MAX_SEED_ROOMS) throw new HttpError(400, `seed has more than ${MAX_SEED_ROOMS} rooms`);
  const rooms = new Set<string>();
  return value.map((entry: unknown, i) => {
    const { room, update } = (entry ?? {}) as Record<string, unknown>;
    const ref = typeof room === 'string' ? parseRoomName(room) : null;
    if (!ref || ref.sessionId !== sessionId) throw new HttpError(400, `seed[${i}].room must be a room of session ${sessionId}`);
    if (rooms.has(room as string)) throw new HttpError(400, `seed[${i}].room repeats ${String(room)}`);
    rooms.add(room as string);
    if (typeof update !== 'string' || !BASE64_RE.test(update)) throw new HttpError(400, `seed[${i}].update must be base64`);
    const bytes = new Uint8Array(Buffer.from(update, 'base64'));
    try {
      // The same gate as every websocket write (PROTOCOL.md, "Update rules"): content kinds,
      // sizes, nesting. Checked before Yjs applies it, which a hostile nesting could overflow.
      new UpdateGuard().inspect(bytes);
    } catch (error) {
      if (!(error instanceof InvalidUpdate)) throw new HttpError(400, `seed[${i}].update is not a whole Yjs document state`);
      throw new HttpError(400, `seed[${i}].update breaks the update rules: ${error.message}`);
    }
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, bytes);
      // A room's whole state depends on nothing else: anything left pending is not one.
      if (doc.store.pendingStructs || doc.store.pendingDs) throw new Error('incomplete');
    } catch {
      throw new HttpError(400, `seed[${i}].update is not a whole Yjs document state`);
    } finally {
      doc.destroy();
    }
    if (ref.kind === 'control') checkSeedRecords(bytes, i);
    return { room: room as string, update: bytes };
  });
}

/**
 * A control room's seed meets the same record checks as a websocket write (PROTOCOL.md, "Control
 * records"), measured against an empty room: every record it holds is new, so each must be well
 * formed. Without this a script could register a session whose control room is full of records
 * no facilitator's connection could ever write.
 */
function checkSeedRecords(bytes: Uint8Array, i: number): void {
  const empty = new Y.Doc();
  try {
    checkControlUpdate(empty, bytes);
  } catch (error) {
    if (!(error instanceof InvalidRecord)) throw error;
    throw new HttpError(400, `seed[${i}].update holds a malformed control record: ${error.message}`);
  } finally {
    empty.destroy();
  }
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

function parseCreateRequest(body: unknown): CreateSessionBody {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'body must be a JSON object');
  }
  const { id, tokenHashes, template, language, title, seed } = body as Record<string, unknown>;
  const out: CreateSessionBody = {};
  if (id !== undefined) {
    if (typeof id !== 'string' || !SESSION_ID_RE.test(id)) {
      throw new HttpError(400, `id must match ${String(SESSION_ID_RE)}`);
    }
    out.id = id;
  }
  if (tokenHashes !== undefined) {
    if (id === undefined) throw new HttpError(400, 'tokenHashes are only accepted together with id');
    out.tokenHashes = parseTokenHashes(tokenHashes);
  }
  if (seed !== undefined) {
    if (id === undefined || typeof id !== 'string') throw new HttpError(400, 'seed is only accepted together with id');
    out.seed = parseSeed(seed, id);
  }
  if (template !== undefined) {
    if (typeof template !== 'string' || !findTemplate(template)) {
      throw new HttpError(400, `unknown template ${JSON.stringify(template)}`);
    }
    out.template = template;
  }
  if (language !== undefined) {
    if (!isLanguage(language)) throw new HttpError(400, `language must be one of ${LANGUAGES.join(', ')}`);
    out.language = language;
  }
  if (title !== undefined) {
    if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) {
      throw new HttpError(400, `title must be a string of at most ${MAX_TITLE_LENGTH} characters`);
    }
    out.title = title;
  }
  return out;
}
