import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Thrown for a wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CliArgs = { positionals: string[]; values: Record<string, string | undefined>; dataDir: string };

/** Options as for the server: DATA_DIR (or --data-dir) names the store; the flag wins. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv, options: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: Object.fromEntries([...options, 'data-dir'].map((name) => [name, { type: 'string' as const }])),
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as Record<string, string | undefined>;
  return { positionals: parsed.positionals, values, dataDir: resolve(values['data-dir'] ?? env.DATA_DIR ?? './data') };
}
