import type { Locator, Page } from 'playwright-core';
import type { Person } from './harness';
import { attr, tid, type CreateSessionOptions } from './selectors';

export type FormKind = 'matrix' | 'checklist' | 'survey';

const formRoot = (kind: FormKind) => tid('form.root') + attr('data-kind', kind);

/**
 * Opens the board on a form phase of this kind: the board's own wait looks for topic columns,
 * which a form phase does not draw, so this waits for the form instead. If the current phase is
 * another kind, the first tab showing this kind is picked.
 */
export async function showForm(page: Page, kind: FormKind): Promise<void> {
  await page.getByTestId('board.root').waitFor();
  await page.locator(`${formRoot(kind)}, ${tid('board.canvas')}, ${tid('form.root')}`).first().waitFor();
  if ((await page.locator(formRoot(kind)).count()) > 0) return;
  for (const tab of await page.getByTestId('board.phase-tab').all()) {
    await tab.click();
    const id = (await tab.getAttribute('data-phase-id')) ?? '';
    await page.locator(tid('board.root') + attr('data-phase-id', id)).waitFor();
    await page.locator(`${tid('form.root')}, ${tid('board.canvas')}`).first().waitFor();
    if ((await page.locator(formRoot(kind)).count()) > 0) return;
  }
  throw new Error(`No ${kind} phase in this session`);
}

