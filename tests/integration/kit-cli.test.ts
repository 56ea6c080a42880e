import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from './helpers/cli';
import { makeTempDir } from './helpers/test-server';

const FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/seed-003-results.json', import.meta.url));

describe('npm run kit', () => {
  let dataDir: string;
  const cli = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli(args, { DATA_DIR: dataDir, ...env });
  beforeEach(async () => {
    dataDir = await makeTempDir();
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the kit of a stored session with the tokens given, and refuses a token of another role', async () => {
    const imported = await cli(['import', FIXTURE]);
    expect(imported.code, imported.stderr).toBe(0);
    const lines = imported.stdout.trim().split('\n');
    const id = lines.at(-1)!;
    const token = (role: string) => /#t=([A-Za-z0-9_-]+)/.exec(lines.find((l) => l.startsWith(`${role}:`))!)![1]!;
    const out = join(dataDir, 'kit.pdf');
    const made = await cli(['kit', id, '--origin', 'https://board.example.org/any/path', '--paper', 'letter', '--out', out], {
      WCB_PARTICIPANT_TOKEN: token('participant'),
      WCB_VIEWER_TOKEN: token('viewer'),
    });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout.trim()).toBe(out);
    const pdf = await PDFDocument.load(await readFile(out));
    expect(pdf.getPage(0).getWidth()).toBe(612);

    const swapped = await cli(['kit', id, '--origin', 'https://board.example.org', '--participant-token', token('viewer'), '--viewer-token', token('viewer')]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain("--participant-token is not this session's participant token");
    expect((await cli(['kit', id, '--participant-token', token('participant'), '--viewer-token', token('viewer')])).stderr).toContain('give --origin');
  });
});
