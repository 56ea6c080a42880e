import { describe, expect, it } from 'vitest';
import { useE2E, type Person } from './support/harness';
import { CriteriaPanel } from './support/criteria-page';
import { FollowControls } from './support/follow-page';
import { ParticipantBoard } from './support/participant-page';
import { provenance, RoundControls, RoundTimer, selectedMark, selectedNoteIds, waitForVoteCount } from './support/whole-run-page';
import { ProjectorPage } from './support/projector-page';

const e2e = useE2E();

const ROUND_MINUTES = 5;

describe('a whole World Café', () => {
  it(
    'a facilitator, a table laptop, a remote participant and a viewer run two rounds, vote, select criteria, lock a phase and write steps',
    async () => {
      // ---- act 1: setup — the facilitator creates the café, sets two rounds and shares the links
      const fac = await e2e.person('Facilitator');
      await fac.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Whole run' });
      await fac.board.waitForConnected();
      const run = new RoundControls(fac.board.page);
      await run.setRounds(2, ROUND_MINUTES);
      await run.panel.close();
      const participantLink = await fac.board.shareLink('participant');
      const viewerLink = await fac.board.shareLink('viewer');

      const table = await e2e.person('Table laptop');
      await table.board.openLink(participantLink);
      await table.board.waitForConnected();
      const tp = new ParticipantBoard(table.board.page);
      await tp.pickTable('Table 1');
      await expect.poll(() => tp.tableName.textContent()).toBe('Table 1');
      const table1Id = await tp.tablePicker.inputValue();
      expect(table1Id).not.toBe('');
      await tp.anonymousToggle.click();
      await table.board.page.locator('[data-testid="board.anonymous"][aria-pressed="true"]').waitFor();

      const remote = await e2e.person('Mariana');
      await remote.board.openLink(participantLink);
      await remote.board.waitForConnected();
      const rp = new ParticipantBoard(remote.board.page);

      const viewer = await e2e.person('Viewer');
      await viewer.board.openLink(viewerLink);
      await viewer.board.waitForConnected();
      // A viewer on their own laptop rather than the hall's screen: the whole board, not the projector.
      await new ProjectorPage(viewer.board.page).leave();
      await viewer.board.readOnlyBadge('viewer').waitFor();
      const vp = new ParticipantBoard(viewer.board.page);

      const everyone: Person[] = [fac, table, remote, viewer];
      const timers = everyone.map((p) => new RoundTimer(p.board.page));

      // ---- act 2: round 1 — one timer for all; notes carry table, round and author
      await run.startRound(1);
      for (const timer of timers) {
        await timer.waitFor('running', 1);
        expect(await timer.seconds()).toBeLessThanOrEqual(ROUND_MINUTES * 60);
      }

      const hearings = await table.board.addNote('government', 'open budget hearings');
      const forums = await remote.board.addNote('community', 'neighbourhood forums');
      for (const p of [fac, viewer]) {
        await p.board.waitForNoteText('open budget hearings', 'government');
        await p.board.waitForNoteText('neighbourhood forums', 'community');
      }
      // The viewer reads everything and can add nothing.
      expect(await viewer.board.addButtons.count()).toBe(0);
      expect(await viewer.board.readOnlyBadge('viewer').isVisible()).toBe(true);

      for (const p of [fac, viewer]) {
        expect(await provenance(p.board.page, hearings)).toEqual({ tableId: table1Id, table: 'Table 1', round: '1', author: '' });
        expect(await provenance(p.board.page, forums)).toEqual({ tableId: '', table: '', round: '1', author: 'Mariana' });
      }

      // ---- act 3: round 2 — pause, resume and extend reach everyone; then round 2 starts
      await run.pause();
      for (const timer of timers) await timer.waitFor('paused', 1);
      const frozen = await timers[0]!.seconds();
      for (const timer of timers) expect(await timer.seconds()).toBe(frozen);

      await run.resume();
      for (const timer of timers) await timer.waitFor('running', 1);
      await run.extend();
      // A minute more than a whole round can only come from the extension.
      for (const timer of timers) await timer.waitForMoreThan(ROUND_MINUTES * 60);

      await run.startRound(2);
      for (const timer of timers) await timer.waitFor('running', 2);
      expect(await run.startButton(3).isDisabled()).toBe(true);

      const groups = await table.board.addNote('government', 'joint working groups');
      const centre = await remote.board.addNote('ngos', 'shared resource centre');
      for (const p of [fac, viewer]) {
        await p.board.waitForNoteTexts(['open budget hearings', 'neighbourhood forums', 'joint working groups', 'shared resource centre']);
        expect(await provenance(p.board.page, groups)).toEqual({ tableId: table1Id, table: 'Table 1', round: '2', author: '' });
        expect(await provenance(p.board.page, centre)).toEqual({ tableId: '', table: '', round: '2', author: 'Mariana' });
        // Round 1 notes keep their round.
        expect((await provenance(p.board.page, hearings)).round).toBe('1');
      }

      // ---- act 4: voting — two dots each, a third is refused; counts, proposals, confirmed criteria
      const criteria = new CriteriaPanel(fac.board.page);
      await criteria.open();
      await criteria.openVoting({ phaseId: 'ideal', budget: 2 });
      await tp.waitForDotsLeft(2, 2);
      await rp.waitForDotsLeft(2, 2);
      // The viewer cannot place a dot: no dot buttons, no seat, no "dots left".
      expect(await vp.voteButton(hearings).count()).toBe(0);
      expect(await viewer.board.page.getByTestId('board.seat').count()).toBe(0);

      await tp.voteButton(hearings).click();
      await tp.waitForDotsLeft(1, 2);
      await tp.voteButton(hearings).click();
      await tp.waitForDotsLeft(0, 2);
      await rp.voteButton(hearings).click();
      await rp.waitForDotsLeft(1, 2);
      await rp.voteButton(centre).click();
      await rp.waitForDotsLeft(0, 2);

      // A third dot: every dot button is disabled, and pressing one anyway changes nothing.
      for (const [pb, id] of [
        [tp, groups],
        [rp, forums],
      ] as const) {
        expect(await pb.voteButton(id).isDisabled()).toBe(true);
        await pb.voteButton(id).click({ force: true });
      }
      await waitForVoteCount(fac.board.page, hearings, 3);
      await waitForVoteCount(fac.board.page, centre, 1);
      expect(await tp.myDots(groups).getAttribute('data-count')).toBe('0');
      expect(await rp.myDots(forums).getAttribute('data-count')).toBe('0');
      expect(await tp.dotsLeft.getAttribute('data-left')).toBe('0');
      expect(await rp.dotsLeft.getAttribute('data-left')).toBe('0');

      await criteria.closeVoting();
      for (const p of everyone) {
        await p.board.page.locator(`[data-testid="note.vote"][data-note-id="${hearings}"]`).waitFor({ state: 'detached' });
        await waitForVoteCount(p.board.page, hearings, 3);
        await waitForVoteCount(p.board.page, centre, 1);
        await waitForVoteCount(p.board.page, groups, 0);
        await waitForVoteCount(p.board.page, forums, 0);
      }
      // The facilitator stays on the voted phase while confirming.
      expect(await fac.board.currentPhase()).toBe('ideal');
      await criteria.confirm('government');
      await criteria.confirm('ngos');
      // Nobody voted on the community's notes: nothing to propose there, nothing to confirm.
      expect(await criteria.proposal('community').getAttribute('data-state')).toBe('none');
      expect(await criteria.confirmButton('community').count()).toBe(0);
      // What was confirmed is not offered again.
      await expect.poll(() => criteria.proposal('government').getAttribute('data-state')).toBe('confirmed');
      expect(await criteria.confirmButton('government').count()).toBe(0);
      await expect.poll(() => criteria.selectedList('government').locator('li').count()).toBe(1);
      await expect.poll(() => criteria.selectedList('ngos').locator('li').count()).toBe(1);

      const selected = [hearings, centre].sort();
      for (const p of everyone) {
        await selectedMark(p.board.page, hearings).waitFor();
        await selectedMark(p.board.page, centre).waitFor();
        expect(await selectedNoteIds(p.board.page)).toEqual(selected);
      }
      await criteria.close();

      // ---- act 5: lock — the reality phase is read-only for the remote participant until unlocked
      await fac.board.switchPhase('reality');
      await new FollowControls(fac.board.page).bringEveryoneHere();
      for (const p of [table, remote, viewer]) await new FollowControls(p.board.page).waitForPhase('reality');
      await remote.board.addButton('government').waitFor();

      await fac.board.setPhaseLocked('reality', true);
      await remote.board.readOnlyBadge('locked').waitFor();
      await remote.board.phaseLockedMarker('reality').waitFor();
      expect(await remote.board.addButtons.count()).toBe(0);
      // Double-clicking an empty cell opens no editor either.
      const cell = await remote.board.column('government').boundingBox();
      await remote.board.page.mouse.dblclick(cell!.x + cell!.width / 2, cell!.y + cell!.height - 40);
      expect(await remote.board.editor.count()).toBe(0);

      await fac.board.setPhaseLocked('reality', false);
      await remote.board.readOnlyBadge().waitFor({ state: 'detached' });
      const unanswered = await remote.board.addNote('government', 'councils rarely answer');
      for (const p of [fac, table, viewer]) await p.board.waitForNoteTexts(['councils rarely answer']);
      expect(await provenance(viewer.board.page, unanswered)).toEqual({ tableId: '', table: '', round: '2', author: 'Mariana' });

      // ---- act 6: steps — everyone is brought to the steps phase; a reorder by keyboard is seen by all
      await fac.board.switchPhase('steps');
      await new FollowControls(fac.board.page).bringEveryoneHere();
      for (const p of [table, remote, viewer]) await new FollowControls(p.board.page).waitForPhase('steps');
      await rp.stepsList('community').waitFor();

      const list = await rp.addStep('community', 'list local initiatives');
      const meet = await rp.addStep('community', 'hold an open meeting');
      const calendar = await rp.addStep('community', 'agree a shared calendar');
      await rp.waitForSteps('community', ['list local initiatives', 'hold an open meeting', 'agree a shared calendar']);

      await rp.moveStepByKey(calendar, 'up');
      const order = ['list local initiatives', 'agree a shared calendar', 'hold an open meeting'];
      await rp.waitForSteps('community', order);
      await tp.waitForSteps('community', order);
      await vp.waitForSteps('community', order);
      expect((await tp.steps('community')).map((s) => [s.n, s.id])).toEqual([
        ['1', list],
        ['2', calendar],
        ['3', meet],
      ]);

      // ---- act 7: end — after a reload the viewer and the table laptop still have everything
      for (const p of [viewer, table]) {
        await p.user.page.reload();
        await p.board.waitForBoard();
      }
      await viewer.board.readOnlyBadge('viewer').waitFor();
      await expect.poll(() => tp.tableName.textContent()).toBe('Table 1');

      for (const [p, pb] of [
        [viewer, vp],
        [table, tp],
      ] as const) {
        await new FollowControls(p.board.page).waitForPhase('steps');
        await pb.waitForSteps('community', order);

        await p.board.switchPhase('ideal');
        await p.board.waitForNoteTexts(['open budget hearings', 'neighbourhood forums', 'joint working groups', 'shared resource centre']);
        await waitForVoteCount(p.board.page, hearings, 3);
        await waitForVoteCount(p.board.page, centre, 1);
        await selectedMark(p.board.page, hearings).waitFor();
        await selectedMark(p.board.page, centre).waitFor();
        expect(await selectedNoteIds(p.board.page)).toEqual(selected);
        expect(await provenance(p.board.page, hearings)).toEqual({ tableId: table1Id, table: 'Table 1', round: '1', author: '' });
        expect(await provenance(p.board.page, centre)).toEqual({ tableId: '', table: '', round: '2', author: 'Mariana' });

        await p.board.switchPhase('reality');
        await p.board.waitForNoteTexts(['councils rarely answer']);
      }
    },
    180_000,
  );
});