/** Creates a session from the home screen (as HomePage.createSession) and shows its form phase. */
export async function createFormSession(person: Person, kind: FormKind, opts: CreateSessionOptions): Promise<string> {
  const { page } = person.home;
  if (opts.template !== undefined) await page.getByTestId('home.template').selectOption(opts.template);
  if (opts.language !== undefined) await page.getByTestId('home.language').selectOption(opts.language);
  if (opts.title !== undefined) await page.getByTestId('home.title').fill(opts.title);
  await page.getByTestId('home.create').click();
  await page.waitForURL(/\/s\/[^/?#]+/);
  await showForm(page, kind);
  return decodeURIComponent(/\/s\/([^/?#]+)/.exec(page.url())![1]!);
}

/** Opens a share link on this person's device and shows the form phase of this kind. */
export async function openFormLink(person: Person, link: string, kind: FormKind): Promise<void> {
  await person.board.openLink(link, { waitForBoard: false });
  await showForm(person.board.page, kind);
}

/** The matrix of a matrix phase: benefits (rows) × partners (columns). */
export class MatrixView {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('matrix.root');
  }
  cell(rowId: string, columnId: string): Locator {
    return this.page.locator(tid('matrix.cell') + attr('data-row-id', rowId) + attr('data-column-id', columnId));
  }
  tickBox(rowId: string, columnId: string): Locator {
    return this.cell(rowId, columnId).getByTestId('matrix.tick');
  }
  textField(rowId: string, columnId: string): Locator {
    return this.cell(rowId, columnId).getByTestId('matrix.text');
  }

  /** The matrix is drawn with at least one cell. */
  async waitForCells(): Promise<this> {
    await this.page.getByTestId('matrix.cell').first().waitFor();
    return this;
  }

  async rowIds(): Promise<string[]> {
    return this.page.getByTestId('matrix.row').evaluateAll((els) => els.map((e) => e.getAttribute('data-row-id') ?? ''));
  }
  async columnIds(): Promise<string[]> {
    return this.page.getByTestId('matrix.column-header').evaluateAll((els) => els.map((e) => e.getAttribute('data-column-id') ?? ''));
  }
  async columnLabel(columnId: string): Promise<string> {
    return ((await this.page.locator(tid('matrix.column-header') + attr('data-column-id', columnId)).textContent()) ?? '').trim();
  }

  /** Ticks (or unticks) a cell with its checkbox and waits for the cell to show it. */
  async setTicked(rowId: string, columnId: string, ticked: boolean): Promise<void> {
    await this.tickBox(rowId, columnId).setChecked(ticked);
    await this.waitForTicked(rowId, columnId, ticked);
  }
  async waitForTicked(rowId: string, columnId: string, ticked: boolean): Promise<void> {
    await this.page.locator(tid('matrix.cell') + attr('data-row-id', rowId) + attr('data-column-id', columnId) + attr('data-ticked', String(ticked))).waitFor();
  }
  async tooltip(rowId: string, columnId: string): Promise<string> {
    return (await this.cell(rowId, columnId).getAttribute('title')) ?? '';
  }

  /** Types at the end of a cell's text, key by key, as a person would. */
  async typeInto(rowId: string, columnId: string, text: string, delay = 0): Promise<void> {
    const field = this.textField(rowId, columnId);
    await field.click();
    await field.press('End');
    await field.pressSequentially(text, { delay });
  }
  async text(rowId: string, columnId: string): Promise<string> {
    return this.textField(rowId, columnId).inputValue();
  }
  /** Waits until a cell's text field shows text for which `has` holds (every part included). */
  async waitForTextContaining(rowId: string, columnId: string, parts: readonly string[]): Promise<string> {
    const sel = tid('matrix.cell') + attr('data-row-id', rowId) + attr('data-column-id', columnId) + ' ' + tid('matrix.text');
    const handle = await this.page.waitForFunction(
      ({ sel, parts }) => {
        const value = document.querySelector<HTMLTextAreaElement>(sel)?.value ?? '';
        return parts.every((p) => value.includes(p)) ? value : false;
      },
      { sel, parts },
    );
    return (await handle.jsonValue()) as string;
  }

  async waitForRowTotal(rowId: string, total: number): Promise<void> {
    await this.waitForTotal(tid('matrix.row-total') + attr('data-row-id', rowId), total);
  }
  async waitForColumnTotal(columnId: string, total: number): Promise<void> {
    await this.waitForTotal(tid('matrix.column-total') + attr('data-column-id', columnId), total);
  }
  private async waitForTotal(sel: string, total: number): Promise<void> {
    await this.page.waitForFunction(({ sel, total }) => document.querySelector(sel)?.textContent?.trim() === String(total), { sel, total });
  }

  /** How many of the matrix's checkboxes and text fields are enabled. */
  async enabledInputs(): Promise<number> {
    return this.root.locator(`${tid('matrix.tick')}:enabled, ${tid('matrix.text')}:enabled`).count();
  }
  async inputCount(): Promise<number> {
    return this.root.locator(`${tid('matrix.tick')}, ${tid('matrix.text')}`).count();
  }
}

/** The stages and checks of a checklist phase. */
export class ChecklistView {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('checklist.root');
  }
  item(itemId: string): Locator {
    return this.page.locator(tid('checklist.item') + attr('data-item-id', itemId));
  }
  section(sectionId: string): Locator {
    return this.page.locator(tid('checklist.section') + attr('data-section-id', sectionId));
  }

  async waitForItems(): Promise<this> {
    await this.page.getByTestId('checklist.item').first().waitFor();
    return this;
  }

  async sectionIds(): Promise<string[]> {
    return this.page.getByTestId('checklist.section').evaluateAll((els) => els.map((e) => e.getAttribute('data-section-id') ?? ''));
  }
  async itemIds(sectionId: string): Promise<string[]> {
    return this.section(sectionId)
      .getByTestId('checklist.item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
  }
  async sectionTitles(): Promise<string[]> {
    return this.page.getByTestId('checklist.section-title').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  async setDone(itemId: string, done: boolean): Promise<void> {
    await this.item(itemId).getByTestId('checklist.check').setChecked(done);
    await this.waitForDone(itemId, done);
  }
  async waitForDone(itemId: string, done: boolean): Promise<void> {
    await this.page.locator(tid('checklist.item') + attr('data-item-id', itemId) + attr('data-done', String(done))).waitFor();
  }
  async doneBy(itemId: string): Promise<string> {
    return ((await this.item(itemId).getByTestId('checklist.by').textContent()) ?? '').trim();
  }

  /** Waits until the overall progress reads `done` of `total` (total omitted: any). */
  async waitForProgress(done: number, total?: number): Promise<void> {
    const sel = tid('checklist.progress') + attr('data-done', String(done)) + (total === undefined ? '' : attr('data-total', String(total)));
    await this.page.locator(sel).waitFor();
  }
  async waitForSectionProgress(sectionId: string, done: number): Promise<void> {
    await this.section(sectionId).locator(tid('checklist.section-progress') + attr('data-done', String(done))).waitFor();
  }
  async progressText(): Promise<string> {
    return ((await this.page.getByTestId('checklist.progress').textContent()) ?? '').trim();
  }
}
