import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import {
  DEFAULT_TEMPLATE_ID,
  LANGUAGES,
  SESSION_ID_RE,
  buildSessionDocs,
  controlRoom,
  findTemplate,
  isLanguage,
  phaseRoom,
  randomId,
  type Language,
} from '@wcb/shared';
import { HttpError, readJsonBody, sendJson } from './http-util';
import { WS_PATH } from './websocket';
import type { RoomSeed, SessionStore } from './storage/types';

// A create request is a handful of short fields; anything near this is not one.
export const MAX_SESSION_BODY_BYTES = 64 * 1024;
// Matches what a board title can usefully show; the template code trims further.
const MAX_TITLE_LENGTH = 200;
// Same fallback the shared reader uses for a session without a language.
const DEFAULT_LANGUAGE: Language = 'en';

interface CreateSessionRequest {
  id?: string;
  template?: string;
  language?: Language;
  title?: string;
}

export interface CreateSessionResponse {
  id: string;
  rooms: { control: string; phases: Record<string, string> };
  links: { board: string };
  websocketUrl: string;
}

/**
 * POST /api/sessions (PROTOCOL.md, "HTTP API").
 * - without `id`: the server mints the id and seeds every room from the template;
 * - with `id`: a session the browser created offline is registered, never seeded, because
 *   the browser already holds its content and would merge a second copy of the template.
 * Registering an id twice is not an error (200 instead of 201), so browsers can retry freely.
 */
export async function createSession(req: IncomingMessage, res: ServerResponse, store: SessionStore): Promise<void> {
  const body = parseRequest(await readJsonBody(req, MAX_SESSION_BODY_BYTES));
  const createdAt = Date.now();
  const language = body.language ?? DEFAULT_LANGUAGE;

  if (body.id !== undefined) {
    const record = { id: body.id, createdAt, template: body.template ?? null, language: body.language ?? null };
    const created = await store.createSession(record, []);
    sendJson(res, created ? 201 : 200, describe(body.id, []));
    return;
  }

  const id = randomId();
  const templateId = body.template ?? DEFAULT_TEMPLATE_ID;
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
  // 132 random bits: a collision means a broken random source, not bad luck.
  if (!(await store.createSession({ id, createdAt, template: templateId, language }, seed))) {
    throw new Error('generated session id already exists');
  }
  sendJson(res, 201, describe(id, docs.phases.map((p) => p.phaseId)));
}

function describe(id: string, phaseIds: readonly string[]): CreateSessionResponse {
  return {
    id,
    rooms: { control: controlRoom(id), phases: Object.fromEntries(phaseIds.map((p) => [p, phaseRoom(id, p)])) },
    links: { board: `/s/${id}` },
    websocketUrl: WS_PATH,
  };
}

function parseRequest(body: unknown): CreateSessionRequest {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'body must be a JSON object');
  }
  const { id, template, language, title } = body as Record<string, unknown>;
  const out: CreateSessionRequest = {};
  if (id !== undefined) {
    if (typeof id !== 'string' || !SESSION_ID_RE.test(id)) {
      throw new HttpError(400, `id must match ${String(SESSION_ID_RE)}`);
    }
    out.id = id;
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
