import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { addNote, phaseRoom, readNotes } from '@wcb/shared';
import { connectClient, waitForDoc, type TestClient } from './helpers/clients';
import { createSessionViaApi } from './helpers/sessions';
import { makeTempDir, startTestServer, type TestServer } from './helpers/test-server';

const run = promisify(execFile);
// What `npm run export / import / backup` run: the CLI built to JavaScript (the project's global setup builds it).
const CLI = fileURLToPath(new URL('../../sync-server/dist/cli.mjs', import.meta.url));

type Result = { code: number; stdout: string; stderr: string };

/** `npm run backup -- ...` as its own process, as an operator (or cron) runs it. */
async function backupCli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'backup', ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const noteTexts = (client: TestClient): string[] => readNotes(client.doc).map((n) => n.text);
const nth = (i: number): string => `note ${String(i).padStart(4, '0')}`;

describe('backup and restore', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  async function tempDir(): Promise<string> {
    const dir = await makeTempDir();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }
  function client(server: TestServer, room: string, token: string): TestClient {
    const c = connectClient(server.wsUrl, room, { token });
    cleanups.push(() => c.destroy());
    return c;
  }

  it('backs up a running server mid-write; the restored copy has every note acknowledged before the backup began', async () => {
    const live = await startTestServer();
    cleanups.push(() => live.stop());
    const session = await createSessionViaApi(live.url, { template: 'world-cafe-ngo', language: 'en' });
    const room = phaseRoom(session.id, 'ideal');
    const writer = client(live, room, session.tokens.participant);
    const reader = client(live, room, session.tokens.viewer);
    await Promise.all([writer.synced(), reader.synced()]);

    // One note at a time, each acknowledged (relayed to the reader, hence stored) before the
    // next: the server stores them in this order, so any consistent copy holds a prefix.
    let backupDone = false;
    let written = 0;
    const writing = (async () => {
      // Keep writing through the backup and a little after it.
      for (let extra = 0; extra < 20; extra += backupDone ? 1 : 0) {
        addNote(writer.doc, { topic: 'government', text: nth(written) });
        written += 1;
        await waitForDoc(`${nth(written - 1)} acknowledged`, reader.doc, (d) => readNotes(d).length === written);
      }
    })();

    await waitForDoc('30 notes acknowledged', reader.doc, (d) => readNotes(d).length >= 30);
    const acknowledged = noteTexts(reader).length;
    const out = join(await tempDir(), 'board-backup.sqlite');
    const backup = await backupCli(['--out', out, '--data-dir', live.dataDir]);
    backupDone = true;
    await writing;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout.trim()).toBe(out);

    const copy = new Database(out, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      // A single file: no -wal needs to travel with it.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }
    expect((await readdir(join(out, '..'))).sort()).toEqual(['board-backup.sqlite']);

    // The documented restore: (server stopped) copy the backup to $DATA_DIR/board.sqlite, no
    // stale -wal/-shm beside it, start.
    const restoredDir = await tempDir();
    await copyFile(out, join(restoredDir, 'board.sqlite'));
    const restored = await startTestServer({ dataDir: restoredDir });
    cleanups.push(() => restored.stop());
    const later = client(restored, room, session.tokens.viewer);
    await later.synced();

    const texts = noteTexts(later).sort();
    expect(texts.length).toBeGreaterThanOrEqual(acknowledged);
    expect(texts.length).toBeLessThanOrEqual(written);
    // Exactly the first n notes for some n: nothing acknowledged is missing, nothing is torn.
    expect(texts).toEqual(Array.from({ length: texts.length }, (_, i) => nth(i)));
  });

  it('says what is wrong on a bad command line or a missing database, and writes nothing', async () => {
    const dir = await tempDir();
    const noOut = await backupCli(['--data-dir', dir]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE');
    expect(noOut.stderr).toContain('usage: npm run backup');

    const missing = await backupCli(['--out', join(dir, 'b.sqlite')], { DATA_DIR: join(dir, 'nowhere') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no database at .*nowhere/);
    expect(await readdir(dir)).toEqual([]);
  });
});
