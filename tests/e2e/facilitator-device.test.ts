import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, newUser, type User } from './support/browser';
import { FacilitatorPanel } from './support/facilitator-page';
import { FacilitatorDevice, whereShown, type DevicePart } from './support/facilitator-device-page';
import { useE2E } from './support/harness';
import { HomePage } from './support/pages';
import { scanQr } from './support/qr-scan';
import { PHONE, PHONE_LANDSCAPE, PhoneBoard } from './support/phone-page';
import { RunStrip } from './support/run-sheet-page';
import { attr, tid } from './support/selectors';

const e2e = useE2E();
const devices: User[] = [];
afterEach(async () => {
  await closeUsers(devices);
});

// Screenshots to look at (RUN_SHOTS=/tmp/shots), as run-sheet.test.ts does.
const SHOTS = process.env.RUN_SHOTS;
const LAPTOP = { width: 1280, height: 720 };
const TABLET = { width: 1024, height: 768 };
const WIDE_LAPTOP = { width: 1440, height: 900 };
const WARNING = 'Anyone with this link can run the café. Don’t project or share it.';
const WARNING_UK = 'Будь-хто з цим посиланням може керувати кафе. Не показуйте його на проєкторі й нікому не надсилайте.';

/** A phone whose browser speaks `locale` (the interface follows it). */
async function phoneDevice(name: string, locale: string): Promise<PhoneBoard> {
  const user = await newUser(e2e.browser, e2e.server.url, name, { ...PHONE, locale });
  devices.push(user);
  await (await new HomePage(user.page).open()).setName(name);
  return new PhoneBoard(user.page);
}

/** The token in a board link (`/s/<id>#t=<token>`). */
const tokenOf = (link: string): string => new URLSearchParams(new URL(link).hash.slice(1)).get('t') ?? '';

/** The dialog, its QR code and its buttons are whole on screen and nothing covers them; on touch, the buttons are finger-sized. */
async function expectReachable(device: FacilitatorDevice, touch: boolean): Promise<void> {
  for (const what of ['dialog', 'warning', 'qr', 'link', 'copy', 'close'] as DevicePart[]) {
    const g = await device.geometry(what);
    expect(g, what).toMatchObject({ inViewport: true, onTop: true });
    if (touch && (what === 'copy' || what === 'close')) expect(Math.min(g.width, g.height), what).toBeGreaterThanOrEqual(44);
  }
}

