import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';

const e2e = useE2E();
const person = (name: string) => e2e.person(name);

describe('collaboration', () => {
  it('two browsers see each other\'s notes and cursors live', async () => {
    const a = await person('Оксана');
    const b = await person('Богдан');

    const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk', title: 'Мережування ГО' });
    expect(await a.board.columnHeaders()).toEqual(expect.arrayContaining(['ВЛАДОЮ', 'ГРОМАДОЮ', 'ІНШИМИ ГО']));
    // A is the facilitator (created it); B joins with the participant link A shares.
    await b.board.openLink(await a.board.shareLink('participant'));
    expect(await b.board.sessionId()).toBe(sessionId);
    expect(await b.board.topicIds()).toEqual(expect.arrayContaining(['government', 'community', 'ngos']));
    // Opening a link and only reading: the badge settles on online, nothing pending.
    await Promise.all([a.board.waitForStatus('online'), b.board.waitForStatus('online')]);
    expect(await b.board.pending()).toBe(0);

    // A writes in the ВЛАДОЮ column; B sees it in the same column.
    const noteA = await a.board.addNote('government', 'Регулярні зустрічі з депутатами');
    expect(await b.board.waitForNoteText('Регулярні зустрічі з депутатами', 'government')).toBe(noteA);

    // B edits A's note and adds one of its own; A sees both.
    await b.board.editNote(noteA, 'Регулярні відкриті зустрічі з депутатами');
    await a.board.waitForText(noteA, 'Регулярні відкриті зустрічі з депутатами');
    const noteB = await b.board.addNote('community', 'Спільні толоки');
    expect(await a.board.waitForNoteText('Спільні толоки', 'community')).toBe(noteB);

    // A moves the pointer over the board; B sees a cursor labelled with A's name.
    await a.board.moveCursor(300, 250);
    await a.board.moveCursor(340, 280);
    await b.board.waitForRemoteCursor('Оксана');
    expect(await b.board.remoteCursorNames()).not.toContain('Богдан');

    // Both people are listed on both boards.
    for (const board of [a.board, b.board]) {
      await board.page.waitForFunction(() => document.querySelectorAll('[data-testid="presence.user"]').length >= 2);
      const names = (await board.presenceNames()).join(' | ');
      expect(names).toContain('Оксана');
      expect(names).toContain('Богдан');
    }

    // While A types in a note, B's copy of that note says so; it goes away when A leaves the editor.
    await a.board.startEditing(noteB);
    const indicator = b.board.note(noteB).getByTestId('note.editing-by');
    await indicator.waitFor();
    expect(await indicator.textContent()).toContain('Оксана');
    await a.board.editor.press('Control+End');
    await a.board.editor.pressSequentially(' і ярмарки');
    await b.board.waitForText(noteB, 'Спільні толоки і ярмарки');
    await a.board.stopEditing();
    await indicator.waitFor({ state: 'hidden' });
    expect(await a.board.noteText(noteB)).toBe('Спільні толоки і ярмарки');

    // Everything is sent: both badges settle on online with nothing pending.
    for (const board of [a.board, b.board]) {
      await board.waitForStatus('online');
      expect(await board.pending()).toBe(0);
    }
  });
});
