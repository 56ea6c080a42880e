import type { BrowserContextOptions } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, newUser, type User } from './support/browser';
import { A11yAudit } from './support/a11y-page';
import { CriteriaPanel } from './support/criteria-page';
import { useE2E, type Person } from './support/harness';
import { ChecklistView, createFormSession, type FormKind } from './support/forms-page';
import { HomePage } from './support/pages';
import { PHONE, PHONE_LANDSCAPE, PhoneBoard } from './support/phone-page';
import { TABLET } from './support/touch-page';
import type { CreateSessionOptions } from './support/selectors';

const e2e = useE2E();
// Phones are made here rather than by e2e.person (a laptop); closed, and checked for page errors, after each test.
const phones: User[] = [];
afterEach(async () => {
  await closeUsers(phones);
});

const SHOTS = process.env.PHONE_SHOTS;

/** The facilitator's laptop makes a session; returns it with its participant link. */
async function cafe(opts: CreateSessionOptions = {}): Promise<{ a: Person; sessionId: string; link: string }> {
  const a = await e2e.person('Olena');
  const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', ...opts });
  await a.board.waitForConnected();
  return { a, sessionId, link: await a.board.shareLink('participant') };
}

/** A participant's phone that joined by the link. */
async function phone(link: string, device: BrowserContextOptions = PHONE, name = 'Petro'): Promise<PhoneBoard> {
  const user = await newUser(e2e.browser, e2e.server.url, name, device);
  phones.push(user);
  const home = await new HomePage(user.page).open();
  await home.setName(name);
  const board = new PhoneBoard(user.page);
  await board.join(link);
  await board.waitForConnected();
  return board;
}

