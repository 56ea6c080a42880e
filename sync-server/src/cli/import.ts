import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ControlRepair } from '@wcb/shared';
import { ImportError } from '@wcb/shared/harvest';
import { IMPORT_FORMATS, importDocs, mintSession, storeImportedSession, type ImportFormat, type StoredImport } from '../import-session';
import { SqliteStorage } from '../storage/sqlite';
import { parseCli, UsageError } from './args';

export const IMPORT_USAGE = `usage: npm run import -- FILE [--format ${IMPORT_FORMATS.join('|')}] [--data-dir DIR]`;

// An import file is a session's worth of text; far past this it is not one (and would not fit a room).
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** `npm run import`: creates a session in the store from a file; the caller prints its links and id. */
export async function runImport(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<StoredImport & { repairs: ControlRepair[] }> {
  const args = parseCli(argv, env, ['format']);
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) throw new UsageError('give exactly one file');
  const format = args.values.format;
  if (format !== undefined && !IMPORT_FORMATS.includes(format as ImportFormat)) throw new UsageError(`unknown format "${format}"`);
  const bytes = await readFile(file);
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportError(file, `is larger than ${MAX_IMPORT_BYTES} bytes`);
  const minted = mintSession();
  // Parsed and validated in full before the store is even opened: a broken file creates nothing.
  // A CSV carries no session title; the file's name is the best one there is.
  const title = basename(file, extname(file));
  const docs = importDocs(bytes.toString('utf8'), format as ImportFormat | undefined, minted.id, { title });
  const storage = new SqliteStorage({ dataDir: args.dataDir, synchronous: 'FULL' });
  try {
    // The control records the file held that the server refuses were repaired or left out: said on stderr.
    return { ...(await storeImportedSession(storage, minted, docs)), repairs: docs.repairs };
  } finally {
    await storage.close();
  }
}
