import { describe, expect, it } from 'vitest';
import { useE2E, type Person } from './support/harness';
import { createFormSession, openFormLink } from './support/forms-page';
import { SurveyView } from './support/survey-page';

const e2e = useE2E();

/** A facilitator's seminar evaluation, and a way to bring people onto it by a share link. */
async function evaluation(): Promise<{ a: Person; survey: SurveyView; join: (name: string, role?: 'participant' | 'viewer') => Promise<SurveyView> }> {
  const a = await e2e.person('Facilitator');
  await createFormSession(a, 'survey', { template: 'seminar-evaluation', language: 'en' });
  await a.board.waitForConnected();
  const links = { participant: await a.board.shareLink('participant'), viewer: await a.board.shareLink('viewer') };
  const join = async (name: string, role: 'participant' | 'viewer' = 'participant') => {
    const p = await e2e.person(name);
    await openFormLink(p, links[role], 'survey');
    await p.board.waitForConnected();
    return new SurveyView(p.board.page);
  };
  return { a, survey: new SurveyView(a.board.page), join };
}

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

describe('survey phase', () => {
  it("two participants' answers reach the facilitator's summary live: count, mean, yes/no, follow-up, choice and text", async () => {
    const { survey: mine, join } = await evaluation();
    // The facilitator lands on the summary, participants on their own answers.
    expect(await mine.tab()).toBe('summary');
    await mine.waitForCount(0);
    const [olena, taras] = [await join('Olena'), await join('Taras')];
    expect(await olena.tab()).toBe('form');
    await olena.page.getByTestId('survey.question').first().waitFor();

    const [percent] = await olena.questionIds('percent');
    const [yesno] = await olena.questionIds('yesno');
    const [choice] = await olena.questionIds('choice');
    const [text] = await olena.questionIds('text');

    await olena.setPercent(percent!, 70);
    await olena.answerYesNo(yesno!, true, 'More open to working with NGOs');
    await olena.choose(choice!, 1);
    await olena.writeText(text!, HOSTILE);
    await mine.waitForCount(1);

    await taras.setPercent(percent!, 85);
    await taras.answerYesNo(yesno!, false);
    await taras.choose(choice!, 1);
    await taras.page.locator('[data-testid="survey.saved"][data-saved="true"]').waitFor();

    await mine.waitForCount(2);
    await mine.waitForSummary(percent!, { count: 2, mean: 77.5, median: 77.5 });
    expect(await mine.summaryQuestion(percent!).getByTestId('survey.mean').textContent()).toBe('77.5 %');
    await mine.waitForSummary(yesno!, { yes: 1, no: 1 });
    await mine.waitForSummaryText(yesno!, 'More open to working with NGOs', 'follow-ups');
    await mine.waitForSummary(choice!, { count: 2 });
    expect(await mine.summaryQuestion(choice!).locator('[data-index="1"]').getAttribute('data-count')).toBe('2');
    // Hostile text shows as the text it is.
    await mine.waitForSummaryText(text!, HOSTILE);
    expect(await mine.summaryQuestion(text!).locator('img').count()).toBe(0);
    expect(await mine.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // A changed answer moves the summary too.
    await taras.setPercent(percent!, 95);
    await mine.waitForSummary(percent!, { count: 2, mean: 82.5 });
  });

  it('"Next person" on a shared laptop starts a second response, kept after a reload', async () => {
    const { survey: mine, join } = await evaluation();
    const laptop = await join('Table laptop');
    const [percent] = await laptop.questionIds('percent');
    const [text] = await laptop.questionIds('text');
    expect(await laptop.respondentNumber()).toBe(1);
    await laptop.setPercent(percent!, 40);
    // Text still being typed when the next person takes over is written to the first response.
    await laptop.question(text!).getByTestId('survey.text').fill('first person, unfinished');
    await laptop.nextPerson();
    expect(await laptop.respondent.textContent()).toBe('Response 2 on this device');
    // The next person starts from an empty form.
    expect(await laptop.percentNumber(percent!).inputValue()).toBe('');
    expect(await laptop.question(text!).getByTestId('survey.text').inputValue()).toBe('');
    await laptop.setPercent(percent!, 60);

    await mine.waitForCount(2);
    await mine.waitForSummary(percent!, { count: 2, mean: 50 });
    await mine.waitForSummaryText(text!, 'first person, unfinished');

    await laptop.page.reload();
    await laptop.root.waitFor();
    await laptop.page.locator('[data-testid="survey.respondent"][data-index="2"]').waitFor();
    await laptop.page.waitForFunction(
      (sel) => document.querySelector<HTMLInputElement>(sel)?.value === '60',
      `[data-testid="survey.question"][data-question-id="${percent!}"] [data-testid="survey.percent-number"]`,
    );
  });

  it('a viewer sees the summary live and no form inputs', async () => {
    const { survey: mine, join } = await evaluation();
    const viewer = await join('Viewer', 'viewer');
    await viewer.page.locator('[data-testid="board.root"][data-role="viewer"]').waitFor();
    await viewer.page.getByTestId('survey.summary').waitFor();
    expect(await viewer.tab()).toBe('summary');
    expect(await viewer.formTab.count()).toBe(0);
    expect(await viewer.inputCount()).toBe(0);

    // The facilitator may answer too, from the form tab.
    await mine.showForm();
    const [percent] = await mine.questionIds('percent');
    await mine.setPercent(percent!, 30);
    await viewer.waitForCount(1);
    await viewer.waitForSummary(percent!, { count: 1, mean: 30 });
    expect(await viewer.inputCount()).toBe(0);
  });

  it('a locked survey shows the form disabled, and the summary still works', async () => {
    const { a, survey: mine, join } = await evaluation();
    const olena = await join('Olena');
    const [percent] = await olena.questionIds('percent');
    await olena.setPercent(percent!, 55);
    const phaseId = await a.board.currentPhase();
    await a.board.setPhaseLocked(phaseId, true);

    await olena.page.locator(`[data-testid="survey.question"][data-question-id="${percent!}"]:disabled`).waitFor();
    expect(await olena.percentNumber(percent!).isDisabled()).toBe(true);
    expect(await olena.page.getByTestId('survey.next-person').isDisabled()).toBe(true);
    expect(await olena.percentNumber(percent!).inputValue()).toBe('55');
    await olena.showSummary();
    await olena.waitForSummary(percent!, { count: 1, mean: 55 });
    await mine.waitForSummary(percent!, { count: 1, mean: 55 });
  });
});
