import { ImportError } from '@wcb/shared/harvest';
import { UsageError } from './args';
import { BACKUP_USAGE, runBackup } from './backup';
import { EXPORT_USAGE, runExport } from './export';
import { IMPORT_USAGE, runImport } from './import';
import { KIT_USAGE, runKit } from './kit';

/**
 * `npm run export / kit / import / backup`: this file built to sync-server/dist/cli.mjs (scripts/build-server.mjs);
 * `tsx sync-server/src/cli/main.ts export|import|backup ...` runs it from source.
 * Exit codes: 0 done, 1 failed, 2 wrong command line, 3 broken import file.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'export') {
      process.stdout.write(`${await runExport(rest, process.env)}\n`);
      return 0;
    }
    if (command === 'kit') {
      process.stdout.write(`${await runKit(rest, process.env)}\n`);
      return 0;
    }
    if (command === 'import') {
      const { id, links, repairs } = await runImport(rest, process.env);
      for (const r of repairs) process.stderr.write(`control record ${r.path} ${r.action}: ${r.problem}\n`);
      for (const [role, link] of Object.entries(links)) process.stdout.write(`${role}: ${link}\n`);
      // Scripts read the new session's id from the last line, alone.
      process.stdout.write(`${id}\n`);
      return 0;
    }
    if (command === 'backup') {
      // The path alone on stdout, like export's: scripts (and cron mail) read where it went.
      process.stdout.write(`${(await runBackup(rest, process.env)).out}\n`);
      return 0;
    }
    throw new UsageError(`unknown command "${command ?? ''}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = command === 'import' ? IMPORT_USAGE : command === 'backup' ? BACKUP_USAGE : command === 'kit' ? KIT_USAGE : EXPORT_USAGE;
      process.stderr.write(`${error.message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof ImportError) {
      process.stderr.write(`import failed, nothing was created: ${error.message}\n`);
      return 3;
    }
    process.stderr.write(`${command ?? 'cli'} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
