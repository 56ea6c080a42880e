import type { Locator, Page } from 'playwright-core';
import { FacilitatorPanel } from './facilitator-page';

/** Voting controls, selected criteria and paper dots in the facilitator's drawer; suggestions on the board. */

const tid = (id: string): string => `[data-testid="${id}"]`;
const attr = (name: string, value: string): string => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;

export class CriteriaPanel extends FacilitatorPanel {
  constructor(page: Page) {
    super(page);
  }

  async openVoting(opts: { phaseId: string; budget: number; per?: 'participant' | 'table' }): Promise<void> {
    await this.page.getByTestId('voting.phase').selectOption(opts.phaseId);
    await this.page.getByTestId('voting.budget').fill(String(opts.budget));
    await this.page.getByTestId('voting.budget').press('Tab');
    await this.page.getByTestId('voting.per').selectOption(opts.per ?? 'participant');
    await this.page.getByTestId('voting.open').click();
    await this.page.locator(tid('voting.status') + attr('data-open', 'true')).waitFor();
  }

  async closeVoting(): Promise<void> {
    await this.page.getByTestId('voting.close').click();
    await this.page.locator(tid('voting.status') + attr('data-open', 'false')).waitFor();
  }

  get votingStatus(): Locator {
    return this.page.getByTestId('voting.status');
  }
  /** Per topic: what is proposed and not yet confirmed ('proposed'), all confirmed, or no dots ('none'). */
  proposal(topicId: string): Locator {
    return this.page.locator(tid('criteria.proposal') + attr('data-topic-id', topicId));
  }
  confirmButton(topicId: string): Locator {
    return this.page.locator(tid('criteria.confirm') + attr('data-topic-id', topicId));
  }
  confirmForm(topicId: string): Locator {
    return this.page.locator(tid('criteria.confirm-form') + attr('data-topic-id', topicId));
  }
  /**
   * Confirms a topic's proposal: "Confirm", then (optionally) which notes and the wording they
   * become one criterion in, then the form's "Confirm". Without a wording each note stays its own criterion.
   */
  async confirm(topicId: string, opts: { wording?: string; notes?: string[] } = {}): Promise<void> {
    await this.confirmButton(topicId).click();
    const form = this.confirmForm(topicId);
    await form.waitFor();
    if (opts.notes) {
      for (const box of await form.getByTestId('criteria.confirm-note').all()) {
        const want = opts.notes.includes((await box.getAttribute('data-note-id')) ?? '');
        if ((await box.isChecked()) !== want) await box.click();
      }
    }
    if (opts.wording !== undefined) await form.getByTestId('criteria.wording-input').fill(opts.wording);
    await form.getByTestId('criteria.confirm-save').click();
    await form.waitFor({ state: 'detached' });
  }
  /** The confirmed criteria of a topic as the panel shows them (wording, then "from: …" when reworded). */
  async criteriaTexts(topicId: string): Promise<string[]> {
    return this.selectedList(topicId).getByTestId('criteria.wording').allTextContents();
  }
  /** Rewords a confirmed criterion (by its current wording) from the panel. */
  async reword(topicId: string, current: string, wording: string): Promise<void> {
    const found = this.selectedList(topicId).getByTestId('criteria.item').filter({ has: this.page.getByTestId('criteria.wording').filter({ hasText: current }) });
    // By its id: while it is being edited its wording is an input, no longer text to find it by.
    const item = this.page.locator(tid('criteria.item') + attr('data-criterion-id', (await found.getAttribute('data-criterion-id')) ?? ''));
    await item.getByTestId('criteria.edit').click();
    const input = item.getByTestId('criteria.reword');
    await input.fill(wording);
    await input.press('Enter');
    await item.getByTestId('criteria.reword-form').waitFor({ state: 'detached' });
  }
  selectedList(topicId: string): Locator {
    return this.page.locator(tid('criteria.selected') + attr('data-topic-id', topicId));
  }
  removeButton(noteId: string): Locator {
    return this.page.locator(tid('criteria.remove') + attr('data-note-id', noteId));
  }
  addSelect(topicId: string): Locator {
    return this.page.locator(tid('criteria.add') + attr('data-topic-id', topicId));
  }

  /** Enters a table's paper dots (table by its name) and returns the status line. */
  async addPaperDots(tableName: string, noteId: string, count: number): Promise<string> {
    await this.page.getByTestId('paper.result').waitFor({ state: 'detached', timeout: 1 }).catch(() => undefined);
    await this.page.getByTestId('paper.table').selectOption({ label: tableName });
    await this.page.getByTestId('paper.note').selectOption(noteId);
    await this.page.getByTestId('paper.count').fill(String(count));
    await this.page.getByTestId('paper.count').press('Tab');
    await this.page.getByTestId('paper.add').click();
    await this.page.getByTestId('paper.result').waitFor();
    return (await this.page.getByTestId('paper.result').textContent()) ?? '';
  }
}

/** What everyone sees of the criteria on the board, and the similar-note suggestions. */
export class CriteriaBoard {
  constructor(readonly page: Page) {}

  note(noteId: string): Locator {
    return this.page.locator(tid('note') + attr('data-note-id', noteId));
  }
  selectedMark(noteId: string): Locator {
    return this.note(noteId).getByTestId('note.selected');
  }
  proposedMark(noteId: string): Locator {
    return this.note(noteId).getByTestId('note.proposed');
  }
  selectedCount(topicId: string): Locator {
    return this.page.locator(tid('board.column') + attr('data-topic-id', topicId)).getByTestId('board.selected-count');
  }
  /** This person's dots on a note (0 when none is shown). */
  async myDots(noteId: string): Promise<number> {
    const dots = this.note(noteId).getByTestId('note.my-dots');
    return (await dots.count()) > 0 ? Number((await dots.getAttribute('data-count')) ?? 0) : 0;
  }
  /** Puts one dot on a note once voting has reached this board, and waits until it counts. */
  async vote(noteId: string): Promise<void> {
    const note = tid('note') + attr('data-note-id', noteId);
    await this.page.locator(`${note} ${tid('note.vote')}:not([disabled])`).waitFor();
    const next = (await this.myDots(noteId)) + 1;
    await this.note(noteId).getByTestId('note.vote').click();
    await this.page.locator(`${note} ${tid('note.my-dots')}${attr('data-count', String(next))}`).waitFor();
  }
  stackCount(noteId: string): Locator {
    return this.note(noteId).getByTestId('note.stack-count');
  }
  get suggestionsToggle(): Locator {
    return this.page.getByTestId('board.suggestions');
  }
  get suggestions(): Locator {
    return this.page.getByTestId('suggestion');
  }

  async openSuggestions(): Promise<void> {
    if ((await this.suggestionsToggle.getAttribute('aria-expanded')) !== 'true') await this.suggestionsToggle.click();
    await this.page.getByTestId('suggestions.panel').waitFor();
  }
}
