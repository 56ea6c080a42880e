import { describe, expect, it } from 'vitest';
import { FollowControls } from './support/follow-page';
import { useE2E, type Person } from './support/harness';
import { ControlClient, ParticipantBoard, storedToken } from './support/participant-page';
import { FacilitatorPanel } from './support/facilitator-page';

const e2e = useE2E();

type Cafe = { a: Person; b: Person; sessionId: string; fa: ParticipantBoard; pb: ParticipantBoard };

/** The facilitator creates a session and a participant joins it by the share link. */
async function cafe(title: string): Promise<Cafe> {
  const c = await e2e.cafe({ title, participant: 'Olena' });
  return { ...c, fa: new ParticipantBoard(c.a.user.page), pb: new ParticipantBoard(c.b.user.page) };
}

describe('participants', () => {
  it('a note written at a picked table carries the table and the author; anonymous leaves the author out', async () => {
    const { a, b, fa, pb } = await cafe('Provenance');
    await pb.pickTable('Table 2');
    await expect.poll(() => pb.tableName.textContent()).toBe('Table 2');

    const id = await b.board.addNote('government', 'open budget hearings');
    await a.board.waitForNoteText('open budget hearings', 'government');
    await expect.poll(() => fa.noteTable(id).textContent()).toBe('Table 2');
    await expect.poll(() => fa.noteAuthor(id).getAttribute('data-author')).toBe('Olena');

    // The table stays picked for this session on this device.
    await b.user.page.reload();
    await b.board.waitForBoard();
    await expect.poll(() => pb.tableName.textContent()).toBe('Table 2');

    await pb.anonymousToggle.click();
    await pb.page.locator('[data-testid="board.anonymous"][aria-pressed="true"]').waitFor();
    const anon = await b.board.addNote('community', 'written at the shared laptop');
    await a.board.waitForNoteText('written at the shared laptop', 'community');
    await expect.poll(() => fa.noteAuthor(anon).getAttribute('data-author')).toBe('');
    // One tap on the author puts the name back.
    await pb.noteAuthor(anon).click();
    await expect.poll(() => fa.noteAuthor(anon).getAttribute('data-author')).toBe('Olena');
  });

  it('dot voting: the participant spends the budget, the facilitator sees counts and the results', async () => {
    const { a, b, sessionId, fa, pb } = await cafe('Voting');
    const first = await b.board.addNote('government', 'transparent procurement');
    const second = await b.board.addNote('government', 'regular consultations');
    await a.board.waitForNoteTexts(['transparent procurement', 'regular consultations']);

    const control = await ControlClient.connect(e2e.server.url, sessionId, await storedToken(a.user.page, sessionId));
    try {
      control.openVoting({ phaseId: 'ideal', budget: 3, per: 'participant', hideCounts: false });
      await pb.waitForDotsLeft(3, 3);

      await pb.voteButton(first).click();
      await pb.waitForDotsLeft(2, 3);
      await pb.voteButton(first).click();
      await pb.waitForDotsLeft(1, 3);
      await pb.voteButton(second).click();
      await pb.waitForDotsLeft(0, 3);
      expect(await pb.dotsLeft.textContent()).toBe('0 of 3 dots left');
      // No dots left: every dot button is disabled.
      expect(await pb.voteButton(first).isDisabled()).toBe(true);
      expect(await pb.voteButton(second).isDisabled()).toBe(true);
      expect(await pb.myDots(first).getAttribute('data-count')).toBe('2');

      await fa.waitForVotes(first, 2);
      await fa.waitForVotes(second, 1);

      // Taking one back frees a dot.
      await pb.unvoteButton(second).click();
      await pb.waitForDotsLeft(1, 3);
      await fa.waitForVotes(second, 0);
      await pb.voteButton(second).click();
      await fa.waitForVotes(second, 1);

      control.closeVoting();
      await pb.voteButton(first).waitFor({ state: 'detached' });
      await fa.voteBars('government').waitFor();
      await pb.waitForVotes(first, 2);
      await fa.proposed(first).waitFor();
      await fa.proposed(second).waitFor();
    } finally {
      control.destroy();
    }
  });

  it('per-table voting asks for a table first; hidden counts show only your own dots until voting closes', async () => {
    const { a, b, sessionId, fa, pb } = await cafe('Table voting');
    const id = await b.board.addNote('community', 'a shared space');
    await a.board.waitForNoteText('a shared space', 'community');
    const control = await ControlClient.connect(e2e.server.url, sessionId, await storedToken(a.user.page, sessionId));
    try {
      control.openVoting({ phaseId: 'ideal', budget: 2, per: 'table', hideCounts: true });
      await pb.page.getByTestId('board.pick-table').waitFor();
      expect(await pb.voteButton(id).isDisabled()).toBe(true);

      await pb.pickTable('Table 3');
      await pb.waitForDotsLeft(2, 2);
      await pb.voteButton(id).click();
      await pb.waitForDotsLeft(1, 2);
      expect(await pb.myDots(id).getAttribute('data-count')).toBe('1');
      // The facilitator sees the count; the participant does not, while voting runs.
      await fa.waitForVotes(id, 1);
      expect(await pb.votes(id).count()).toBe(0);

      control.closeVoting();
      await pb.waitForVotes(id, 1);
    } finally {
      control.destroy();
    }
  });

  it('steps: two people add steps, one reorders with Alt+ArrowUp, both see the same numbering', async () => {
    const { a, b, fa, pb } = await cafe('Steps');
    await a.board.switchPhase('steps');
    await new FollowControls(a.board.page).bringEveryoneHere();
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="steps"]').waitFor();
    await pb.stepsList('government').waitFor();

    const one = await pb.addStep('government', 'map the councils');
    await fa.waitForSteps('government', ['map the councils']);
    const two = await fa.addStep('government', 'write to the mayor');
    await pb.waitForSteps('government', ['map the councils', 'write to the mayor']);

    await pb.moveStepByKey(two, 'up');
    await pb.waitForSteps('government', ['write to the mayor', 'map the councils']);
    await fa.waitForSteps('government', ['write to the mayor', 'map the councils']);
    // Focus stays on the moved step, so a second press keeps moving it.
    await expect.poll(() => pb.page.evaluate(() => document.activeElement?.getAttribute('data-note-id'))).toBe(two);
    expect((await fa.steps('government')).map((s) => s.id)).toEqual([two, one]);

    // Dragging within the list reorders it too.
    await fa.dragStep(one, two, 'before');
    await fa.waitForSteps('government', ['map the councils', 'write to the mayor']);
    await pb.waitForSteps('government', ['map the councils', 'write to the mayor']);
  });

  it('a long step wraps onto several lines inside its cell instead of being cut to one', async () => {
    const { a, b, pb } = await cafe('Long steps');
    await a.board.switchPhase('steps');
    await new FollowControls(a.board.page).bringEveryoneHere();
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="steps"]').waitFor();
    const text = 'ask the regional council for a standing monthly meeting with every NGO of the district, with minutes published';
    const id = await pb.addStep('government', text);
    await pb.waitForSteps('government', [text]);
    const box = await pb.stepTextBox(id);
    expect(box.lines).toBeGreaterThan(1);
    expect(box.clipped).toBe(false);
    expect(box.insideCell).toBe(true);
  });

  it('a table host sees the notes written at the table during the previous round flagged, the rest dimmed', async () => {
    const { a, b, pb } = await cafe('New since last round');
    const panel = await new FacilitatorPanel(a.board.page).open();
    await panel.setRounds(3, 20);
    await a.board.page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="setup.rounds-count"]')?.value === '3');
    await panel.startRound(1);
    await pb.waitForRound(1);

    await pb.pickTable('Table 2');
    await expect.poll(() => pb.tableName.textContent()).toBe('Table 2');
    const elsewhere = await b.board.addNote('community', 'written at table 2');
    await pb.pickTable('Table 1');
    await expect.poll(() => pb.tableName.textContent()).toBe('Table 1');
    // Round 1 has no previous round: nothing to show yet.
    expect(await pb.newSinceToggle.count()).toBe(0);
    const previous = await b.board.addNote('government', 'round 1 at table 1');

    await panel.startRound(2);
    await pb.waitForRound(2);
    const current = await b.board.addNote('government', 'round 2 at table 1');
    await expect.poll(() => pb.newSinceToggle.getAttribute('data-count')).toBe('1');
    expect(await pb.newNoteIds()).toEqual([]);

    await pb.newSinceToggle.click();
    await pb.page.locator('[data-testid="seat.new-since"][aria-pressed="true"]').waitFor();
    await expect.poll(() => pb.newNoteIds()).toEqual([previous]);
    const note = (id: string) => pb.page.locator(`[data-testid="note"][data-note-id="${id}"]`);
    expect(await note(previous).getByTestId('note.new-since').count()).toBe(1);
    for (const id of [current, elsewhere]) expect(await note(id).getAttribute('class')).toContain('is-not-new-since');

    // Off again: nothing flagged, nothing dimmed.
    await pb.newSinceToggle.click();
    await expect.poll(() => pb.newNoteIds()).toEqual([]);
    expect(await note(current).getAttribute('class')).not.toContain('is-not-new-since');
  });

  it('clusters: dropping a note onto another stacks it for everyone, ungrouping spreads it again', async () => {
    const { a, b, fa, pb } = await cafe('Clusters');
    const first = await b.board.addNote('government', 'public hearings');
    const second = await b.board.addNote('government', 'open hearings');
    await a.board.waitForNoteTexts(['public hearings', 'open hearings']);

    await pb.dragOnto(second, first);
    await expect.poll(() => fa.stackCount(first).textContent()).toBe('×2');
    await a.board.note(second).waitFor({ state: 'hidden' });
    await b.board.note(second).waitFor({ state: 'hidden' });

    await fa.ungroup(first);
    await b.board.note(second).waitFor();
    await pb.stackCount(first).waitFor({ state: 'detached' });
    // Never deleted: both notes are still there.
    await b.board.waitForNoteTexts(['public hearings', 'open hearings']);
  });
});
