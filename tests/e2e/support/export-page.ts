import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { FacilitatorPanel } from './facilitator-page';

const tid = (id: string): string => `[data-testid="${id}"]`;

export type ExportFormat = 'docx' | 'pdf' | 'md' | 'html' | 'csv' | 'json';
export type Provenance = 'none' | 'place' | 'full';
export type ExportChoice = { heading: string; provenance: Provenance | null; charts: boolean };

/** The facilitator's "Results" section: one button per format, a status line, a browser download. */
export class ExportPanel {
  constructor(readonly page: Page) {}

  /** Sets the document options in the open drawer: what is given, the rest as it is. */
  async choose(choice: Partial<ExportChoice>): Promise<void> {
    await new FacilitatorPanel(this.page).open();
    if (choice.heading !== undefined) {
      const field = this.page.locator(tid('export.heading'));
      await field.fill(choice.heading);
      await field.press('Tab');
    }
    if (choice.provenance) await this.page.locator(`${tid('export.provenance')}[data-value="${choice.provenance}"]`).check();
    if (choice.charts !== undefined) await this.page.locator(tid('export.charts')).setChecked(choice.charts);
  }

  /** The document options as the drawer shows them. */
  async choice(): Promise<ExportChoice> {
    await new FacilitatorPanel(this.page).open();
    const checked = this.page.locator(`${tid('export.provenance')}:checked`);
    return {
      heading: await this.page.locator(tid('export.heading')).inputValue(),
      provenance: (await checked.count()) ? ((await checked.getAttribute('data-value')) as Provenance) : null,
      charts: await this.page.locator(tid('export.charts')).isChecked(),
    };
  }

  /** Opens the drawer, clicks a format, and resolves with the downloaded file's name and text once it has saved. */
  async download(format: ExportFormat): Promise<{ fileName: string; text: string; bytes: Buffer; status: string }> {
    const panel = await new FacilitatorPanel(this.page).open();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator(`${tid('export.format')}[data-format="${format}"]`).click(),
    ]);
    const path = await download.path();
    const status = this.page.locator(`${tid('export.status')}[data-status="done"]`);
    await status.waitFor();
    const bytes = await readFile(path);
    const result = { fileName: download.suggestedFilename(), text: bytes.toString('utf8'), bytes, status: (await status.textContent()) ?? '' };
    // The drawer covers the board: close it so the person can go on working.
    await panel.close();
    return result;
  }
}