async function shot(board: PhoneBoard, name: string): Promise<void> {
  if (SHOTS) await board.page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The checks every phone screen must pass: one header line, notes on most of the screen, and `screenProblems` empty. */
async function expectUsable(p: PhoneBoard, where: string): Promise<void> {
  await shot(p, where);
  const layout = await p.layout();
  expect(layout.headerRows, `${where}: header rows`).toBe(1);
  expect(layout.header, `${where}: header height`).toBeLessThanOrEqual(56);
  expect(layout.notesShare, `${where}: share of the screen for notes`).toBeGreaterThanOrEqual(0.6);
  expect(await p.screenProblems(), where).toEqual([]);
}

/** The sheets and states a person meets: the list, an open card, the topic picker, the menu. */
async function expectEveryScreenUsable(p: PhoneBoard, where: string): Promise<void> {
  await expectUsable(p, `${where} list`);
  await p.tapOn(p.page.getByTestId('note.text-button').first());
  await p.editor.waitFor();
  await expectUsable(p, `${where} open card`);
  await p.tapOn(p.page.getByTestId('phone.card-done'));
  await p.tapOn(p.currentTopic);
  await p.page.getByTestId('phone.topic-sheet').waitFor();
  expect(await p.screenProblems(), `${where} topic picker`).toEqual([]);
  await p.closeSheet();
  await p.openMenu();
  await shot(p, `${where} menu`);
  expect(await p.screenProblems(), `${where} menu`).toEqual([]);
  await p.closeSheet();
}

const LONG = 'Regular joint meetings of NGOs and the city council, open to the public, with minutes published within a week';

describe('a phone gets a layout made for one hand', () => {
  it('upright (390×844): one header line, notes on at least 60 % of the screen, every control finger-sized, whole on screen and reachable', async () => {
    const { a, link } = await cafe({ title: 'NGO Networking: a conference with a long title' });
    await a.board.addNote('government', LONG);
    await a.board.addNote('government', 'Short');
    const p = await phone(link);
    await p.page.getByTestId('note').first().waitFor();
    // No canvas to pan or zoom: the notes are a list.
    expect(await p.canvas.count()).toBe(0);
    expect(await p.cardTexts()).toEqual([LONG, 'Short']);
    await expectEveryScreenUsable(p, 'portrait');
    expect(await new A11yAudit(p.page).blocking('phone'), 'serious or critical axe violations on a phone').toEqual([]);
  });

  it('on its side (844×390) the same holds: the topics and the add button share one row above the notes', async () => {
    const { a, link } = await cafe();
    await a.board.addNote('government', LONG);
    const p = await phone(link, PHONE_LANDSCAPE);
    await p.page.getByTestId('note').first().waitFor();
    await expectEveryScreenUsable(p, 'landscape');
  });

  it('a viewer on a phone gets the same list, read-only, rather than the projector view', async () => {
    const { a } = await cafe();
    await a.board.addNote('government', 'Seen, not touched');
    const p = await phone(await a.board.shareLink('viewer'));
    expect(await p.role()).toBe('viewer');
    await p.page.getByTestId('board.readonly').waitFor();
    expect(await p.addNoteButton.count()).toBe(0);
    expect(await p.page.getByTestId('note.text-button').first().isDisabled()).toBe(true);
    await expectUsable(p, 'viewer');
  });

  it('a facilitator on a phone shares the links and opens the facilitation panel from the menu', async () => {
    const user = await newUser(e2e.browser, e2e.server.url, 'Olena', PHONE);
    phones.push(user);
    const home = await new HomePage(user.page).open();
    await home.setName('Olena');
    await user.page.getByTestId('home.language').selectOption('en');
    await user.page.getByTestId('home.create').click();
    const p = new PhoneBoard(user.page);
    await p.waitForPhone();
    expect(await p.role()).toBe('facilitator');

    await p.openMenu();
    await p.tapOn(p.page.getByTestId('board.share'));
    await p.shareDialog.waitFor();
    await p.page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-testid="share.link"][data-role="participant"]')?.value ?? '') !== '');
    await p.tapOn(p.page.getByTestId('share.close'));
    await p.shareDialog.waitFor({ state: 'detached' });

    await p.openMenu();
    await p.tapOn(p.page.getByTestId('board.facilitate'));
    await p.page.getByTestId('facilitator.panel').waitFor();
    await shot(p, 'facilitator panel');
    expect(await p.screenProblems('[data-testid="facilitator.panel"]')).toEqual([]);
  });

  it('a tablet (1024×768, touch) keeps the board with its columns', async () => {
    const { link } = await cafe();
    const user = await newUser(e2e.browser, e2e.server.url, 'Tablet', TABLET);
    phones.push(user);
    const tablet = new PhoneBoard(user.page);
    await tablet.openLink(link);
    expect(await tablet.root.getAttribute('data-view')).toBe('board');
    expect(await tablet.topicIds()).toEqual(['government', 'community', 'ngos']);
    expect(await tablet.canvas.isVisible()).toBe(true);
    expect(await tablet.header.count()).toBe(0);
  });

  it('a note typed the moment "add" is tapped keeps every character, on a phone six times slower', async () => {
    const { a, link } = await cafe();
    const p = await phone(link);
    await p.throttleCpu(6);
    const phrase = 'Довіра між ГО і владою';
    await p.addAndTypeRightAway(phrase);
    await a.board.waitForNoteText(phrase, 'government', 20_000);
    await expect.poll(() => p.cardTexts(), { timeout: 20_000 }).toEqual([phrase]);
    // A second one right after, in the same topic.
    await p.tapOn(p.page.getByTestId('phone.card-done'));
    await p.addAndTypeRightAway('Second thought');
    await a.board.waitForNoteText('Second thought', 'government', 20_000);
  });

  it('voting by tap counts every tap, and the dots left stay in sight', async () => {
    const { a, link } = await cafe();
    const first = await a.board.addNote('government', 'Open budget hearings');
    const second = await a.board.addNote('government', 'A shared calendar');
    // A round runs too: its timer and mute button join the header, which stays one line.
    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.setRounds(2, 10);
    await a.board.page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="setup.rounds-count"]')?.value === '2');
    await panel.startRound(1);
    await panel.openVoting({ phaseId: 'ideal', budget: 3 });
    await panel.close();
    const p = await phone(link);
    await p.voteButton(first).waitFor();
    await p.page.locator('[data-testid="phone.header"] [data-testid="timer.badge"][data-status="running"]').waitFor();
    await expectUsable(p, 'voting');

    // Two quick taps on one note, one on another: three dots, each one counted.
    await p.tapOn(p.voteButton(first));
    await p.tapOn(p.voteButton(first));
    await p.tapOn(p.voteButton(second));
    await p.page.locator('[data-testid="board.dots-left"][data-left="0"]').waitFor();
    expect(await p.myDots(first).getAttribute('data-count')).toBe('2');
    expect(await p.myDots(second).getAttribute('data-count')).toBe('1');
    await a.board.page.locator(`[data-testid="note.votes"][data-note-id="${first}"]`, { hasText: '2' }).waitFor();
    expect(await p.voteButton(first).isDisabled()).toBe(true);
    // The budget is whole on screen and nothing covers it, wherever the list is scrolled.
    expect(await p.budgetInSight()).toBe(true);
    await expectUsable(p, 'voting spent');
  });

  it('voting per table: the bottom bar asks for a table, opens the menu to pick one, then shows the table’s dots', async () => {
    const { a, link } = await cafe();
    const id = await a.board.addNote('government', 'Open budget hearings');
    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.openVoting({ phaseId: 'ideal', budget: 2, per: 'table' });
    await panel.close();
    const p = await phone(link);
    await p.voteButton(id).waitFor();
    expect(await p.voteButton(id).isDisabled()).toBe(true);
    await p.tapOn(p.page.getByTestId('board.pick-table'));
    await p.menuSheet.waitFor();
    await p.page.getByTestId('board.table-picker').selectOption({ label: 'Table 2' });
    await p.closeSheet();
    await p.page.locator('[data-testid="board.dots-left"][data-left="2"][data-budget="2"]').waitFor();
    await p.tapOn(p.voteButton(id));
    await p.page.locator('[data-testid="board.dots-left"][data-left="1"]').waitFor();
    expect(await p.budgetInSight()).toBe(true);
  });

  it('switches between topics and to the cross-cutting row; a note added there is in that row on the laptop', async () => {
    const { a, link } = await cafe();
    await a.board.addNote('community', 'Neighbourhood days');
    const p = await phone(link);
    expect(await p.topicId()).toBe('government');
    expect(await p.stepTopic(1)).toBe('community');
    expect(await p.cardTexts()).toEqual(['Neighbourhood days']);
    expect(await p.stepTopic(-1)).toBe('government');
    expect(await p.stepTopic(-1)).toBe('_cross');
    await p.showTopic('ngos');
    await p.showTopic('_cross');
    await p.writeNote('Trust, in every topic');
    await a.board.waitForNoteText('Trust, in every topic', '_cross');
  });

  it('a steps phase: steps are added, numbered and reordered on the phone, and the laptop shows the same order', async () => {
    const { a, link } = await cafe();
    const p = await phone(link);
    await p.showPhase('steps');
    expect(await p.page.getByTestId('board.root').getAttribute('data-phase-id')).toBe('steps');
    await p.writeNote('Map the partners');
    const second = await p.writeNote('Agree on a calendar');
    expect(await p.cardTexts()).toEqual(['Map the partners', 'Agree on a calendar']);
    await p.tapOn(p.note(second).getByTestId('note.text-button'));
    await p.tapOn(p.note(second).getByTestId('steps.up'));
    await expect.poll(() => p.cardTexts()).toEqual(['Agree on a calendar', 'Map the partners']);
    await expectUsable(p, 'steps');
    await a.board.switchPhase('steps');
    await expect
      .poll(() => a.board.page.locator('[data-testid="steps.list"][data-topic-id="government"] [data-testid="note.text"]').allTextContents())
      .toEqual(['Agree on a calendar', 'Map the partners']);
  });

  for (const [template, kind] of [
    ['partnership-cycle', 'checklist'],
    ['seminar-evaluation', 'survey'],
    ['benefits-matrix', 'matrix'],
  ] as const satisfies ReadonlyArray<readonly [string, FormKind]>) {
    it(`a ${kind} phase is usable: finger-sized, on screen, nothing cut`, async () => {
      const a = await e2e.person('Olena');
      await createFormSession(a, kind, { template, language: 'en' });
      await a.board.waitForConnected();
      const p = await phone(await a.board.shareLink('participant'));
      await p.page.getByTestId('form.root').waitFor();
      await expectUsable(p, kind);
      expect(await p.problemsThroughout(p.page.getByTestId('form.root')), `${kind}, scrolled through`).toEqual([]);
      if (kind === 'checklist') {
        const list = await new ChecklistView(p.page).waitForItems();
        const item = (await list.itemIds((await list.sectionIds())[0]!))[0]!;
        await p.tapOn(list.item(item).getByTestId('checklist.check'));
        await new ChecklistView(a.board.page).waitForDone(item, true);
      }
    });
  }

  it('in Ukrainian, long words wrap inside the screen: nothing is cut at its edge', async () => {
    const { a, link } = await cafe({ language: 'uk' });
    await a.board.addNote('government', 'Взаємодія громадських організацій з органами місцевого самоврядування');
    const p = await phone(link, { ...PHONE, locale: 'uk-UA' });
    expect(await p.page.evaluate(() => document.documentElement.lang)).toBe('uk');
    await p.page.getByTestId('note').first().waitFor();
    await expectEveryScreenUsable(p, 'ukrainian');
    await p.showPhase('steps');
    await expectUsable(p, 'ukrainian steps');
  });
});
