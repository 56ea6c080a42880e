import { describe, expect, it } from 'vitest';
import { useE2E, type Person } from './support/harness';
import { ChecklistView, createFormSession, MatrixView, openFormLink, type FormKind } from './support/forms-page';

const e2e = useE2E();

/** A facilitator's session from a form template and a participant on it, both connected. */
async function workshop(template: string, kind: FormKind): Promise<{ a: Person; b: Person; link: (role: 'participant' | 'viewer') => Promise<string> }> {
  const a = await e2e.person('Facilitator');
  await createFormSession(a, kind, { template, language: 'en' });
  await a.board.waitForConnected();
  const b = await e2e.person('Participant');
  await openFormLink(b, await a.board.shareLink('participant'), kind);
  await b.board.waitForConnected();
  return { a, b, link: (role) => a.board.shareLink(role) };
}

describe('matrix phase', () => {
  it('a participant ticks a cell and writes in it; the facilitator sees the tick, the text and the totals live', async () => {
    const { a, b } = await workshop('benefits-matrix', 'matrix');
    const [mine, theirs] = [await new MatrixView(a.board.page).waitForCells(), await new MatrixView(b.board.page).waitForCells()];
    const rows = await theirs.rowIds();
    const columns = await theirs.columnIds();
    expect(rows.length).toBe(10);
    expect(columns.length).toBe(4);
    expect(await mine.columnLabel(columns[0]!)).toBe(await theirs.columnLabel(columns[0]!));
    // The template's label above the rows, as the results document heads the matrix.
    expect(await b.board.page.getByTestId('matrix.corner').textContent()).toBe('Benefits');
    await b.board.page.screenshot({ path: '/tmp/matrix-corner.png' });
    const [r, c, c2] = [rows[1]!, columns[0]!, columns[2]!];

    await theirs.setTicked(r, c, true);
    await theirs.setTicked(r, c2, true);
    await theirs.typeInto(r, c, 'joint clean-up day');

    await mine.waitForTicked(r, c, true);
    await mine.waitForTicked(r, c2, true);
    expect(await mine.waitForTextContaining(r, c, ['joint clean-up day'])).toBe('joint clean-up day');
    await mine.waitForRowTotal(r, 2);
    await mine.waitForColumnTotal(c, 1);
    await mine.waitForColumnTotal(columns[1]!, 0);
    // Who ticked shows as the cell's tooltip.
    expect(await mine.tooltip(r, c)).toContain('Participant');

    // Unticking reaches the other side too, and the totals follow.
    await mine.setTicked(r, c2, false);
    await theirs.waitForTicked(r, c2, false);
    await theirs.waitForRowTotal(r, 1);
  });

  it('two people typing in the same cell at once both keep what they wrote, and end with the same text', async () => {
    const { a, b } = await workshop('benefits-matrix', 'matrix');
    const [mine, theirs] = [await new MatrixView(a.board.page).waitForCells(), await new MatrixView(b.board.page).waitForCells()];
    const [r, c] = [(await mine.rowIds())[0]!, (await mine.columnIds())[3]!];

    // Someone has started the cell's note before both write: two peers writing the very first
    // text of an untouched cell at once keep only one of the two first edits (a known limit of the
    // model: each creates the cell's text), so the test starts where the merge per character applies.
    await theirs.typeInto(r, c, 'Prizes:');
    await mine.waitForTextContaining(r, c, ['Prizes:']);
    // Words whose letters never meet the other's first letter, so the merged text reads both whole.
    await Promise.all([mine.typeInto(r, c, 'north', 30), theirs.typeInto(r, c, 'south', 30)]);

    const [seenByA, seenByB] = await Promise.all([
      mine.waitForTextContaining(r, c, ['Prizes:', 'north', 'south']),
      theirs.waitForTextContaining(r, c, ['Prizes:', 'north', 'south']),
    ]);
    expect(seenByA).toBe(seenByB);
    expect(seenByA).toHaveLength('Prizes:northsouth'.length);
  });

  it('a viewer sees the matrix with its answers, but every checkbox and text field is disabled', async () => {
    const { a, b, link } = await workshop('benefits-matrix', 'matrix');
    const theirs = await new MatrixView(b.board.page).waitForCells();
    const [r, c] = [(await theirs.rowIds())[4]!, (await theirs.columnIds())[1]!];
    await theirs.setTicked(r, c, true);
    await theirs.typeInto(r, c, 'shared data');
    await new MatrixView(a.board.page).waitForTextContaining(r, c, ['shared data']);

    const v = await e2e.person('Viewer');
    await openFormLink(v, await link('viewer'), 'matrix');
    const viewer = await new MatrixView(v.board.page).waitForCells();
    await viewer.waitForTicked(r, c, true);
    await viewer.waitForTextContaining(r, c, ['shared data']);
    await viewer.waitForRowTotal(r, 1);
    expect(await viewer.inputCount()).toBe(10 * 4 * 2);
    expect(await viewer.enabledInputs()).toBe(0);
  });
});

describe('checklist phase', () => {
  it('ticking steps moves the progress for the other person, and the ticks survive a reload', async () => {
    const { a, b } = await workshop('partnership-cycle', 'checklist');
    const [mine, theirs] = [await new ChecklistView(a.board.page).waitForItems(), await new ChecklistView(b.board.page).waitForItems()];
    const sections = await theirs.sectionIds();
    expect(sections).toHaveLength(7);
    expect((await theirs.sectionTitles())[0]).toMatch(/^1\. /);
    const first = await theirs.itemIds(sections[0]!);
    const second = await theirs.itemIds(sections[1]!);
    const total = Number((await theirs.progressText()).split('/')[1]);
    expect(total).toBeGreaterThan(first.length + second.length);

    await theirs.setDone(first[0]!, true);
    await theirs.setDone(first[2]!, true);
    await theirs.setDone(second[0]!, true);

    await mine.waitForProgress(3, total);
    await mine.waitForSectionProgress(sections[0]!, 2);
    await mine.waitForSectionProgress(sections[1]!, 1);
    await mine.waitForDone(first[2]!, true);
    expect(await mine.doneBy(first[0]!)).toContain('Participant');

    // The facilitator unticks one; the participant sees it.
    await mine.setDone(first[2]!, false);
    await theirs.waitForProgress(2, total);

    await b.user.page.reload();
    const again = await new ChecklistView(b.board.page).waitForItems();
    await again.waitForProgress(2, total);
    await again.waitForDone(first[0]!, true);
    await again.waitForDone(second[0]!, true);
    await again.waitForDone(first[2]!, false);
  });
});
