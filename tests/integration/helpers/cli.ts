import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** What `npm run export / import / backup / kit` run: the CLI built to JavaScript (the global setup builds it). */
export const CLI = fileURLToPath(new URL('../../../sync-server/dist/cli.mjs', import.meta.url));

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the CLI with `args` and `env` over the process's own; a failing run resolves with its code. */
export async function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
