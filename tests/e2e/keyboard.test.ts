import { describe, expect, it } from 'vitest';
import { CriteriaPanel } from './support/criteria-page';
import { useE2E } from './support/harness';
import { KeyboardUser } from './support/keyboard-page';

const e2e = useE2E();

describe('keyboard and screen reader', () => {
  it('a keyboard-only participant writes, edits, moves, tabs in reading order, deletes and undoes', async () => {
    const { b } = await e2e.cafe({ title: 'Keys' });
    const kb = new KeyboardUser(b.board.page);

    // "N" on the board: a note in the first topic, its editor open; Escape leaves it, focus on the note.
    await kb.focusBoard();
    await kb.press('n');
    const low = await kb.editingNoteId();
    await b.board.page.keyboard.type('Low idea');
    await kb.press('Escape');
    await kb.waitForFocusOnNote(low);
    await b.board.waitForText(low, 'Low idea');
    expect(await kb.note(low).getAttribute('data-topic-id')).toBe('government');

    // Enter edits again.
    await kb.press('Enter');
    await b.board.editor.waitFor();
    await b.board.page.keyboard.type(' (edited)');
    await kb.press('Escape');
    await kb.waitForFocusOnNote(low);
    await b.board.waitForText(low, 'Low idea (edited)');

    // Arrows move by a small step; with Shift, by a bigger one.
    const start = await kb.position(low);
    await kb.press('ArrowRight');
    await kb.waitForPosition(low, { x: start.x + 8, y: start.y });
    for (let i = 0; i < 5; i++) await kb.press('Shift+ArrowDown');
    await kb.waitForPosition(low, { x: start.x + 8, y: start.y + 200 });

    // "N" on a note: a new note in that note's topic; it takes the free slot above the moved one.
    await kb.press('n');
    const top = await kb.editingNoteId();
    await b.board.page.keyboard.type('Top idea');
    await kb.press('Escape');
    await b.board.waitForText(top, 'Top idea');
    expect(await kb.note(top).getAttribute('data-topic-id')).toBe('government');
    const other = await b.board.addNote('community', 'Community idea');

    // Reading order: topic, then top to bottom — not the order the notes were written in.
    await kb.focusNote(top);
    expect(await kb.tabToNote()).toBe(low);
    expect(await kb.tabToNote()).toBe(other);
    expect(await kb.tabToNote(true)).toBe(low);
    expect(await kb.tabToNote(true)).toBe(top);

    // Delete: focus goes on to the next note; Ctrl+Z brings the note back, and the focus with it.
    await kb.focusNote(low);
    await kb.press('Delete');
    await kb.note(low).waitFor({ state: 'detached' });
    await kb.waitForFocusOnNote(other);
    await kb.press('Control+z');
    await kb.waitForFocusOnNote(low);
    expect(await b.board.noteText(low)).toBe('Low idea (edited)');
  });

  it('in a steps phase, "N" adds a step, Delete focuses the next step and Ctrl+Z brings the step back', async () => {
    const { b } = await e2e.cafe({ title: 'Steps' });
    const kb = new KeyboardUser(b.board.page);
    await b.board.phaseTab('steps').click();
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="steps"]').waitFor();
    await kb.focusBoard();
    const steps: string[] = [];
    for (const text of ['Map the partners', 'Meet monthly']) {
      await kb.press('n');
      const id = await kb.editingNoteId();
      await b.board.page.keyboard.type(text);
      await kb.press('Escape');
      await kb.waitForFocusOnStep(id);
      steps.push(id);
    }
    const [first, second] = steps as [string, string];
    const item = (id: string) => b.board.page.locator(`[data-testid="steps.item"][data-note-id="${id}"]`);
    expect(await item(second).getAttribute('aria-label')).toMatch(/^Step 2 of GOVERNMENT: Meet monthly, phase STEPS/);
    await item(first).focus();
    await kb.press('Delete');
    await item(first).waitFor({ state: 'detached' });
    await kb.waitForFocusOnStep(second);
    await kb.press('Control+z');
    await kb.waitForFocusOnStep(first);
  });

  it('votes with V, switches phase with the tab keys and Alt+PageDown, and finds the shortcuts with "?"', async () => {
    const { a, b } = await e2e.cafe({ title: 'Keys' });
    const id = await a.board.addNote('government', 'Open data');
    await b.board.waitForNoteText('Open data');
    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.openVoting({ phaseId: 'ideal', budget: 3 });

    const kb = new KeyboardUser(b.board.page);
    const dots = kb.note(id).getByTestId('note.my-dots');
    await kb.note(id).getByTestId('note.vote').and(b.board.page.locator(':enabled')).waitFor();
    await kb.focusNote(id);
    await kb.press('v');
    await b.board.page.locator('[data-testid="note.my-dots"][data-count="1"]').waitFor();
    await kb.press('v');
    await b.board.page.locator('[data-testid="note.my-dots"][data-count="2"]').waitFor();
    await kb.press('Shift+V');
    await b.board.page.locator('[data-testid="note.my-dots"][data-count="1"]').waitFor();
    expect(await dots.getAttribute('data-count')).toBe('1');
    expect(await kb.waitForNoteName(id, '1 of your dots')).toContain('1 of your dots');

    // The phase tabs: arrows move and select (roving tabindex), Home goes to the first.
    await b.board.phaseTab('ideal').focus();
    await kb.press('ArrowRight');
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="reality"]').waitFor();
    expect(await kb.focusedPhaseTab()).toBe('reality');
    expect(await b.board.phaseTab('reality').getAttribute('tabindex')).toBe('0');
    expect(await b.board.phaseTab('ideal').getAttribute('tabindex')).toBe('-1');
    // Alt+PageDown from anywhere: the next phase.
    await kb.focusBoard();
    await kb.press('Alt+PageDown');
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="steps"]').waitFor();
    await kb.press('Home');
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="ideal"]').waitFor();

    // "?" opens the shortcuts; Escape closes them and focus returns where it was.
    await b.board.phaseTab('ideal').focus();
    await kb.press('?');
    await kb.shortcuts.waitFor();
    expect(await kb.shortcuts.textContent()).toContain('Alt+Page Down');
    await kb.press('Escape');
    await kb.shortcuts.waitFor({ state: 'detached' });
    expect(await kb.focusedPhaseTab()).toBe('ideal');
  });

  it("a note's accessible name says its text, topic, phase, author and votes", async () => {
    const { a, b } = await e2e.cafe({ title: 'Names', participant: 'Olena' });
    const id = await b.board.addNote('community', 'Neighbourhood forum');
    const kb = new KeyboardUser(a.board.page);
    await a.board.waitForNoteText('Neighbourhood forum');
    const name = await kb.waitForNoteName(id, 'Olena');
    expect(name).toContain('Neighbourhood forum');
    expect(name).toContain('THE COMMUNITY');
    expect(name).toContain('FORMING THE IDEAL VISION OF INTERACTION');
    expect(name).toContain('by Olena');
    expect(await kb.note(id).getAttribute('role')).toBe('group');
    expect(await kb.note(id).getAttribute('aria-roledescription')).toBe('note');

    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.openVoting({ phaseId: 'ideal', budget: 3 });
    const vote = new KeyboardUser(b.board.page).note(id).getByTestId('note.vote');
    await vote.and(b.board.page.locator(':enabled')).waitFor();
    await vote.click();
    await b.board.page.locator('[data-testid="note.my-dots"][data-count="1"]').waitFor();
    await panel.closeVoting();
    expect(await kb.waitForNoteName(id, '1 dot')).toContain('1 dot');
  });

  it('the live region announces another person\'s note once, coalesced, and never your own', async () => {
    const { a, b } = await e2e.cafe({ title: 'Live', participant: 'Olena' });
    const ka = new KeyboardUser(a.board.page);
    const kb = new KeyboardUser(b.board.page);
    await ka.recordAnnouncements();
    await kb.recordAnnouncements();

    // Olena's note: its creation and her typing are one announcement.
    const id = await b.board.addNote('government', 'Joint grant applications');
    await ka.waitForAnnouncement('Olena added 1 note');
    // The facilitator's own note is announced to Olena, never to the facilitator.
    await a.board.addNote('ngos', 'Shared office space');
    await kb.waitForAnnouncement('Facilitator added 1 note');
    await b.board.editNote(id, 'Joint grant applications 2027');
    await ka.waitForAnnouncement('1 note edited');
    expect(await ka.announcements()).toEqual(['Olena added 1 note', '1 note edited']);
    expect(await kb.announcements()).toEqual(['Facilitator added 1 note']);
  });
});
