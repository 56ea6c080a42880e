import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '@wcb/sync-server';
import { runCli, type CliResult } from './helpers/cli';
import { makeTempDir } from './helpers/test-server';

const FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/seed-003-results.json', import.meta.url));

describe('export and import on the command line', () => {
  let dataDir: string;
  const cli = (...args: string[]): Promise<CliResult> => runCli(args, { DATA_DIR: dataDir });

  beforeEach(async () => {
    dataDir = await makeTempDir();
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports the seed-003 results, prints the new id alone on the last line, and exports them as Markdown', async () => {
    const imported = await cli('import', FIXTURE);
    expect(imported.code, imported.stderr).toBe(0);
    const lines = imported.stdout.trim().split('\n');
    const id = lines.at(-1)!;
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(lines.slice(0, -1).map((l) => l.split(':')[0])).toEqual(['facilitator', 'participant', 'viewer']);

    const out = join(dataDir, 'results.md');
    const exported = await cli('export', id, '--format', 'md', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const md = await readFile(out, 'utf8');
    expect(md).toContain('# ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»');
    expect(md).toContain('Об\'єднання ГО для досягнення спільних цілей у спільних проектах протягом 5 років.');

    // An id is also taken after `--`, for ids that begin with '-' (made before ids avoided it).
    const dashed = join(dataDir, 'dashed.md');
    expect((await cli('export', '--format', 'md', '--out', dashed, '--', id)).code).toBe(0);
    expect(await readFile(dashed, 'utf8')).toBe(md);

    // The default format is the Word document.
    const docx = join(dataDir, 'results.docx');
    expect((await cli('export', id, '--out', docx)).code).toBe(0);
    expect((await readFile(docx)).subarray(0, 2).toString('latin1')).toBe('PK');

    // Its JSON imports again as a second, identical session.
    const json = join(dataDir, 'results.json');
    expect((await cli('export', id, '--format', 'json', '--out', json)).code).toBe(0);
    const again = await cli('import', json, '--format', 'json');
    expect(again.code, again.stderr).toBe(0);
    const second = again.stdout.trim().split('\n').at(-1)!;
    const json2 = join(dataDir, 'results2.json');
    expect((await cli('export', second, '--format', 'json', '--out', json2)).code).toBe(0);
    const normalise = (text: string, sid: string) => JSON.parse(text.replaceAll(sid, 'SID')) as unknown;
    expect(normalise(await readFile(json2, 'utf8'), second)).toEqual(normalise(await readFile(json, 'utf8'), id));
  });

  it('a CSV export imports back as the same session: re-exported it is the same file, votes included', async () => {
    const first = (await cli('import', FIXTURE)).stdout.trim().split('\n').at(-1)!;
    const csvFile = join(dataDir, 'results.csv');
    expect((await cli('export', first, '--format', 'csv', '--out', csvFile)).code).toBe(0);
    // The seed has no votes: give two notes some, as a facilitator's export would have them.
    const rows = Papa.parse<string[]>((await readFile(csvFile, 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
    // Note rows, not the criteria's own rows (no time: seed 003's criteria are wording only).
    const noteRows = rows.slice(1).filter((r) => r[9] !== '');
    noteRows[0]![6] = '4';
    noteRows[6]![6] = '1';
    const edited = `\uFEFF${Papa.unparse(rows, { quotes: true, newline: '\r\n' })}\r\n`;
    await writeFile(csvFile, edited);

    const imported = await cli('import', csvFile, '--format', 'csv');
    expect(imported.code, imported.stderr).toBe(0);
    const second = imported.stdout.trim().split('\n').at(-1)!;
    const again = join(dataDir, 'again.csv');
    expect((await cli('export', second, '--format', 'csv', '--out', again)).code).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(edited);
    expect(rows.length - 1).toBe(162);

    // Detected without --format too; the Markdown shows the texts and the votes.
    const detected = (await cli('import', csvFile)).stdout.trim().split('\n').at(-1)!;
    const md = join(dataDir, 'again.md');
    expect((await cli('export', detected, '--format', 'md', '--out', md)).code).toBe(0);
    const text = await readFile(md, 'utf8');
    expect(text).toContain('# ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «RESULTS»');
    expect(text).toContain('4 голоси');
    expect(text).toContain('Об\'єднання ГО для досягнення спільних цілей у спільних проектах протягом 5 років.');
  });

  it('a broken file is refused with the field named, exit code 3, and nothing is created', async () => {
    const broken = JSON.parse(await readFile(FIXTURE, 'utf8')) as { phases: { steps?: Record<string, unknown> }[] };
    broken.phases[2]!.steps!.ngos = 'not a list';
    const file = join(dataDir, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const result = await cli('import', file);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('phases[2].steps.ngos: expected a list, found string');
    expect(result.stdout).toBe('');
    await writeFile(file, '{"title": "x",');
    const notJson = await cli('import', file);
    expect(notJson.code).toBe(3);
    expect(notJson.stderr).toContain('file: is not valid JSON');
    // The store was never opened: no session exists.
    const storage = new SqliteStorage({ dataDir, synchronous: 'FULL' });
    try {
      expect(await storage.load('x/control')).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('a wrong command line prints the usage and exits 2', async () => {
    const result = await cli('export', 'nosuchsession1', '--format', 'exe');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown format "exe"');
    expect(result.stderr).toContain('usage: npm run export');
    expect((await cli('export', 'nosuchsession1', '--format', 'md')).stderr).toContain('no session nosuchsession1');
  });
});
