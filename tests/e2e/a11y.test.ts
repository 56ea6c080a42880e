import { describe, expect, it } from 'vitest';
import { A11yAudit } from './support/a11y-page';
import { CriteriaPanel } from './support/criteria-page';
import { FacilitatorPanel } from './support/facilitator-page';
import { FacilitatorDevice } from './support/facilitator-device-page';
import { createFormSession, type FormKind } from './support/forms-page';
import { useE2E } from './support/harness';

const e2e = useE2E();

/** Fails with the findings spelled out, so a regression names its rule and element. */
async function expectNoBlocking(audit: A11yAudit, where: string): Promise<void> {
  expect(await audit.blocking(where), `serious or critical axe violations on ${where}`).toEqual([]);
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('the home page has no serious or critical violations', async () => {
    const a = await e2e.person('Olena');
    await expectNoBlocking(new A11yAudit(a.home.page), 'home');
  });

  it('an ideas phase and a steps phase, with notes, have no serious or critical violations', async () => {
    const { a, b } = await e2e.cafe({ title: 'Audit' });
    await b.board.addNote('government', 'Shared calendar of events');
    await a.board.waitForNoteText('Shared calendar of events');
    const audit = new A11yAudit(a.board.page);
    await expectNoBlocking(audit, 'ideas phase (facilitator)');
    // While voting is open, each note carries its dot buttons.
    const panel = await new CriteriaPanel(a.board.page).open();
    await panel.openVoting({ phaseId: 'ideal', budget: 3 });
    await panel.close();
    await b.board.page.getByTestId('note.vote').first().waitFor();
    await expectNoBlocking(new A11yAudit(b.board.page), 'ideas phase while voting (participant)');
    await a.board.switchPhase('steps');
    await a.board.page.getByTestId('steps.list').first().waitFor();
    await expectNoBlocking(audit, 'steps phase');
  });

  for (const [template, kind] of [
    ['benefits-matrix', 'matrix'],
    ['partnership-cycle', 'checklist'],
    ['seminar-evaluation', 'survey'],
  ] as const satisfies ReadonlyArray<readonly [string, FormKind]>) {
    it(`a ${kind} phase has no serious or critical violations`, async () => {
      const a = await e2e.person('Facilitator');
      await createFormSession(a, kind, { template, language: 'en' });
      await expectNoBlocking(new A11yAudit(a.board.page), `${kind} phase`);
    });
  }

  it('the facilitator panel with its results section, and the facilitator link, share and shortcuts dialogs, have no serious or critical violations', async () => {
    const { a } = await e2e.cafe({ title: 'Audit' });
    const audit = new A11yAudit(a.board.page);
    const panel = await new FacilitatorPanel(a.board.page).open();
    await a.board.page.locator('[data-testid="export.format"]').first().scrollIntoViewIfNeeded();
    await expectNoBlocking(audit, 'facilitator panel and results');
    const device = new FacilitatorDevice(a.board.page);
    await device.reveal();
    await expectNoBlocking(audit, 'facilitator link dialog');
    await device.close();
    await panel.close();
    await a.board.openShareDialog();
    await expectNoBlocking(audit, 'share dialog');
    await a.board.closeShareDialog();
    await a.board.page.getByTestId('a11y.shortcuts-open').click();
    await a.board.page.getByTestId('a11y.shortcuts').waitFor();
    await expectNoBlocking(audit, 'shortcuts dialog');
  });

  it("a viewer's board has no serious or critical violations", async () => {
    const { a } = await e2e.cafe({ title: 'Audit' });
    await a.board.addNote('government', 'Visible to the room');
    const link = await a.board.shareLink('viewer');
    const v = await e2e.person('Viewer');
    await v.board.openLink(link);
    await v.board.waitForNoteText('Visible to the room');
    await expectNoBlocking(new A11yAudit(v.board.page), 'viewer');
  });
});
