import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { CriteriaBoard, CriteriaPanel } from './support/criteria-page';
import { ExportPanel } from './support/export-page';

const e2e = useE2E();

/** A facilitator's session and a participant on it, both connected. */
const cafe = (title: string) => e2e.cafe({ title, participant: 'Olena' });

/**
 * A café where the participant wrote `texts` in one column, seen on the facilitator's board too:
 * the note ids in that order, and the participant's board.
 */
async function cafeWithNotes(title: string, texts: readonly string[], topicId = 'government') {
  const { a, b } = await cafe(title);
  const ids: string[] = [];
  for (const text of texts) ids.push(await b.board.addNote(topicId, text));
  await a.board.waitForNoteTexts([...texts]);
  return { a, b, ids, pb: new CriteriaBoard(b.board.page) };
}

/** Opens voting on the ideal phase from the facilitator's panel, puts the participant's `dots` (one per id), and closes it. */
async function voteAndClose(panel: CriteriaPanel, pb: CriteriaBoard, budget: number, dots: readonly string[]): Promise<void> {
  await panel.openVoting({ phaseId: 'ideal', budget });
  for (const id of dots) await pb.vote(id);
  await panel.closeVoting();
}

describe('selected criteria and suggestions', () => {
  it('after voting closes, the facilitator confirms the proposed criteria and every board marks them', async () => {
    const { a, ids, pb } = await cafeWithNotes('Criteria', ['transparent procurement', 'regular consultations', 'open data']);
    const [first, second, third] = ids as [string, string, string];
    const panel = await new CriteriaPanel(a.board.page).open();
    await voteAndClose(panel, pb, 3, [first, first, second]);
    await panel.confirm('government');
    await expect.poll(() => panel.selectedList('government').locator('li').count()).toBe(2);

    await pb.selectedMark(first).waitFor();
    await pb.selectedMark(second).waitFor();
    expect(await pb.selectedMark(third).count()).toBe(0);
    await expect.poll(() => pb.selectedCount('government').getAttribute('data-count')).toBe('2');

    // The list is editable: take one out, add a note nobody voted for.
    await panel.removeButton(second).click();
    await pb.selectedMark(second).waitFor({ state: 'detached' });
    await panel.addSelect('government').selectOption(third);
    await pb.selectedMark(third).waitFor();
    await expect.poll(() => pb.selectedCount('government').getAttribute('data-count')).toBe('2');
  });

  it('the facilitator distils two notes into one criterion in their own wording while confirming, rewords it later, and the results print that wording with all the material', async () => {
    const { a, ids, pb } = await cafeWithNotes('Criteria wording', ['Shared decision-making', 'Joint drafting of decisions', 'Open data']);
    const [first, second, third] = ids as [string, string, string];
    const panel = await new CriteriaPanel(a.board.page).open();
    await voteAndClose(panel, pb, 2, [first, second]);

    // Both proposed notes are ticked in the form; the wording makes them one criterion.
    await panel.confirm('government', { wording: 'Shared drafting and making of decisions', notes: [first, second] });
    await expect.poll(() => panel.criteriaTexts('government')).toEqual([
      'Shared drafting and making of decisionsfrom: Shared decision-making; Joint drafting of decisions',
    ]);
    await expect.poll(() => panel.proposal('government').getAttribute('data-state')).toBe('confirmed');
    // On every board both source notes are marked, the column counts one criterion.
    await pb.selectedMark(first).waitFor();
    await pb.selectedMark(second).waitFor();
    expect(await pb.selectedMark(third).count()).toBe(0);
    await expect.poll(() => pb.selectedCount('government').getAttribute('data-count')).toBe('1');

    await a.board.page.screenshot({ path: '/tmp/criteria-wording-confirmed.png' });
    await panel.reword('government', 'Shared drafting', 'Joint drafting and adoption of decisions');
    await expect.poll(() => panel.criteriaTexts('government')).toEqual([
      'Joint drafting and adoption of decisionsfrom: Shared decision-making; Joint drafting of decisions',
    ]);
    // Who took part, live in the same panel: the three notes, all by a named participant.
    const figure = a.board.page.getByTestId('participation.figure');
    await expect.poll(() => figure.getAttribute('data-total')).toBe('3');
    expect(await figure.getAttribute('data-anonymous')).toBe('0');
    await figure.scrollIntoViewIfNeeded();
    await a.board.page.screenshot({ path: '/tmp/participation-live.png' });
    await panel.close();

    const md = (await new ExportPanel(a.board.page).download('md')).text;
    const [selected, material] = md.split('**Material worked out in the World Café**');
    expect(material).toBeDefined();
    expect(selected).toContain('1. Joint drafting and adoption of decisions\n');
    expect(selected).not.toContain('Shared decision-making');
    // The material row keeps all material, the notes the criterion came from included.
    for (const text of ['Shared decision-making', 'Joint drafting of decisions', 'Open data']) expect(material).toContain(`- ${text}`);
  });

  it('the facilitator confirms the criteria of the voted phase while showing another phase', async () => {
    const { a, b, ids, pb } = await cafeWithNotes('Criteria elsewhere', ['public hearings', 'budget reports']);
    const [first, second] = ids as [string, string];
    const panel = await new CriteriaPanel(a.board.page).open();
    await voteAndClose(panel, pb, 2, [first]);

    // Phase A (ideal) voted; the facilitator moves the café on to phase B and confirms from there.
    await panel.close();
    await a.board.switchPhase('reality');
    await panel.open();
    await expect.poll(() => panel.confirmButton('government').isDisabled()).toBe(false);
    await panel.confirm('government');
    await expect.poll(() => panel.selectedList('government').locator('li').count()).toBe(1);
    expect(await a.board.currentPhase()).toBe('reality');

    // The participant stays on phase A (nobody brought them along), where the confirmed note is marked.
    expect(await b.board.currentPhase()).toBe('ideal');
    await pb.selectedMark(first).waitFor();
    expect(await pb.selectedMark(second).count()).toBe(0);
  });

  it('similar notes in one column are suggested, never merged, and accepting stacks them', async () => {
    const { a, ids, pb } = await cafeWithNotes('Suggestions', ['Конкуренція', 'конкуренція.']);
    const [first, second] = ids as [string, string];
    const fa = new CriteriaBoard(a.board.page);
    // Nothing stacks on its own.
    expect(await pb.stackCount(first).count()).toBe(0);
    await pb.openSuggestions();
    await expect.poll(() => pb.suggestions.count()).toBe(1);
    expect(await pb.suggestions.first().getAttribute('data-count')).toBe('2');
    expect(await pb.suggestions.first().textContent()).toContain('Конкуренція ×2');
    expect(await fa.stackCount(first).count()).toBe(0);

    await pb.suggestions.first().getByTestId('suggestion.accept').click();
    await expect.poll(() => fa.stackCount(first).textContent()).toBe('×2');
    await expect.poll(() => pb.suggestions.count()).toBe(0);
    expect(second).toBeTruthy();
  });

  it("a table's paper dots count as that table's dots, within its budget", async () => {
    const { a, ids, pb } = await cafeWithNotes('Paper', ['participatory budget']);
    const [id] = ids as [string];
    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.openVoting({ phaseId: 'ideal', budget: 3 });
    expect(await panel.addPaperDots('Table 1', id, 2)).toBe('2 dots added; 1 left for this table.');
    // The table's budget caps what is entered.
    expect(await panel.addPaperDots('Table 1', id, 2)).toBe('1 dot added; 0 left for this table.');
    await expect.poll(() => pb.note(id).getByTestId('note.votes').textContent()).toBe('3');
  });

  it('an ignored suggestion stays hidden on this device after a reload', async () => {
    const { b } = await cafe('Ignore');
    await b.board.addNote('community', 'Довіра');
    await b.board.addNote('community', 'довіра!');
    const pb = new CriteriaBoard(b.board.page);
    await pb.openSuggestions();
    await expect.poll(() => pb.suggestions.count()).toBe(1);
    await pb.suggestions.first().getByTestId('suggestion.ignore').click();
    await expect.poll(() => pb.suggestions.count()).toBe(0);
    await b.user.page.reload();
    await b.board.waitForBoard();
    await pb.openSuggestions();
    await pb.page.getByText('No similar notes on this phase.').waitFor();
    expect(await pb.suggestions.count()).toBe(0);
  });
});
