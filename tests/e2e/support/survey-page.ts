import type { Locator, Page } from 'playwright-core';
import { attr, tid } from './selectors';

export type AnswerKind = 'percent' | 'yesno' | 'choice' | 'text';

/**
 * A survey phase: "My answers" (the form this device's person fills in) and "Summary". Open the
 * board on the phase first (forms-page.ts: createFormSession / openFormLink with 'survey').
 */
export class SurveyView {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('survey.root');
  }
  get formTab(): Locator {
    return this.page.getByTestId('survey.tab-form');
  }
  get summaryTab(): Locator {
    return this.page.getByTestId('survey.tab-summary');
  }
  get respondent(): Locator {
    return this.page.getByTestId('survey.respondent');
  }
  question(questionId: string): Locator {
    return this.page.locator(tid('survey.question') + attr('data-question-id', questionId));
  }
  summaryQuestion(questionId: string): Locator {
    return this.page.locator(tid('survey.summary-question') + attr('data-question-id', questionId));
  }

  /** Which tab shows: 'form' or 'summary'. */
  async tab(): Promise<string> {
    await this.root.waitFor();
    return (await this.root.getAttribute('data-tab')) ?? '';
  }

  async showForm(): Promise<void> {
    await this.formTab.click();
    await this.page.locator(tid('survey.root') + attr('data-tab', 'form')).waitFor();
    await this.page.getByTestId('survey.question').first().waitFor();
  }

  async showSummary(): Promise<void> {
    await this.summaryTab.click();
    await this.page.getByTestId('survey.summary').waitFor();
  }

  /** The ids of the form's questions of one answer kind, in order (form or summary tab). */
  async questionIds(kind: AnswerKind): Promise<string[]> {
    const onForm = (await this.tab()) === 'form';
    const sel = tid(onForm ? 'survey.question' : 'survey.summary-question') + attr('data-answer-kind', kind);
    await this.page.locator(sel).first().waitFor();
    return this.page.locator(sel).evaluateAll((els) => els.map((el) => el.getAttribute('data-question-id') ?? ''));
  }

  percentNumber(questionId: string): Locator {
    return this.question(questionId).getByTestId('survey.percent-number');
  }

  /** Types a percentage into the number field and leaves it (the slider follows). */
  async setPercent(questionId: string, value: number): Promise<void> {
    const field = this.percentNumber(questionId);
    await field.fill(String(value));
    await field.press('Tab');
    await this.question(questionId).locator(tid('survey.percent') + `:not([aria-valuetext="Not answered"])`).waitFor();
  }

  /** Yes or no, and then the follow-up ("How?") when given. */
  async answerYesNo(questionId: string, yes: boolean, followUp?: string): Promise<void> {
    const q = this.question(questionId);
    await q.getByTestId(yes ? 'survey.yes' : 'survey.no').check();
    if (followUp === undefined) return;
    const field = q.getByTestId('survey.follow-up');
    await field.fill(followUp);
    await field.blur();
  }

  async choose(questionId: string, index: number): Promise<void> {
    await this.question(questionId).locator(tid('survey.choice') + attr('data-index', String(index))).check();
  }

  async writeText(questionId: string, text: string): Promise<void> {
    const field = this.question(questionId).getByTestId('survey.text');
    await field.fill(text);
    await field.blur();
  }

  async nextPerson(): Promise<number> {
    const before = await this.respondentNumber();
    await this.page.getByTestId('survey.next-person').click();
    await this.page.locator(tid('survey.respondent') + attr('data-index', String(before + 1))).waitFor();
    return before + 1;
  }

  /** "Response N on this device": N. */
  async respondentNumber(): Promise<number> {
    return Number(await this.respondent.getAttribute('data-index'));
  }

  /** Waits until the summary counts this many responses. */
  async waitForCount(n: number): Promise<void> {
    await this.page.locator(tid('survey.count') + attr('data-count', String(n))).waitFor();
  }

  /**
   * Waits until a question's summary shows these values, each read from the data attribute of that
   * name on the summary or inside it (count, mean, median, yes, no).
   */
  async waitForSummary(questionId: string, values: Record<string, string | number>): Promise<void> {
    await this.page.waitForFunction(
      ({ sel, values }) => {
        const q = document.querySelector(sel);
        if (!q) return false;
        const els = [q, ...q.querySelectorAll('*')];
        return Object.entries(values).every(([k, v]) => els.some((el) => el.getAttribute(`data-${k}`) === v));
      },
      {
        sel: tid('survey.summary-question') + attr('data-question-id', questionId),
        values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
      },
    );
  }

  /** The texts listed under a question's summary (open answers or follow-ups). */
  async summaryTexts(questionId: string, which: 'texts' | 'follow-ups' = 'texts'): Promise<string[]> {
    return this.summaryQuestion(questionId)
      .locator(`${tid(`survey.summary-${which}`)} li`)
      .evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  }

  async waitForSummaryText(questionId: string, text: string, which: 'texts' | 'follow-ups' = 'texts'): Promise<void> {
    await this.page.waitForFunction(
      ({ sel, text }) => [...document.querySelectorAll(sel)].some((li) => li.textContent === text),
      { sel: `${tid('survey.summary-question')}${attr('data-question-id', questionId)} ${tid(`survey.summary-${which}`)} li`, text },
    );
  }

  /** Form fields inside the survey (a viewer has none). */
  async inputCount(): Promise<number> {
    return this.root.locator('input, textarea, select').count();
  }
}
