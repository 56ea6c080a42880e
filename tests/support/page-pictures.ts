import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Where tests leave pictures for a person to look at (gitignored): test-results/ at the repository
 * root, or $WCB_TEST_OUTPUT. Not checked by any assertion; the structure tests do that.
 */
export const TEST_OUTPUT = process.env['WCB_TEST_OUTPUT'] ?? fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Page `page` (1 unless told) of `pdf` as `<name>.png` (pdftoppm, 110 dpi: a page fits a screen); returns its path. */
export async function writePageOnePng(pdf: string, name: string, page = 1): Promise<string> {
  await mkdir(TEST_OUTPUT, { recursive: true });
  const base = join(TEST_OUTPUT, name);
  await run('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  return `${base}.png`;
}
