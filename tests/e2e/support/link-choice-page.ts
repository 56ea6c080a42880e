import type { Locator, Page } from 'playwright-core';

/** The question a board asks when a link grants less than this device already holds. */

export type LinkUse = 'own' | 'link';
export type Reach = { testid: string; inViewport: boolean; hitsButton: boolean };

export class LinkChoice {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('link-choice.dialog');
  }
  button(use: LinkUse): Locator {
    return this.page.getByTestId(`link-choice.${use}`);
  }
  /** The notice that the link's token was refused and the device's own role opened. */
  get refused(): Locator {
    return this.page.getByTestId('link-choice.refused');
  }

  async roles(): Promise<{ own: string; link: string }> {
    await this.dialog.waitFor();
    const [own, link] = await Promise.all([this.dialog.getAttribute('data-own-role'), this.dialog.getAttribute('data-link-role')]);
    return { own: own ?? '', link: link ?? '' };
  }

  async choose(use: LinkUse): Promise<void> {
    await this.button(use).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async dismissRefused(): Promise<void> {
    await this.page.getByTestId('link-choice.ok').click();
    await this.refused.waitFor({ state: 'detached' });
  }

  /** Each button of an open dialog: inside the viewport, and what a tap at its centre lands on. */
  async reach(container: Locator): Promise<Reach[]> {
    await container.waitFor();
    return container.locator('button').evaluateAll((buttons) =>
      buttons.map((button) => {
        const r = button.getBoundingClientRect();
        const inViewport = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { testid: button.getAttribute('data-testid') ?? '', inViewport, hitsButton: !!hit && button.contains(hit) };
      }),
    );
  }
}
