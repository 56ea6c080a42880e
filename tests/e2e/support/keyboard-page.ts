import type { Locator, Page } from 'playwright-core';
import { attr, tid } from './selectors';

/** A person using the board with the keyboard only, and what a screen reader would be told. */
export class KeyboardUser {
  constructor(readonly page: Page) {}

  get live(): Locator {
    return this.page.getByTestId('a11y.live');
  }
  get shortcuts(): Locator {
    return this.page.getByTestId('a11y.shortcuts');
  }
  note(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId));
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Puts focus on the board itself (where keyboard focus lands when a person reaches it). */
  async focusBoard(): Promise<void> {
    await this.page.getByTestId('board.canvas').focus();
  }

  async focusNote(noteId: string): Promise<void> {
    await this.note(noteId).focus();
    await this.waitForFocusOnNote(noteId);
  }

  /** The note (card) that has focus, or null when focus is elsewhere (or inside a note's controls). */
  async focusedNoteId(): Promise<string | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLElement && el.dataset.testid === 'note' ? (el.dataset.noteId ?? null) : null;
    });
  }

  async waitForFocusOnNote(noteId: string): Promise<void> {
    await this.page.waitForFunction((id) => {
      const el = document.activeElement;
      return el instanceof HTMLElement && el.dataset.testid === 'note' && el.dataset.noteId === id;
    }, noteId);
  }

  /**
   * Presses Tab (or Shift+Tab) until focus reaches a note card other than the current one, passing
   * the current note's own controls; returns its id, or null when focus left the notes.
   */
  async tabToNote(back = false): Promise<string | null> {
    const start = await this.focusedNoteId();
    for (let i = 0; i < 8; i++) {
      await this.press(back ? 'Shift+Tab' : 'Tab');
      const state = await this.page.evaluate(() => {
        const el = document.activeElement;
        const card = el instanceof HTMLElement && el.dataset.testid === 'note' ? el.dataset.noteId : null;
        return { card: card ?? null, inNote: !!el?.closest('[data-testid="note"]') };
      });
      if (state.card && state.card !== start) return state.card;
      if (!state.inNote) return null;
    }
    throw new Error('Tab never reached another note');
  }

  /** Where a note sits in its cell, in board units, from its drawn transform. */
  async position(noteId: string): Promise<{ x: number; y: number }> {
    return this.note(noteId).evaluate((el) => {
      const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec((el as HTMLElement).style.transform);
      return { x: Number(m?.[1]), y: Number(m?.[2]) };
    });
  }

  async waitForPosition(noteId: string, expected: { x: number; y: number }): Promise<void> {
    await this.page.waitForFunction(
      ({ id, x, y }) => {
        const el = document.querySelector<HTMLElement>(`[data-testid="note"][data-note-id="${id}"]`);
        return !!el && el.style.transform === `translate(${x}px, ${y}px)`;
      },
      { id: noteId, ...expected },
    );
  }

  /** The accessible name a screen reader announces for a note. */
  async noteName(noteId: string): Promise<string> {
    return (await this.note(noteId).getAttribute('aria-label')) ?? '';
  }

  async waitForNoteName(noteId: string, part: string): Promise<string> {
    await this.page.waitForFunction(
      ({ id, part }) => (document.querySelector(`[data-testid="note"][data-note-id="${id}"]`)?.getAttribute('aria-label') ?? '').includes(part),
      { id: noteId, part },
    );
    return this.noteName(noteId);
  }

  /** Waits for the live region to say something containing `text`; returns how many messages it has said. */
  async waitForAnnouncement(text: string): Promise<number> {
    await this.page.waitForFunction((text) => (document.querySelector('[data-testid="a11y.live"]')?.textContent ?? '').includes(text), text);
    return Number(await this.live.getAttribute('data-count'));
  }

  /** From now on, keeps every message the live region says (the region is emptied between them). */
  async recordAnnouncements(): Promise<void> {
    await this.live.waitFor({ state: 'attached' });
    await this.page.evaluate(() => {
      const region = document.querySelector('[data-testid="a11y.live"]')!;
      const said: string[] = [];
      (window as unknown as { __announced: string[] }).__announced = said;
      new MutationObserver(() => {
        const text = region.textContent ?? '';
        if (text) said.push(text);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
  }

  /** Every message said since recordAnnouncements. */
  async announcements(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);
  }

  async announcementCount(): Promise<number> {
    return Number(await this.live.getAttribute('data-count'));
  }

  async liveText(): Promise<string> {
    return (await this.live.textContent()) ?? '';
  }

  /** The id of the note whose editor is open (after "N"). */
  async editingNoteId(): Promise<string> {
    const editor = this.page.getByTestId('note.editor');
    await editor.waitFor();
    return editor.evaluate((el) => el.closest<HTMLElement>('[data-testid="note"], [data-testid="steps.item"]')?.dataset.noteId ?? '');
  }

  /** The numbered step that has focus, or null. */
  async focusedStepId(): Promise<string | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLElement && el.dataset.testid === 'steps.item' ? (el.dataset.noteId ?? null) : null;
    });
  }

  async waitForFocusOnStep(stepId: string): Promise<void> {
    await this.page.waitForFunction((id) => {
      const el = document.activeElement;
      return el instanceof HTMLElement && el.dataset.testid === 'steps.item' && el.dataset.noteId === id;
    }, stepId);
  }

  async focusedPhaseTab(): Promise<string | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLElement && el.getAttribute('role') === 'tab' ? (el.dataset.phaseId ?? null) : null;
    });
  }
}
