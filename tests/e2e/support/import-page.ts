import type { Locator, Page } from 'playwright-core';
import { BoardPage } from './board-page';

/** The "Paste lines" dialog of one topic cell. */
export class PasteLinesDialog {
  constructor(readonly page: Page) {}

  button(topicId: string): Locator {
    return this.page.locator(`[data-testid="board.paste-lines"][data-topic-id="${topicId}"]`);
  }

  get dialog(): Locator {
    return this.page.getByTestId('paste.dialog');
  }

  get addButton(): Locator {
    return this.page.getByTestId('paste.add');
  }

  /** Opens the dialog on a cell, pastes the text and adds the notes; waits for the dialog to close. */
  async paste(topicId: string, text: string, expectedCount: number): Promise<void> {
    await this.button(topicId).click();
    await this.dialog.waitFor();
    await this.page.getByTestId('paste.text').fill(text);
    await this.page.locator(`[data-testid="paste.add"]:not([disabled])`).filter({ hasText: String(expectedCount) }).waitFor();
    await this.addButton.click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** The home page's "Import results" file field. */
export class ImportForm {
  constructor(readonly page: Page) {}

  get error(): Locator {
    return this.page.getByTestId('home.import-error');
  }

  /** What an import repaired or left out of the file's control records, shown before the board opens. */
  get repairs(): Locator {
    return this.page.getByTestId('home.import-repairs');
  }

  /** One line per repaired or left-out record. */
  async repairLines(): Promise<string[]> {
    return this.page.getByTestId('home.import-repair').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  }

  /** "Open the board" under the repairs. */
  get openButton(): Locator {
    return this.page.getByTestId('home.import-open');
  }

  /** Picks a file (name and contents) in the import field. */
  async choose(name: string, contents: string, mimeType = 'application/json'): Promise<void> {
    await this.page.getByTestId('home.import').setInputFiles({ name, mimeType, buffer: Buffer.from(contents, 'utf8') });
  }

  /** Imports a file and waits for its board; returns the new session id. */
  async importFile(name: string, contents: string, mimeType?: string): Promise<string> {
    await this.choose(name, contents, mimeType);
    await this.page.waitForURL(/\/s\/[^/?#]+/);
    const sessionId = decodeURIComponent(/\/s\/([^/?#]+)/.exec(this.page.url())![1]!);
    await new BoardPage(this.page).waitForBoard(sessionId);
    return sessionId;
  }
}
