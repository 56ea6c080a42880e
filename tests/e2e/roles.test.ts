import { describe, expect, it } from 'vitest';
import { waitForServiceWorkerControl } from './support/browser';
import { useE2E, type Person } from './support/harness';

const e2e = useE2E();
const person = (name: string) => e2e.person(name);

/** The facilitator creates a session; returns it with its share links. */
async function facilitatorSession(): Promise<{ a: Person; sessionId: string; participant: string; viewer: string }> {
  const a = await person('Facilitator');
  const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Roles' });
  await a.board.waitForConnected();
  const participant = await a.board.shareLink('participant');
  const viewer = await a.board.shareLink('viewer');
  return { a, sessionId, participant, viewer };
}

describe('roles and links', () => {
  it('the share dialog shows a participant and a viewer link, each with a QR code', async () => {
    const { a, sessionId, participant, viewer } = await facilitatorSession();
    for (const link of [participant, viewer]) {
      expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/s/${sessionId}#t=[A-Za-z0-9_-]{16,}$`));
    }
    expect(participant).not.toBe(viewer);
    const dialog = await a.board.openShareDialog();
    for (const role of ['participant', 'viewer']) {
      const qr = dialog.locator(`[data-testid="share.qr"][data-role="${role}"]`);
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      await dialog.locator(`[data-testid="share.copy"][data-role="${role}"]`).waitFor();
    }
    await a.board.closeShareDialog();
  });

  it('a viewer sees notes live but cannot add or change anything', async () => {
    const { a, viewer } = await facilitatorSession();
    const v = await person('Viewer');
    await v.board.openLink(viewer);
    await v.board.readOnlyBadge('viewer').waitFor();
    expect(await v.board.readOnlyBadge().textContent()).toContain('View only');
    expect(await v.board.addButtons.count()).toBe(0);
    expect(await v.board.role()).toBe('viewer');

    const id = await a.board.addNote('government', 'seen by the viewer');
    await v.board.waitForNoteText('seen by the viewer', 'government');
    // No palette, no delete, no editor, on any path a person has.
    expect(await v.board.note(id).getByTestId('note.delete').count()).toBe(0);
    await v.board.note(id).getByTestId('note.text').dblclick();
    await v.board.note(id).press('Enter');
    await v.board.note(id).press('Delete');
    expect(await v.board.editor.count()).toBe(0);
    await a.board.addNote('community', 'still live');
    await v.board.waitForNoteTexts(['seen by the viewer', 'still live']);
    // No share button or phase controls for anyone but the facilitator.
    expect(await v.board.page.getByTestId('board.share').count()).toBe(0);
    expect(await v.board.phaseLock('ideal').count()).toBe(0);
  });

  it('locking a phase makes it read-only for participants, and unlocking restores writing', async () => {
    const { a, participant } = await facilitatorSession();
    const b = await person('Participant');
    await b.board.openLink(participant);
    await b.board.waitForConnected();
    expect(await b.board.page.getByTestId('board.share').count()).toBe(0);

    const before = await b.board.addNote('government', 'before the lock');
    await a.board.waitForNoteText('before the lock');

    await a.board.setPhaseLocked('ideal', true);
    await b.board.readOnlyBadge('locked').waitFor();
    await b.board.phaseLockedMarker('ideal').waitFor();
    expect(await b.board.addButtons.count()).toBe(0);
    // Locked means nobody: the facilitator's own board is read-only too.
    await a.board.readOnlyBadge('locked').waitFor();

    // Everything a participant could try: double-click an empty cell, keys on a note.
    const cell = await b.board.column('community').boundingBox();
    await b.board.page.mouse.dblclick(cell!.x + cell!.width / 2, cell!.y + cell!.height - 40);
    await b.board.note(before).press('Enter');
    await b.board.note(before).press('Delete');
    await b.board.note(before).press('ArrowRight');
    expect(await b.board.editor.count()).toBe(0);

    await a.board.setPhaseLocked('ideal', false);
    await b.board.readOnlyBadge().waitFor({ state: 'detached' });
    await b.board.addButton('government').waitFor();
    await b.board.addNote('ngos', 'after the unlock');
    // The round trip of the new note also carried anything sent before it: nothing else arrived.
    await a.board.waitForNoteTexts(['before the lock', 'after the unlock']);
    await b.board.waitForNoteTexts(['before the lock', 'after the unlock']);
  });

  it('a note written offline into a phase locked meanwhile is held back, and arrives once it is unlocked', async () => {
    const { a, participant } = await facilitatorSession();
    const b = await person('Participant');
    await b.board.openLink(participant);
    await b.board.waitForStatus('online');

    await b.user.goOffline();
    await b.board.waitForStatus('offline');
    await a.board.setPhaseLocked('ideal', true);
    // B does not know about the lock yet: the note is written on B's device.
    await b.board.addNote('government', 'written offline during the lock');

    await b.user.goOnline();
    await b.board.readOnlyBadge('locked').waitFor({ timeout: 30_000 });
    // The server dropped it: the facilitator's board has nothing.
    await a.board.waitForNoteTexts([]);

    await a.board.setPhaseLocked('ideal', false);
    await a.board.waitForNoteText('written offline during the lock', 'government');
    // And what B writes next is not held back behind the dropped note.
    await b.board.addNote('community', 'after the unlock');
    await a.board.waitForNoteTexts(['written offline during the lock', 'after the unlock']);
  });

  it('a replaced participant link stops working at once, and the new one works', async () => {
    const { a, participant } = await facilitatorSession();
    const b = await person('Participant');
    await b.board.openLink(participant);
    await b.board.waitForConnected();

    const fresh = await a.board.rotateLink('participant');
    expect(fresh).not.toBe(participant);
    await b.board.banner('unauthorized').waitFor();
    expect(await b.board.banner('unauthorized').textContent()).toContain('no longer valid');
    expect(await b.board.addButtons.count()).toBe(0);

    // The facilitator sends the new link; the same browser opens it.
    await b.board.openLink(fresh);
    await b.board.banner('unauthorized').waitFor({ state: 'detached' });
    await b.board.waitForConnected();
    await b.board.addNote('government', 'with the new link');
    await a.board.waitForNoteText('with the new link');

    // Someone who only ever had the old link is turned away too.
    const c = await person('Late');
    await c.board.openLink(participant, { waitForBoard: false });
    await c.board.banner('unauthorized').waitFor();
  });

  it('a link to a session created offline waits until the facilitator is online, then opens', async () => {
    const a = await person('Facilitator');
    await waitForServiceWorkerControl(a.user.page);
    await a.user.goOffline();
    const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Created offline' });
    await a.board.addNote('government', 'from the offline laptop');
    // The links work offline: the tokens were made in this browser.
    const link = await a.board.shareLink('participant');

    const b = await person('Participant');
    await b.board.openLink(link, { waitForBoard: false });
    await b.board.banner('unknown-session').waitFor();

    // The laptop comes online, registers the session and pushes it; B's retry then gets in.
    await a.user.goOnline();
    await a.board.waitForStatus('online', 30_000);
    await b.board.waitForBoard(sessionId);
    await b.board.waitForNoteText('from the offline laptop', 'government', 30_000);
    await b.board.banner('unknown-session').waitFor({ state: 'detached' });
  });

  it('a session URL without a token says a link from the facilitator is needed', async () => {
    const { sessionId } = await facilitatorSession();
    const c = await person('Curious');
    await c.board.gotoWithoutLink(sessionId);
    await c.board.banner('no-token').waitFor();
    expect(await c.board.banner('no-token').textContent()).toContain('link from the facilitator');
    expect(await c.board.page.getByTestId('board.column').count()).toBe(0);
  });
});
