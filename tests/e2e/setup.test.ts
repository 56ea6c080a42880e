import { describe, expect, it } from 'vitest';
import { FollowControls } from './support/follow-page';
import { useE2E, type Person } from './support/harness';
import { SetupPanel } from './support/setup-page';

const e2e = useE2E();

/** A facilitator's session from a template and a participant on it, both connected. */
const cafe = (template: 'world-cafe-ngo' | 'blank' = 'world-cafe-ngo') => e2e.cafe({ template, title: 'Set up a café' });

const tabsOf = (p: Person) => p.board.phaseIds();

describe('facilitator setup', () => {
  it('a language change reaches the participant', async () => {
    const { a, b } = await cafe();
    expect(await b.board.root.getAttribute('data-language')).toBe('en');
    const panel = await new SetupPanel(a.board.page).open();
    await panel.setLanguage('uk');
    await b.board.page.locator('[data-testid="board.root"][data-language="uk"]').waitFor();
    await a.board.page.locator('[data-testid="board.root"][data-language="uk"]').waitFor();
    expect(await panel.languageShown()).toBe('uk');
  });

  it('reordering and removing a phase: the participant’s tabs follow, and whoever looked at it lands on a phase still there', async () => {
    const { a, b } = await cafe();
    expect(await tabsOf(b)).toEqual(['ideal', 'reality', 'steps']);
    const panel = await new SetupPanel(a.board.page).open();

    await panel.movePhase('steps', 'up');
    await b.board.page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="board.phase-tab"]')].map((e) => e.getAttribute('data-phase-id')).join() === 'ideal,steps,reality',
    );
    expect(await panel.phaseIds()).toEqual(['ideal', 'steps', 'reality']);

    // The participant looks at "reality" on their own; the facilitator stays on "ideal".
    await b.board.switchPhase('reality');
    // Asking is not removing: Cancel keeps the phase.
    await panel.removePhase('reality', 'cancel');
    expect(await panel.phaseIds()).toEqual(['ideal', 'steps', 'reality']);

    await panel.removePhase('reality');
    await b.board.phaseTab('reality').waitFor({ state: 'detached' });
    expect(await tabsOf(b)).toEqual(['ideal', 'steps']);
    expect(await tabsOf(a)).toEqual(['ideal', 'steps']);
    // The participant's board moved to the session's current phase and still shows it.
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="ideal"]').waitFor();
    await b.board.page.locator('[data-testid="board.phase-tab"][data-phase-id="ideal"][aria-selected="true"]').waitFor();
    await b.board.column((await b.board.topicIds())[0]!).waitFor();
  });

  it('a matrix phase built from a blank session reaches the participant', async () => {
    const { a, b } = await cafe('blank');
    const panel = await new SetupPanel(a.board.page).open();
    const phase = await panel.addPhase('Benefits of partnership');
    await panel.setPhaseKind(phase, 'matrix');

    const r1 = await panel.addPrompt(phase, 'row', 'Shared training');
    await panel.addPrompt(phase, 'row', 'Joint funding');
    await panel.addPrompt(phase, 'column', 'Local council');
    await panel.addPrompt(phase, 'column', 'Schools');
    await panel.movePrompt(r1, 'down');
    await a.board.page.waitForFunction(
      (phaseId) =>
        [...document.querySelectorAll(`[data-testid="form-editor.root"][data-phase-id="${phaseId}"] [data-role="row"] [data-testid="form-editor.label"]`)]
          .map((e) => (e as HTMLInputElement).value)
          .join() === 'Joint funding,Shared training',
      phase,
    );
    expect(await panel.promptLabels(phase, 'column')).toEqual(['Local council', 'Schools']);
    expect(await panel.formEditor(phase).locator('summary').textContent()).toContain('4');
    await panel.setCorner(phase, 'What we gain');
    await panel.formEditor(phase).screenshot({ path: '/tmp/form-editor-corner.png' });

    // The facilitator brings everyone to the new phase; the participant lands in the matrix.
    await a.board.switchPhase(phase);
    await new FollowControls(a.board.page).bringEveryoneHere();
    await b.board.page.locator(`[data-testid="board.root"][data-phase-id="${phase}"]`).waitFor();
    const form = b.board.page.locator('[data-testid="form.root"][data-kind="matrix"]');
    await form.waitFor();
    await b.board.page.waitForFunction(
      (labels) => {
        const text = document.querySelector('[data-testid="form.root"][data-kind="matrix"]')?.textContent ?? '';
        return labels.every((l) => text.includes(l));
      },
      ['Joint funding', 'Shared training', 'Local council', 'Schools'],
    );
    // The label the facilitator gave the row side heads the participant's matrix.
    await b.board.page.waitForFunction(() => document.querySelector('[data-testid="matrix.corner"]')?.textContent === 'What we gain');
  });

  it('removing a topic keeps its notes: the participant sees them in the cross-cutting row', async () => {
    const { a, b } = await cafe();
    const note = await b.board.addNote('community', 'Joint festival');
    await a.board.waitForNoteText('Joint festival');
    const panel = await new SetupPanel(a.board.page).open();
    await panel.removeTopic('community');

    await b.board.column('community').waitFor({ state: 'detached' });
    expect(await b.board.topicIds()).toEqual(['government', 'ngos']);
    await b.board.waitForNoteText('Joint festival');
    const cross = b.board.page.getByTestId('board.cross-row');
    await b.board.page.waitForFunction((id) => {
      const n = document.querySelector(`[data-testid="note"][data-note-id="${id}"]`)?.getBoundingClientRect();
      const c = document.querySelector('[data-testid="board.cross-row"]')?.getBoundingClientRect();
      if (!n || !c) return false;
      const [x, y] = [n.x + n.width / 2, n.y + n.height / 2];
      return x >= c.left && x <= c.right && y >= c.top && y <= c.bottom;
    }, note);
    expect(await cross.count()).toBe(1);
  });
});
