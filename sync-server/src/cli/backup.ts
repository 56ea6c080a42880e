import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCli, UsageError } from './args';

const USAGE = 'usage: npm run backup -- --out FILE [--data-dir DIR]';

// As long as the server's own busy timeout: a checkpoint in progress must not fail the backup.
const BUSY_TIMEOUT_MS = 5_000;
// Every page in one backup step. Copied in small steps (better-sqlite3's default), a backup
// restarts whenever the server commits between two steps, and during a busy workshop it might
// never finish; one step reads one consistent snapshot while WAL lets the server keep writing.
const ALL_PAGES = 0x7fffffff;

export interface BackupResult {
  /** Absolute path of the finished backup. */
  readonly out: string;
  readonly bytes: number;
}

/**
 * `npm run backup`: copies `$DATA_DIR/board.sqlite` with SQLite's online backup API, safe while
 * the server runs. The copy is checked (`PRAGMA integrity_check`), switched out of WAL mode so it
 * is one self-contained file, and only then renamed to --out: a failed run leaves no partial file.
 */
export async function runBackup(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<BackupResult> {
  const args = parseCli(argv, env, ['out']);
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  if (!args.values.out) throw new UsageError('give the backup file with --out FILE');
  const source = join(args.dataDir, 'board.sqlite');
  const out = resolve(args.values.out);
  if (out === source) throw new UsageError('--out must not be the live database');
  // fileMustExist below would also refuse, but this says what is wrong in the operator's terms.
  if (!existsSync(source)) throw new Error(`no database at ${source} (check --data-dir or DATA_DIR)`);

  const partial = `${out}.partial-${process.pid}`;
  try {
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      await db.backup(partial, { progress: () => ALL_PAGES });
    } finally {
      db.close();
    }
    verify(partial);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { out, bytes: (await stat(out)).size };
}

function verify(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the backup failed its integrity check: ${String(result)}`);
    // The source is in WAL mode and the copy inherits it; DELETE makes it a single file that a
    // restore can copy into place without a -wal beside it. The server turns WAL on again at start.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export { USAGE as BACKUP_USAGE };
