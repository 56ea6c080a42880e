import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { FacilitatorPanel } from './facilitator-page';
import { rasterize, scanAll } from '../../support/kit-scan';

/** The facilitator's "Print table kit" section: paper, the button, a status line, a browser download. */
export class KitPanel {
  constructor(readonly page: Page) {}

  get printButton(): Locator {
    return this.page.getByTestId('kit.print');
  }

  /**
   * Opens the drawer, prints the kit on `paper` with the keyboard (focus, Enter) or a click, and
   * resolves with the PDF's file name and bytes.
   */
  async print(paper: 'a4' | 'letter' = 'a4', via: 'keyboard' | 'click' = 'click', shot?: string): Promise<{ fileName: string; bytes: Buffer }> {
    const panel = await new FacilitatorPanel(this.page).open();
    await this.page.getByTestId('kit.paper').selectOption(paper);
    await this.printButton.scrollIntoViewIfNeeded();
    if (shot) await this.page.screenshot({ path: shot });
    const press = async () => {
      if (via === 'click') return this.printButton.click();
      await this.printButton.focus();
      await this.page.keyboard.press('Enter');
    };
    const [download] = await Promise.all([this.page.waitForEvent('download'), press()]);
    const bytes = await readFile(await download.path());
    await this.page.locator('[data-testid="kit.status"][data-status="done"]').waitFor();
    await panel.close();
    return { fileName: download.suggestedFilename(), bytes };
  }
}

/** Every QR code of a kit PDF, page by page, as a printer at 150 dpi and a phone camera would read them. */
export async function scanKit(bytes: Buffer): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'wcb-kit-e2e-'));
  await writeFile(join(dir, 'kit.pdf'), bytes);
  const pages = await rasterize(join(dir, 'kit.pdf'), dir);
  return pages.map((page) => scanAll(page).map((q) => q.text));
}