describe('facilitate from another device', () => {
  it('the laptop reveals its facilitator link (QR and text) on request; a phone that opens it is a second facilitator whose Next moves the laptop', async () => {
    const { a: laptop, b: part, sessionId } = await e2e.cafe();
    const page = laptop.board.page;
    await page.setViewportSize(LAPTOP);
    await new FacilitatorPanel(page).open();
    const device = new FacilitatorDevice(page);
    // Hidden until asked for: the panel has only the button.
    expect(await device.dialog.count()).toBe(0);

    // Keyboard: the button is reachable, Enter opens, focus moves into the dialog.
    await device.openButton.focus();
    await page.keyboard.press('Enter');
    await device.part('qr').waitFor();
    const link = await device.link();
    const token = tokenOf(link);
    expect(link).toBe(`${new URL(page.url()).origin}/s/${sessionId}#t=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(await device.focus()).toMatchObject({ inDialog: true });
    expect(await device.dialogName()).toBe('Facilitate from another device');
    expect(await device.part('warning').textContent()).toBe(WARNING);
    // What a camera reads is exactly the link shown as text.
    expect(await device.scan()).toBe(link);
    // While revealed, nothing else of the page shows the token.
    expect(await whereShown(page, token, tid('facilitator.device.dialog'))).toEqual([]);
    await expectReachable(device, false);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/facilitator-device-laptop.png` });
    for (const size of [TABLET, WIDE_LAPTOP]) {
      await page.setViewportSize(size);
      await expectReachable(device, false);
    }
    await page.setViewportSize(LAPTOP);

    // Copy puts the same link on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await device.part('copy').click();
    await page.locator(tid('facilitator.device.copy')).filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // Escape closes the dialog, not the panel, and focus returns to the button.
    await page.keyboard.press('Escape');
    await device.dialog.waitFor({ state: 'detached' });
    await page.getByTestId('facilitator.panel').waitFor();
    expect(await device.focus()).toEqual({ testId: 'facilitator.device.open', inDialog: false });
    expect(await whereShown(page, token)).toEqual([]);

    // Regression guard: the share dialog (projected in a hall) still carries no facilitator token.
    await laptop.board.openShareDialog();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLInputElement>('[data-testid="share.link"]')].every((i) => i.value !== ''));
    expect(await whereShown(page, token)).toEqual([]);
    await page.getByTestId('share.qr').nth(1).waitFor();
    const shareCodes = await Promise.all((await page.getByTestId('share.qr').all()).map((qr) => scanQr(qr)));
    expect(shareCodes).toHaveLength(2);
    for (const code of shareCodes) expect(code && tokenOf(code)).not.toBe(token);
    await laptop.board.closeShareDialog();

    // A phone opens the link: it is a facilitator, and its Next moves the laptop and the participant.
    const phone = await phoneDevice('Olena', 'uk-UA');
    await phone.join(link);
    await phone.page.locator(tid('board.root') + attr('data-role', 'facilitator')).waitFor();
    const [onLaptop, onPhone, onPart] = [new RunStrip(page), new RunStrip(phone.page), new RunStrip(part.board.page)];
    await phone.tapOn(onPhone.nextButton);
    await onLaptop.waitForSeq(1);
    await onPart.waitForSeq(1);
    expect(await onLaptop.state()).toMatchObject({ now: 'phase', round: 1 });

    // The phone's own panel offers the same, in its Ukrainian, finger-sized and whole on a 390×844 screen.
    await phone.openMenu();
    await phone.tapOn(phone.page.getByTestId('board.facilitate'));
    await phone.page.getByTestId('facilitator.panel').waitFor();
    const onPhoneDevice = new FacilitatorDevice(phone.page);
    const phoneLink = await onPhoneDevice.reveal((target) => phone.tapOn(target));
    expect(tokenOf(phoneLink)).toBe(token);
    expect(await onPhoneDevice.scan()).toBe(phoneLink);
    expect(await onPhoneDevice.part('warning').textContent()).toBe(WARNING_UK);
    await expectReachable(onPhoneDevice, true);
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/facilitator-device-phone.png` });
    // Turned on its side (844×390), the code moves beside the words and everything stays in reach.
    await phone.page.setViewportSize(PHONE_LANDSCAPE.viewport!);
    await expectReachable(onPhoneDevice, true);
    expect(await onPhoneDevice.scan()).toBe(phoneLink);
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/facilitator-device-phone-landscape.png` });
    await onPhoneDevice.close((target) => phone.tapOn(target));
    expect(await onPhoneDevice.focus()).toEqual({ testId: 'facilitator.device.open', inDialog: false });
  });

  it('only the facilitator’s own board offers the link: not a participant, not a viewer, not the projector view', async () => {
    const { a: fac, b: part, sessionId } = await e2e.cafe();
    const page = fac.board.page;
    await new FacilitatorPanel(page).open();
    const link = await new FacilitatorDevice(page).reveal();
    const token = tokenOf(link);
    await new FacilitatorDevice(page).close();

    const viewerLink = await fac.board.shareLink('viewer');
    const viewer = await e2e.person('Viewer');
    await viewer.board.openLink(viewerLink);
    for (const board of [part.board, viewer.board]) {
      await board.waitForConnected();
      expect(await board.page.getByTestId('board.facilitate').count()).toBe(0);
      expect(await board.page.getByTestId('facilitator.device.open').count()).toBe(0);
      expect(await whereShown(board.page, token)).toEqual([]);
    }

    // The facilitator's laptop put into the projector view (as for a hall's screen): no panel, no link.
    await page.evaluate((id) => sessionStorage.setItem(`wcb.projector.${id}`, 'on'), sessionId);
    await page.reload();
    await page.locator(tid('board.root') + attr('data-view', 'projector') + attr('data-role', 'facilitator')).waitFor();
    await page.getByTestId('projector.bar').waitFor();
    expect(await page.getByTestId('board.facilitate').count()).toBe(0);
    expect(await page.getByTestId('facilitator.device.open').count()).toBe(0);
    expect(await whereShown(page, token)).toEqual([]);
  });
});
