import type { Locator } from 'playwright-core';
import { FacilitatorPanel } from './facilitator-page';
import { attr, tid } from './selectors';

export type PromptRole = 'row' | 'column' | 'section' | 'item' | 'question';
export type Kind = 'ideas' | 'steps' | 'matrix' | 'checklist' | 'survey';

/** The setup part of the facilitator's drawer: language, phases, topics, tables and phase forms. */
export class SetupPanel extends FacilitatorPanel {
  private byPhase(testid: string, phaseId: string): Locator {
    return this.page.locator(tid(testid) + attr('data-phase-id', phaseId));
  }

  async setLanguage(language: 'uk' | 'ru' | 'en'): Promise<void> {
    await this.page.getByTestId('setup.language').selectOption(language);
  }

  async languageShown(): Promise<string> {
    return this.page.getByTestId('setup.language').inputValue();
  }

  /** The phases in the order the setup lists them. */
  async phaseIds(): Promise<string[]> {
    return this.phaseTitles().evaluateAll((els) => els.map((e) => e.getAttribute('data-phase-id') ?? ''));
  }

  async movePhase(phaseId: string, direction: 'up' | 'down'): Promise<void> {
    await this.byPhase(`setup.phase-${direction}`, phaseId).click();
  }

  async setPhaseKind(phaseId: string, kind: Kind): Promise<void> {
    await this.byPhase('setup.phase-kind', phaseId).selectOption(kind);
  }

  /** Asks to remove a phase and answers the inline question: confirm, or cancel. */
  async removePhase(phaseId: string, answer: 'confirm' | 'cancel' = 'confirm'): Promise<void> {
    await this.byPhase('setup.phase-remove', phaseId).click();
    await this.byPhase(`setup.phase-remove-${answer}`, phaseId).click();
    if (answer === 'confirm') await this.byPhase('setup.phase-title', phaseId).waitFor({ state: 'detached' });
    else await this.byPhase('setup.phase-remove', phaseId).waitFor();
  }

  async removeTopic(topicId: string): Promise<void> {
    await this.page.locator(tid('setup.topic-remove') + attr('data-topic-id', topicId)).click();
    await this.page.locator(tid('setup.topic-remove-confirm') + attr('data-topic-id', topicId)).click();
    await this.topicLabel(topicId).waitFor({ state: 'detached' });
  }

  // ---- a phase's form ------------------------------------------------------------------------

  formEditor(phaseId: string): Locator {
    return this.byPhase('form-editor.root', phaseId);
  }

  /** Unfolds the form editor under a phase (it shows once the phase is a matrix, checklist or survey). */
  async openForm(phaseId: string): Promise<Locator> {
    const editor = this.formEditor(phaseId);
    await editor.waitFor();
    if ((await editor.getAttribute('open')) === null) await editor.locator('summary').click();
    await this.page.locator(tid('form-editor.root') + attr('data-phase-id', phaseId) + '[open]').waitFor();
    return editor;
  }

  prompts(phaseId: string, role: PromptRole): Locator {
    return this.formEditor(phaseId).locator(tid('form-editor.prompt') + attr('data-role', role));
  }

  /** Adds a prompt to a phase's form, names it, and returns its id. */
  async addPrompt(phaseId: string, role: PromptRole, label: string, parent = ''): Promise<string> {
    const editor = await this.openForm(phaseId);
    const known = await this.prompts(phaseId, role).evaluateAll((els) => els.map((e) => e.getAttribute('data-prompt-id') ?? ''));
    await editor.locator(tid('form-editor.add') + attr('data-role', role) + attr('data-parent', parent)).click();
    const handle = await this.page.waitForFunction(
      ({ phase, role, known }) =>
        [...document.querySelectorAll(`[data-testid="form-editor.root"][data-phase-id="${phase}"] [data-testid="form-editor.prompt"][data-role="${role}"]`)]
          .map((e) => e.getAttribute('data-prompt-id') ?? '')
          .find((id) => id && !known.includes(id)) ?? null,
      { phase: phaseId, role, known },
    );
    const id = (await handle.jsonValue()) as string;
    const field = editor.locator(tid('form-editor.label') + attr('data-prompt-id', id));
    await field.fill(label);
    await field.press('Tab');
    await this.page.waitForFunction(
      ({ id, label }) => document.querySelector<HTMLInputElement>(`[data-testid="form-editor.label"][data-prompt-id="${id}"]`)?.value === label,
      { id, label },
    );
    return id;
  }

  /** Names the matrix's row side (the label above its rows); committed when the field is left. */
  async setCorner(phaseId: string, label: string): Promise<void> {
    const editor = await this.openForm(phaseId);
    const field = editor.locator(tid('form-editor.corner'));
    await field.fill(label);
    await field.press('Tab');
  }

  /** The labels of a role's prompts, in the editor's order. */
  async promptLabels(phaseId: string, role: PromptRole): Promise<string[]> {
    return this.prompts(phaseId, role).evaluateAll((els) =>
      els.map((e) => e.querySelector<HTMLInputElement>('[data-testid="form-editor.label"]')?.value ?? ''),
    );
  }

  async movePrompt(promptId: string, direction: 'up' | 'down'): Promise<void> {
    await this.page.locator(tid(`form-editor.${direction}`) + attr('data-prompt-id', promptId)).click();
  }
}
