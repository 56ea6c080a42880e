import { afterEach, expect, it } from 'vitest';
import { closeUsers, newUser, waitForServiceWorkerControl, type User } from './support/browser';
import { FacilitatorPanel } from './support/facilitator-page';
import { useE2E } from './support/harness';
import { KitPanel, scanKit } from './support/kit-page';
import { HomePage } from './support/pages';
import { ParticipantBoard } from './support/participant-page';
import { PHONE, PhoneBoard } from './support/phone-page';
import { describeNeeding } from '../support/system-deps';

const e2e = useE2E();
const phones: User[] = [];
afterEach(async () => {
  await closeUsers(phones);
});

async function phone(name: string): Promise<PhoneBoard> {
  const user = await newUser(e2e.browser, e2e.server.url, name, PHONE);
  phones.push(user);
  await (await new HomePage(user.page).open()).setName(name);
  return new PhoneBoard(user.page);
}

/** The table this phone sits at, as its menu's table picker shows it. */
async function seatedAt(p: PhoneBoard): Promise<string> {
  await p.openMenu();
  const picker = p.page.getByTestId('board.table-picker');
  // The session's tables are known.
  await picker.locator('option', { hasText: 'Table 3' }).waitFor({ state: 'attached' });
  const label = await picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  await p.closeSheet();
  return label;
}

describeNeeding(['pdftoppm'], 'printed table kit', () => {
  it('a tent card QR code, printed from the panel (offline), seats a phone at its table; a phone that already sat elsewhere stays', async () => {
    const a = await e2e.person('Olena');
    const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Kit café' });
    await a.board.waitForConnected();
    // Printed offline: the renderer, the QR encoder and the fonts come from the app's cache.
    await waitForServiceWorkerControl(a.user.page);
    await a.board.waitForConnected();
    await new FacilitatorPanel(a.user.page).open();
    await a.user.goOffline();
    await a.board.waitForStatus('offline');
    const { fileName, bytes } = await new KitPanel(a.user.page).print('a4', 'keyboard', process.env.KIT_SHOTS ? `${process.env.KIT_SHOTS}/kit-panel.png` : undefined);
    expect(fileName).toMatch(/^Kit-café-kit-\d{4}-\d\d-\d\d\.pdf$/);
    await a.user.goOnline();
    const codes = await scanKit(bytes);
    // Poster: participant and viewer; then the three tent cards, two codes each (one per side).
    expect(codes[0]).toHaveLength(2);
    const table2 = codes[2]!;
    expect(table2).toHaveLength(2);
    expect(table2[0]).toBe(table2[1]);
    // The origin is the one the browser opened the board at.
    expect(table2[0]).toMatch(new RegExp(`^http://[^/]+/s/${sessionId}#t=[A-Za-z0-9_-]+&table=t2$`));

    // A phone that sits nowhere yet opens Table 2's code: it sits at Table 2, and the link is gone from the address bar.
    const p = await phone('Petro');
    await p.join(table2[0]!);
    await p.waitForConnected();
    await expect.poll(() => seatedAt(p)).toBe('Table 2');
    expect(await p.page.evaluate(() => location.hash)).toBe('');
    const note = await p.writeNote('met at table two');
    await a.board.waitForNoteText('met at table two', 'government');
    await expect.poll(() => new ParticipantBoard(a.user.page).noteTable(note).textContent()).toBe('Table 2');

    // A phone that picked Table 3 keeps it when it opens Table 2's code.
    const q = await phone('Mariia');
    const participantLink = table2[0]!.replace(/&table=.*$/, '');
    expect(codes[0]).toContain(participantLink);
    await q.join(participantLink);
    await q.waitForConnected();
    await q.pickTable('Table 3');
    await q.join(table2[0]!);
    await q.waitForConnected();
    await expect.poll(() => seatedAt(q)).toBe('Table 3');

    // A table the session does not have seats nobody.
    const r = await phone('Iryna');
    await r.join(`${participantLink}&table=t9`);
    await r.waitForConnected();
    await r.addNoteButton.waitFor();
    expect(await seatedAt(r)).toBe('No table');
  });
});
