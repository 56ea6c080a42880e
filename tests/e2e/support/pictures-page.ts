import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { FacilitatorPanel } from './facilitator-page';

const tid = (id: string): string => `[data-testid="${id}"]`;

export type PictureFile = { fileName: string; bytes: Buffer; text: string };

/** The "board pictures" buttons of the facilitator's Results section: one download per board phase. */
export class PicturesPanel {
  constructor(readonly page: Page) {}

  /** Clicks "Boards as SVG|PNG" and resolves with the `count` files it downloads, once the status says done. */
  async download(format: 'svg' | 'png', count: number): Promise<PictureFile[]> {
    const panel = await new FacilitatorPanel(this.page).open();
    const downloads: Download[] = [];
    const all = new Promise<void>((resolve) => {
      const onDownload = (d: Download) => {
        downloads.push(d);
        if (downloads.length < count) return;
        this.page.off('download', onDownload);
        resolve();
      };
      this.page.on('download', onDownload);
    });
    await this.page.locator(`${tid('export.pictures')}[data-format="${format}"]`).click();
    await Promise.all([all, this.page.locator(`${tid('export.pictures-status')}[data-status="done"]`).waitFor()]);
    const files = await Promise.all(
      downloads.map(async (d) => {
        const bytes = await readFile(await d.path());
        return { fileName: d.suggestedFilename(), bytes, text: bytes.toString('utf8') };
      }),
    );
    // The drawer covers the board: close it so the person can go on working.
    await panel.close();
    return files;
  }
}
