import { describe, it } from 'vitest';
import { useE2E } from './support/harness';
import { PasteLinesDialog } from './support/import-page';

const e2e = useE2E();

describe('paste lines into a column', () => {
  it('a pasted list becomes one clean note per line for everyone, and one undo takes all of it back', async () => {
    const { a, b } = await e2e.cafe({ title: 'Paste' });
    const paste = new PasteLinesDialog(b.user.page);
    await paste.paste('government', '- open budget hearings\n• regular consultations\n\n3. a shared calendar\n', 3);

    const texts = ['open budget hearings', 'regular consultations', 'a shared calendar'];
    for (const text of texts) await a.board.waitForNoteText(text, 'government');
    await b.board.waitForNoteTexts(texts);

    await b.board.undoKey();
    await b.board.waitForNoteTexts([]);
    await a.board.waitForNoteTexts([]);
  });

  it('Escape closes the dialog without adding anything', async () => {
    const { b } = await e2e.cafe({ title: 'Paste' });
    const paste = new PasteLinesDialog(b.user.page);
    await paste.button('community').click();
    await paste.dialog.waitFor();
    await b.user.page.getByTestId('paste.text').fill('one\ntwo');
    await b.user.page.keyboard.press('Escape');
    await paste.dialog.waitFor({ state: 'detached' });
    await b.board.waitForNoteTexts([]);
  });
});
