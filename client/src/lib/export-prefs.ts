import { AS_SEED_003, readDocumentOptions, type DocumentOptions } from '@wcb/shared/harvest';
import { readJson, writeJson, type KeyValueStore } from './storage';

/**
 * The export options a person chose for one session (provenance, charts, heading), kept on this
 * device. In localStorage rather than the session's control document: they are how this person
 * wants their copy printed, not session content, so choosing them needs no write access, works
 * offline for any role, and does not change another facilitator's export. Unset: seed 003's shape.
 */
const key = (sessionId: string) => `wcb.export.${sessionId}`;

export function loadExportOptions(store: KeyValueStore, sessionId: string): DocumentOptions {
  return readDocumentOptions(readJson<unknown>(store, key(sessionId), null), AS_SEED_003);
}

export function saveExportOptions(store: KeyValueStore, sessionId: string, patch: Partial<DocumentOptions>): DocumentOptions {
  const next = readDocumentOptions({ ...loadExportOptions(store, sessionId), ...patch }, AS_SEED_003);
  writeJson(store, key(sessionId), next);
  return next;
}
