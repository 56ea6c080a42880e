import * as Y from 'yjs';
import {
  controlRoom,
  importSeed003,
  importSessionJson,
  ImportError,
  phaseRoom,
  randomId,
  readSession,
  ROLES,
  votesRoom,
  type Role,
} from '@wcb/shared';
import type { RoomSeed, SessionStore } from './storage/types';
import { capabilityLink, hashToken, mintToken, type TokenHashes } from './tokens';

export const IMPORT_FORMATS = ['json', 'seed003'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Which importer a file needs, from its own content: our JSON names its format, seed 003 has phases of lists. */
export function detectImportFormat(json: unknown): ImportFormat {
  if (json && typeof json === 'object' && (json as Record<string, unknown>).format === 'world-cafe-board/session') return 'json';
  return 'seed003';
}

export type ImportedDocs = { control: Y.Doc; phases: { phaseId: string; doc: Y.Doc }[]; votes: { phaseId: string; doc: Y.Doc }[] };

/** Parses a file's text into a new session's documents; throws ImportError naming the line or field. */
export function importDocs(text: string, format: ImportFormat | undefined, sessionId: string): ImportedDocs {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError('file', `is not valid JSON (${message})`);
  }
  const chosen = format ?? detectImportFormat(json);
  if (chosen === 'json') return importSessionJson(json, sessionId);
  return { ...importSeed003(json, { sessionId }), votes: [] };
}

export type StoredImport = { id: string; links: Record<Role, string> };

/**
 * Stores imported documents as a new session with freshly minted tokens, all rooms in one atomic
 * step (the store's createSession), so a failure leaves nothing behind.
 */
export async function storeImportedSession(store: SessionStore, sessionId: string, docs: ImportedDocs): Promise<StoredImport> {
  const seed: RoomSeed[] = [
    { room: controlRoom(sessionId), update: Y.encodeStateAsUpdate(docs.control) },
    ...docs.phases.map((p) => ({ room: phaseRoom(sessionId, p.phaseId), update: Y.encodeStateAsUpdate(p.doc) })),
    ...docs.votes.map((v) => ({ room: votesRoom(sessionId, v.phaseId), update: Y.encodeStateAsUpdate(v.doc) })),
  ];
  const tokens = Object.fromEntries(ROLES.map((role) => [role, mintToken()])) as Record<Role, string>;
  const tokenHashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as TokenHashes;
  const meta = readSession(docs.control).meta;
  const created = await store.createSession(
    { id: sessionId, createdAt: Date.now(), template: meta.template || null, language: meta.language, tokenHashes },
    seed,
  );
  if (!created) throw new Error(`session id ${sessionId} already exists`);
  return { id: sessionId, links: Object.fromEntries(ROLES.map((role) => [role, capabilityLink(sessionId, tokens[role])])) as Record<Role, string> };
}

export const newSessionId = (): string => randomId();
