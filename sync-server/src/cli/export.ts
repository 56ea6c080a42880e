import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readSession, SESSION_ID_RE } from '@wcb/shared';
import { EXPORT_FORMATS, exportFileName, isExportFormat, renderExport } from '@wcb/shared/harvest';
import { makeFontLoader } from '../fonts';
import { loadSessionDocs } from '../session-docs';
import { SqliteStorage } from '../storage/sqlite';
import { parseCli, UsageError } from './args';

const USAGE = `usage: npm run export -- [--] <session-id> --format ${EXPORT_FORMATS.join('|')} [--out FILE] [--data-dir DIR]`;

/** `npm run export`: renders a session straight from the store (the server may be running or not). */
export async function runExport(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const args = parseCli(argv, env, ['format', 'out']);
  const [sessionId] = args.positionals;
  if (!sessionId || args.positionals.length > 1) throw new UsageError('give exactly one session id');
  if (!SESSION_ID_RE.test(sessionId)) throw new UsageError(`"${sessionId}" is not a session id`);
  const format = args.values.format ?? 'docx';
  if (!isExportFormat(format)) throw new UsageError(`unknown format "${format}"`);
  const storage = new SqliteStorage({ dataDir: args.dataDir, synchronous: 'FULL' });
  try {
    if (!(await storage.getSession(sessionId))) throw new UsageError(`no session ${sessionId} in ${args.dataDir}`);
    const source = await loadSessionDocs(storage, sessionId);
    try {
      const now = Date.now();
      const out = resolve(args.values.out ?? exportFileName(readSession(source.control).meta.title, now, format));
      await writeFile(out, await renderExport({ ...source, exportedAt: now }, format, makeFontLoader()));
      return out;
    } finally {
      source.destroy();
    }
  } finally {
    await storage.close();
  }
}

export { USAGE as EXPORT_USAGE };
