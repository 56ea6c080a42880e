import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { FacilitatorPanel } from './facilitator-page';

const tid = (id: string): string => `[data-testid="${id}"]`;

export type ExportFormat = 'docx' | 'pdf' | 'md' | 'html' | 'csv' | 'json';

/** The facilitator's "Results" section: one button per format, a status line, a browser download. */
export class ExportPanel {
  constructor(readonly page: Page) {}

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
