import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { FollowControls } from './support/follow-page';

const e2e = useE2E();

// A device reads the phase it showed last from IndexedDB while the board loads (sync/preload-board.ts);
// the session decides what is shown, the guess only how soon.
describe('reopening a board', () => {
  it('shows the phase it showed last, with its notes, read from this device', async () => {
    const { a } = await e2e.cafe({ title: 'Reopen' });
    await a.board.switchPhase('reality');
    await a.board.addNote('community', 'Written on the second phase');
    await a.user.page.reload();
    await a.board.waitForNoteText('Written on the second phase');
    expect(await a.board.currentPhase()).toBe('reality');
  });

  it('a participant who had looked at another phase reopens the board on the facilitator’s phase', async () => {
    const { a, b } = await e2e.cafe({ title: 'Reopen elsewhere' });
    const fb = new FollowControls(b.board.page);
    await a.board.switchPhase('reality');
    await a.board.addNote('community', 'Where the café is now');
    await new FollowControls(a.board.page).bringEveryoneHere();
    await fb.waitForPhase('reality');
    // The participant steps out of follow mode to another phase: this device last showed "ideal".
    await b.board.phaseTab('ideal').click();
    await fb.waitForPhase('ideal');
    await b.board.addNote('government', 'Looked at the first phase');

    await b.user.page.reload();
    // Following again on reload: the facilitator's phase, not the one read ahead.
    await fb.waitForPhase('reality');
    await b.board.waitForNoteText('Where the café is now');
    expect(await b.board.noteTexts()).not.toContain('Looked at the first phase');
  });
});
