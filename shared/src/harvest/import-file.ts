import { repairControlDoc, type ControlRepair } from '../control-repair';
import { LocalOrigin } from '../origins';
import { importCsv } from './import-csv';
import { importProblem } from './import-error';
import { importSeed003 } from './import-seed003';
import { importSessionJson, SESSION_JSON_FORMAT, type ImportedSession } from './session-json';

/**
 * One entry for every import (browser, server API, CLI): picks the importer from the file's own
 * content unless told, and returns a whole session or throws ImportError naming the line or field.
 */
export const IMPORT_FORMATS = ['json', 'seed003', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** JSON files open with `{` (after any BOM and blanks); anything else is read as our CSV. */
export function detectImportFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) return 'csv';
  // Only a cheap look: the JSON is parsed once, by importFile.
  return /"format"\s*:\s*"world-cafe-board\/session"/.test(start.slice(0, 4096)) ? 'json' : 'seed003';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw importProblem('file.notJson', 'file', { detail: message });
  }
}

export type ImportFileOptions = { sessionId: string; format?: ImportFormat; title?: string; now?: number };

/** An imported session, and what of its control records had to be repaired or dropped. */
export type RepairedImport = ImportedSession & { repairs: ControlRepair[] };

/**
 * The session a file holds, its control records brought to what the server accepts
 * (control-repair.ts): an export from an older version, or an edited one, may hold records no
 * registration or websocket would take, and a session made of them could never reach the server.
 */
export function importFile(text: string, opts: ImportFileOptions): RepairedImport {
  const session = parseFile(text, opts);
  return { ...session, repairs: repairControlDoc(session.control, new LocalOrigin('import.repair')) };
}

function parseFile(text: string, opts: ImportFileOptions): ImportedSession {
  const format = opts.format ?? detectImportFormat(text);
  if (format === 'csv') return importCsv(text, opts);
  const json = parseJson(text);
  // A JSON file without our format tag may still be ours, written with its keys in another order.
  const isSession = !!json && typeof json === 'object' && (json as Record<string, unknown>).format === SESSION_JSON_FORMAT;
  if (format === 'json' || (opts.format === undefined && isSession)) return importSessionJson(json, opts.sessionId);
  return { ...importSeed003(json, opts), votes: [] };
}
