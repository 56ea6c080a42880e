import * as Y from 'yjs';
import { controlRoom, phaseRoom, readSession, ROLES, votesRoom, type Role } from '@wcb/shared';
import { importFile, IMPORT_FORMATS, type ImportFormat, type RepairedImport } from '@wcb/shared/harvest';
import type { RoomSeed, SessionStore } from './storage/types';
import { capabilityLink, hashToken, mintToken, sessionIdForHash, type TokenHashes } from './tokens';

// The formats and their detection live in shared (harvest/import-file.ts): the browser imports too.
export { IMPORT_FORMATS, detectImportFormat, type ImportFormat } from '@wcb/shared/harvest';

/** The documents, and the control records repaired or left out on the way (PROTOCOL.md, "Control records"). */
export type ImportedDocs = RepairedImport;

/**
 * Parses a file's text into a new session's documents; throws ImportError naming the line or field.
 * Without a format the content decides: JSON opens with `{`, a CSV with its (BOM and) header row.
 */
export function importDocs(text: string, format: ImportFormat | undefined, sessionId: string, opts: { title?: string } = {}): ImportedDocs {
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) throw new Error(`unknown import format "${String(format)}"`);
  return importFile(text, { sessionId, format, title: opts.title });
}

export type StoredImport = { id: string; links: Record<Role, string> };

/**
 * Stores imported documents as a new session with freshly minted tokens, all rooms in one atomic
 * step (the store's createSession), so a failure leaves nothing behind.
 */
export async function storeImportedSession(store: SessionStore, minted: MintedSession, docs: ImportedDocs): Promise<StoredImport> {
  const { id: sessionId, tokens } = minted;
  const seed: RoomSeed[] = [
    { room: controlRoom(sessionId), update: Y.encodeStateAsUpdate(docs.control) },
    ...docs.phases.map((p) => ({ room: phaseRoom(sessionId, p.phaseId), update: Y.encodeStateAsUpdate(p.doc) })),
    ...docs.votes.map((v) => ({ room: votesRoom(sessionId, v.phaseId), update: Y.encodeStateAsUpdate(v.doc) })),
  ];
  const tokenHashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as TokenHashes;
  const meta = readSession(docs.control).meta;
  const created = await store.createSession(
    { id: sessionId, createdAt: Date.now(), template: meta.template || null, language: meta.language, tokenHashes },
    seed,
  );
  if (!created) throw new Error(`session id ${sessionId} already exists`);
  return { id: sessionId, links: Object.fromEntries(ROLES.map((role) => [role, capabilityLink(sessionId, tokens[role])])) as Record<Role, string> };
}

export type MintedSession = { id: string; tokens: Record<Role, string> };

/** Three fresh tokens and the id derived from the facilitator's (PROTOCOL.md, "Roles and tokens"). */
export function mintSession(): MintedSession {
  const tokens = Object.fromEntries(ROLES.map((role) => [role, mintToken()])) as Record<Role, string>;
  return { id: sessionIdForHash(hashToken(tokens.facilitator)), tokens };
}
