import type { Locator } from 'playwright-core';
import { BoardPage } from './pages';

/** A note near or past its length limit: the editor's counter and notice, the board's "more". */
export class LongNoteBoard extends BoardPage {
  get counter(): Locator {
    return this.page.getByTestId('note.counter');
  }
  get tooLong(): Locator {
    return this.page.getByTestId('note.too-long');
  }
  more(noteId: string): Locator {
    return this.note(noteId).getByTestId('note.more');
  }
  text(noteId: string): Locator {
    return this.note(noteId).getByTestId('note.text');
  }

  /** Opens an empty note in `topicId` and leaves its editor open; returns its id. */
  async openNewNote(topicId: string): Promise<string> {
    const before = new Set(await this.noteIds());
    await this.addButton(topicId).click();
    await this.editor.waitFor();
    return this.editingNoteId(before);
  }

  /** Pastes `text` into the open editor through the clipboard (Ctrl+V), as a person does. */
  async paste(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.editor.press('ControlOrMeta+V');
  }

  async editorLength(): Promise<number> {
    return this.editor.evaluate((el) => (el as HTMLTextAreaElement).value.length);
  }

  /** Whether the note's text is cut off by its height, measured as the reader sees it. */
  async cutOff(noteId: string): Promise<boolean> {
    return this.text(noteId).evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  }

  async noteHeight(noteId: string): Promise<number> {
    return (await this.note(noteId).boundingBox())?.height ?? 0;
  }
}
