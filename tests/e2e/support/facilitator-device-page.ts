import type { Locator, Page } from 'playwright-core';
import { geometryOf, type Geometry } from './geometry';
import { scanQr } from './qr-scan';

export type DevicePart = 'dialog' | 'qr' | 'link' | 'copy' | 'close' | 'warning';

/**
 * "Facilitate from another device" in the facilitator's panel (open the panel first): the button,
 * and the dialog with the facilitator link as a QR code and as text.
 */
export class FacilitatorDevice {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByTestId('facilitator.device.open');
  }
  get dialog(): Locator {
    return this.page.getByTestId('facilitator.device.dialog');
  }
  part(what: DevicePart): Locator {
    return what === 'dialog' ? this.dialog : this.page.getByTestId(`facilitator.device.${what}`);
  }

  /** Opens the dialog (click, or a finger's tap through `tap`) and returns the link once its QR code is drawn. */
  async reveal(tap?: (target: Locator) => Promise<void>): Promise<string> {
    await (tap ? tap(this.openButton) : this.openButton.click());
    await this.part('qr').waitFor();
    return this.link();
  }

  async link(): Promise<string> {
    return this.part('link').inputValue();
  }

  /** The text a camera reads from the dialog's QR code. */
  async scan(): Promise<string | null> {
    return scanQr(this.part('qr'));
  }

  async geometry(what: DevicePart): Promise<Geometry> {
    return geometryOf(this.part(what));
  }

  async close(tap?: (target: Locator) => Promise<void>): Promise<void> {
    await (tap ? tap(this.part('close')) : this.part('close').click());
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** The data-testid of the focused element, and whether it is inside the dialog. */
  async focus(): Promise<{ testId: string | null; inDialog: boolean }> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return { testId: el?.getAttribute('data-testid') ?? null, inDialog: !!el?.closest('[data-testid="facilitator.device.dialog"]') };
    });
  }

  /** The dialog's accessible name: the text of what aria-labelledby names. */
  async dialogName(): Promise<string> {
    return this.dialog.evaluate((d) => document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
  }
}

/**
 * Where the page shows `secret` outside `except` (a selector; none: anywhere): text, attribute
 * values, form values, the address bar and the title. An empty list: nowhere.
 */
export async function whereShown(page: Page, secret: string, except?: string): Promise<string[]> {
  return page.evaluate(
    ({ secret, except }) => {
      const found: string[] = [];
      if (location.href.includes(secret)) found.push('address bar');
      if (document.title.includes(secret)) found.push('title');
      for (const el of document.querySelectorAll('*')) {
        if (except && el.closest(except)) continue;
        const name = `${el.tagName.toLowerCase()}[data-testid=${el.getAttribute('data-testid') ?? ''}]`;
        for (const a of el.attributes) if (a.value.includes(secret)) found.push(`${name} @${a.name}`);
        if ((el as HTMLInputElement).value?.includes?.(secret)) found.push(`${name} value`);
        for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE && node.textContent?.includes(secret)) found.push(`${name} text`);
      }
      return found;
    },
    { secret, except },
  );
}
