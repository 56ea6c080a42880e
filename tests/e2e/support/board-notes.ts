import type { Locator } from 'playwright-core';
import { BoardBase } from './board-base';
import { attr, grabPoint, tid } from './selectors';

/** Notes as a person handles them: add, edit, drag, recolour, delete, and wait to see them. */
export class BoardNotes extends BoardBase {
  // ---- notes -------------------------------------------------------------------------------

  async noteIds(): Promise<string[]> {
    return this.notes().evaluateAll((els) => els.map((e) => e.getAttribute('data-note-id') ?? ''));
  }

  /** Clicks "+" in a topic cell (or the cross row), types the text, leaves the editor; returns the note id. */
  async addNote(topicId: string, text: string): Promise<string> {
    const before = new Set(await this.noteIds());
    await this.addButton(topicId).click();
    await this.editor.waitFor();
    const noteId = await this.editingNoteId(before);
    await this.typeAndLeave(text);
    await this.waitForText(noteId, text);
    return noteId;
  }

  /** Opens the editor of an existing note (double-click), as a person does. */
  async startEditing(noteId: string): Promise<Locator> {
    const note = this.note(noteId);
    await note.getByTestId('note.text').dblclick();
    const editor = note.getByTestId('note.editor');
    await editor.waitFor();
    return editor;
  }

  /** Leaves the editor with Escape. */
  async stopEditing(): Promise<void> {
    await this.editor.press('Escape');
    await this.editor.waitFor({ state: 'detached' });
  }

  async editNote(noteId: string, text: string): Promise<void> {
    await this.startEditing(noteId);
    await this.typeAndLeave(text);
    await this.waitForText(noteId, text);
  }

  /** Real pointer drag: press on the note, move in steps into the target cell (+dx,dy), release. */
  async dragNote(noteId: string, toTopicId: string, dx = 0, dy = 0): Promise<void> {
    const note = this.note(noteId);
    await note.scrollIntoViewIfNeeded();
    const from = await grabPoint(note);
    const target = await this.visibleCenter(this.column(toTopicId).first());
    const { mouse } = this.page;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 5, from.y + 5, { steps: 2 });
    await mouse.move(target.x + dx, target.y + dy, { steps: 12 });
    await mouse.up();
    await this.page.locator(tid('note') + attr('data-note-id', noteId) + attr('data-topic-id', toTopicId)).waitFor();
  }

  /** Selects the note, then picks a colour from its palette. */
  async recolor(noteId: string, color: string): Promise<void> {
    await this.select(noteId);
    await this.noteControl(noteId, tid('note.color') + attr('data-color', color)).click();
    await this.page.locator(tid('note') + attr('data-note-id', noteId) + attr('data-color', color)).waitFor();
  }

  async deleteNote(noteId: string): Promise<void> {
    await this.select(noteId);
    await this.noteControl(noteId, tid('note.delete')).click();
    await this.note(noteId).waitFor({ state: 'detached' });
  }

  /** A click on the note's body selects it (shows its palette and delete button). */
  async select(noteId: string): Promise<void> {
    const note = this.note(noteId);
    const p = await grabPoint(note);
    await this.page.mouse.click(p.x, p.y);
  }

  async noteText(noteId: string): Promise<string> {
    return ((await this.note(noteId).getByTestId('note.text').textContent()) ?? '').trim();
  }

  async noteAttr(noteId: string, name: 'data-topic-id' | 'data-color'): Promise<string> {
    return (await this.note(noteId).getAttribute(name)) ?? '';
  }

  /** Texts of the notes shown (in one topic cell, or all), sorted. */
  async noteTexts(topicId?: string): Promise<string[]> {
    const texts = await this.notes(topicId).evaluateAll((els) =>
      els.map((e) => (e.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim()),
    );
    return texts.sort();
  }

  /** Waits until a note with exactly this text is shown (optionally in a topic); returns its id. */
  async waitForNoteText(text: string, topicId?: string, timeout?: number): Promise<string> {
    const handle = await this.page.waitForFunction(
      ({ text, topicId }) => {
        for (const el of document.querySelectorAll('[data-testid="note"]')) {
          if (topicId !== undefined && el.getAttribute('data-topic-id') !== topicId) continue;
          if ((el.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim() === text) {
            return el.getAttribute('data-note-id') || true;
          }
        }
        return false;
      },
      { text, topicId },
      { timeout },
    );
    const id = await handle.jsonValue();
    return typeof id === 'string' ? id : '';
  }

  async waitForNoNoteText(text: string): Promise<void> {
    await this.page.waitForFunction(
      (text) =>
        ![...document.querySelectorAll('[data-testid="note"] [data-testid="note.text"]')].some(
          (el) => (el.textContent ?? '').trim() === text,
        ),
      text,
    );
  }

  /** Waits until the board shows exactly these note texts (any order, duplicates counted). */
  async waitForNoteTexts(expected: readonly string[], timeout?: number): Promise<void> {
    const want = [...expected].sort();
    await this.page
      .waitForFunction(
        (want) => {
          const got = [...document.querySelectorAll('[data-testid="note"]')]
            .map((e) => (e.querySelector('[data-testid="note.text"]')?.textContent ?? '').trim())
            .sort();
          return got.length === want.length && got.every((t, i) => t === want[i]);
        },
        want,
        { timeout },
      )
      .catch(async (error: unknown) => {
        throw new Error(`Board never showed ${JSON.stringify(want)}; it shows ${JSON.stringify(await this.noteTexts())}`, {
          cause: error,
        });
      });
  }

  async waitForText(noteId: string, text: string): Promise<void> {
    await this.page.waitForFunction(
      ({ noteId, text }) => {
        const el = document.querySelector(`[data-testid="note"][data-note-id="${CSS.escape(noteId)}"] [data-testid="note.text"]`);
        return (el?.textContent ?? '').trim() === text;
      },
      { noteId, text },
    );
  }

  async editingIndicators(): Promise<string[]> {
    return this.page.getByTestId('note.editing-by').evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0).map((e) => (e.textContent ?? '').trim()),
    );
  }

  /** The note whose editor is open: the editor's enclosing note, else the one note that is new. */
  protected async editingNoteId(before: Set<string>): Promise<string> {
    const inside = await this.editor.evaluate((el) => el.closest('[data-testid="note"]')?.getAttribute('data-note-id') ?? '');
    if (inside) return inside;
    const handle = await this.page.waitForFunction((before) => {
      const fresh = [...document.querySelectorAll('[data-testid="note"]')]
        .map((e) => e.getAttribute('data-note-id') ?? '')
        .filter((id) => id && !before.includes(id));
      return fresh.length === 1 ? fresh[0] : false;
    }, [...before]);
    return (await handle.jsonValue()) as string;
  }

  protected async typeAndLeave(text: string): Promise<void> {
    await this.editor.fill(text);
    await this.stopEditing();
  }

  /** A control of one note (palette swatch, delete): it lives inside the note and shows when the note is selected. */
  protected noteControl(noteId: string, selector: string): Locator {
    return this.note(noteId).locator(selector);
  }
}
