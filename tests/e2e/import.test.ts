import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildSessionDocs, controlMaps } from '@wcb/shared';
import { exportSessionJson } from '@wcb/shared/harvest';
import { BoardPage } from './support/board-page';
import { closeUsers, newUser, type User } from './support/browser';
import { geometryOf } from './support/geometry';
import { useE2E } from './support/harness';
import { HomePage } from './support/home-page';
import { ImportForm } from './support/import-page';
import { PHONE, PhoneBoard } from './support/phone-page';

const e2e = useE2E();

const FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/seed-003-results.json', import.meta.url));
type Seed = { title: string; phases: { id: string; selected?: Record<string, string[]>; material?: Record<string, string[]>; continued?: Record<string, string[]> }[] };

describe('import results from the home page', () => {
  it('the seed-003 results file opens as a new board with its title and the ideal phase notes', async () => {
    const text = await readFile(FIXTURE, 'utf8');
    const seed = JSON.parse(text) as Seed;
    const ideal = seed.phases.find((p) => p.id === 'ideal')!;
    // The material (and its continuation) are the notes; the selected criteria come in as criteria
    // in the seed's own wording, counted in the column's header (issue 17).
    const government = [...(ideal.material?.government ?? []), ...(ideal.continued?.government ?? [])];
    const criteria = ideal.selected?.government ?? [];

    const a = await e2e.person('Facilitator');
    const id = await new ImportForm(a.user.page).importFile('seed-003-results.json', text);
    await expect.poll(() => a.board.page.getByTestId('board.title').textContent()).toContain(seed.title);
    expect(await a.board.currentPhase()).toBe('ideal');
    for (const note of government) await a.board.waitForNoteText(note, 'government');
    expect((await a.board.noteTexts('government')).length).toBe(government.length);
    const count = a.board.page.locator('[data-topic-id="government"] [data-testid="board.selected-count"]');
    await expect.poll(() => count.getAttribute('data-count')).toBe(String(criteria.length));
    expect(await a.board.role()).toBe('facilitator');

    // Listed among the recent sessions like any session made here.
    await a.home.open();
    expect((await a.home.recent()).map((r) => r.sessionId)).toContain(id);
  });

  it('a results CSV opens as a board with its notes in their columns', async () => {
    const a = await e2e.person('Facilitator');
    const csv = '\uFEFFphase,topic,text,votes\r\n"Ideal","Community","Trust between NGOs","2"\r\n"Ideal","Government","\'=open data","0"\r\n';
    await new ImportForm(a.user.page).importFile('cafe.csv', csv, 'text/csv');
    await expect.poll(() => a.board.page.getByTestId('board.title').textContent()).toContain('cafe');
    await a.board.waitForNoteTexts(['Trust between NGOs', '=open data']);
  });

  it('a broken file shows the field at fault and creates no session', async () => {
    const seed = JSON.parse(await readFile(FIXTURE, 'utf8')) as { phases: { material: Record<string, unknown> }[] };
    seed.phases[1]!.material.community = ['ok', 42];
    const a = await e2e.person('Facilitator');
    const before = await a.home.recent();
    const form = new ImportForm(a.user.page);
    await form.choose('broken.json', JSON.stringify(seed));
    await form.error.waitFor();
    expect(await form.error.textContent()).toContain('phases[1].material.community[1]: expected text, found number');
    expect(new URL(a.user.page.url()).pathname).toBe('/');
    expect(await a.home.recent()).toEqual(before);
  });

  it.each([
    ['a phone', PHONE, true],
    ['a laptop', { viewport: { width: 1280, height: 720 } }, false],
  ] as const)('on %s, an old export with records the server refuses says what was repaired or left out, then opens and syncs', async (label, device, touch) => {
    const users: User[] = [];
    try {
      const user = await newUser(e2e.browser, e2e.server.url, 'Facilitator', device);
      users.push(user);
      const home = await new HomePage(user.page).open();
      const before = await home.recent();
      const form = new ImportForm(user.page);
      await form.choose('old-cafe.json', oldExport());
      await form.repairs.waitFor();
      // Kept while its repairs are read: the recent list shows it at once, as this device's own.
      await expect.poll(async () => (await home.recent()).length).toBe(before.length + 1);
      const kept = (await home.recent()).find((r) => !before.some((b) => b.sessionId === r.sessionId))!;
      expect(await user.page.locator(`[data-testid="home.recent-item"][data-session-id="${kept.sessionId}"]`).getAttribute('data-role')).toBe('facilitator');
      expect(await form.repairLines()).toEqual([
        'Phase “broken”: left out',
        'Phase “ideal”: repaired (a text cut to its limit or a broken field reset)',
        'The timer: left out',
      ]);
      // The notice took the focus, so the way on is on screen, on top and big enough to press.
      expect(await form.openButton.evaluate((el) => el === document.activeElement)).toBe(true);
      const button = await geometryOf(form.openButton);
      expect(button).toMatchObject({ inViewport: true, onTop: true });
      if (touch) expect(button.height).toBeGreaterThanOrEqual(44);
      await user.page.screenshot({ path: `/tmp/import-repairs-${label.replace(' ', '-')}.png` });

      await form.openButton.click();
      await user.page.waitForURL(`**/s/${kept.sessionId}`);
      const board = new BoardPage(user.page);
      if (touch) await new PhoneBoard(user.page).waitForPhone();
      else await board.waitForBoard();
      // Registered with its repaired content: the board syncs, and nothing is refused.
      await board.waitForStatus('online');
      await board.waitForPending('zero');
      expect(await user.page.locator('[data-reason^="refused-"]').count()).toBe(0);
    } finally {
      await closeUsers(users);
    }
  });
});

/** A session file as an older version exported it: a template café holding records the server now refuses. */
function oldExport(): string {
  const docs = buildSessionDocs({ sessionId: 'old-session-01', templateId: 'world-cafe-ngo', language: 'en' });
  const { phases, state } = controlMaps(docs.control);
  (phases.get('ideal') as Y.Map<unknown>).set('title', 'An ideal '.repeat(100));
  phases.set('broken', 'not a record' as never);
  state.set('timer', { status: 'running', durationMs: 3.2e16, endsAt: 3.2e16, remainingMs: 0, round: 0 });
  const phaseDocs = new Map(docs.phases.map((p) => [p.phaseId, p.doc]));
  return JSON.stringify(exportSessionJson({ sessionId: 'old-session-01', control: docs.control, phaseDocs, voteDocs: new Map() }));
}
