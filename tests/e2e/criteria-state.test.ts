import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { CriteriaBoard, CriteriaPanel } from './support/criteria-page';
import { geometryOf } from './support/geometry';

const e2e = useE2E();

describe('the voting and criteria panels show the real state', () => {
  it('voting is "not opened yet" until it opens, "open" while open, and "finished" only after it closed', async () => {
    const { a } = await e2e.cafe({ title: 'Voting state', participant: 'Olena' });
    await a.user.page.setViewportSize({ width: 1280, height: 720 });
    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.votingStatus.scrollIntoViewIfNeeded();
    expect(await panel.votingStatus.getAttribute('data-state')).toBe('none');
    expect(await panel.votingStatus.textContent()).toBe('Voting has not been opened yet.');
    expect(await geometryOf(panel.votingStatus)).toMatchObject({ inViewport: true, onTop: true });
    // Nothing to confirm before any vote.
    expect(await panel.page.getByTestId('criteria.section').count()).toBe(0);

    await panel.openVoting({ phaseId: 'ideal', budget: 3 });
    expect(await panel.votingStatus.getAttribute('data-state')).toBe('open');
    expect(await panel.votingStatus.textContent()).toMatch(/^Voting is open on “.+”\.$/);
    await panel.closeVoting();
    expect(await panel.votingStatus.getAttribute('data-state')).toBe('closed');
    expect(await panel.votingStatus.textContent()).toMatch(/^Voting on “.+” is finished\.$/);
  });

  it('confirmed criteria are not offered for confirmation again, on the panel or on the board', async () => {
    const { a, b } = await e2e.cafe({ title: 'Confirm once', participant: 'Olena' });
    await a.user.page.setViewportSize({ width: 1440, height: 900 });
    const first = await b.board.addNote('government', 'transparent procurement');
    const second = await b.board.addNote('government', 'regular consultations');
    await a.board.waitForNoteTexts(['transparent procurement', 'regular consultations']);
    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.openVoting({ phaseId: 'ideal', budget: 2 });
    const pb = new CriteriaBoard(b.board.page);
    for (const id of [first, second]) {
      const vote = pb.note(id).getByTestId('note.vote');
      await expect.poll(() => vote.isDisabled()).toBe(false);
      await vote.click();
      await expect.poll(() => pb.note(id).getByTestId('note.my-dots').getAttribute('data-count')).toBe('1');
    }
    await panel.closeVoting();
    await expect.poll(() => panel.proposal('government').getAttribute('data-state')).toBe('proposed');
    expect(await panel.proposal('community').getAttribute('data-state')).toBe('none');
    await panel.confirmButton('government').scrollIntoViewIfNeeded();
    expect(await geometryOf(panel.confirmButton('government'))).toMatchObject({ inViewport: true, onTop: true });

    await panel.confirm('government');
    await expect.poll(() => panel.proposal('government').getAttribute('data-state')).toBe('confirmed');
    expect(await panel.proposal('government').textContent()).toBe('✓ The proposed criteria are confirmed.');
    expect(await panel.confirmButton('government').count()).toBe(0);
    expect(await panel.selectedList('government').locator('li').count()).toBe(2);
    // On the board a confirmed note is "selected", no longer also "proposed".
    await pb.selectedMark(first).waitFor();
    expect(await pb.proposedMark(first).count()).toBe(0);
    expect(await new CriteriaBoard(a.board.page).proposedMark(second).count()).toBe(0);

    // Taking one out makes it a proposal again, and only that one.
    await panel.removeButton(second).click();
    await expect.poll(() => panel.proposal('government').textContent()).toBe('Proposed: regular consultations');
    await panel.confirmButton('government').waitFor();
    await pb.proposedMark(second).waitFor();
  });
});
