import { describe, expect, it } from 'vitest';
import { waitForServiceWorkerControl } from './support/browser';
import { FollowControls } from './support/follow-page';
import { useE2E, type Person } from './support/harness';

const e2e = useE2E();
const person = (name: string) => e2e.person(name);

/** A creates a session from the seed-003 template (facilitator); B opens the participant link; both are online. */
async function twoOnOneBoard(language: 'uk' | 'en' = 'en'): Promise<{ a: Person; b: Person; sessionId: string }> {
  const [a, b] = await Promise.all([person('Alice'), person('Bob')]);
  const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language, title: 'Board test' });
  await b.board.openLink(await a.board.shareLink('participant'));
  await Promise.all([a.board.waitForConnected(), b.board.waitForConnected()]);
  return { a, b, sessionId };
}

describe('board', () => {
  it('dragging a note into another column changes its topic for everyone', async () => {
    const { a, b } = await twoOnOneBoard();
    const id = await a.board.addNote('government', 'move me');
    await b.board.waitForNoteText('move me', 'government');

    await a.board.dragNote(id, 'community', 0, 40);
    expect(await a.board.noteAttr(id, 'data-topic-id')).toBe('community');
    expect(await b.board.waitForNoteText('move me', 'community')).toBe(id);
    expect(await b.board.noteTexts('government')).toEqual([]);

    await b.board.dragNote(id, '_cross');
    await a.board.waitForNoteText('move me', '_cross');
  });

  it('recolouring and deleting a note show on the other browser', async () => {
    const { a, b } = await twoOnOneBoard();
    const id = await a.board.addNote('ngos', 'colour me');
    await b.board.waitForNoteText('colour me');

    await a.board.recolor(id, 'pink');
    await b.board.note(id).and(b.board.page.locator('[data-color="pink"]')).waitFor();
    await b.board.recolor(id, 'green');
    await a.board.note(id).and(a.board.page.locator('[data-color="green"]')).waitFor();

    await a.board.deleteNote(id);
    await b.board.note(id).waitFor({ state: 'detached' });
  });

  it('undo restores your own deleted note, and undo elsewhere never removes your note', async () => {
    const { a, b } = await twoOnOneBoard();
    await a.board.addNote('government', 'Alice keeps this');
    const doomed = await a.board.addNote('community', 'Alice deletes this');
    await b.board.waitForNoteTexts(['Alice deletes this', 'Alice keeps this']);

    await a.board.deleteNote(doomed);
    await b.board.waitForNoNoteText('Alice deletes this');
    await a.board.undo();
    await a.board.waitForNoteText('Alice deletes this', 'community');
    await b.board.waitForNoteText('Alice deletes this', 'community');

    // Bob has nothing of his own to undo: pressing undo must not touch Alice's notes.
    await b.board.undoKey();
    // The button may rightly be disabled with an empty stack; press it only if it is enabled.
    if (await b.board.page.getByTestId('board.undo').isEnabled()) await b.board.undo();
    await b.board.addNote('ngos', 'Bob writes this');
    await a.board.waitForNoteText('Bob writes this');
    // Bob undoes his note (keyboard), then keeps pressing undo.
    await b.board.undoKey();
    await b.board.waitForNoNoteText('Bob writes this');
    await a.board.waitForNoNoteText('Bob writes this');
    for (let i = 0; i < 3; i++) await b.board.undoKey();
    // Round-trip a fresh change through the server so Bob's undos have certainly reached Alice.
    await b.board.redoKey();
    await a.board.waitForNoteText('Bob writes this');
    const expected = ['Alice deletes this', 'Alice keeps this', 'Bob writes this'];
    await a.board.waitForNoteTexts(expected);
    await b.board.waitForNoteTexts(expected);
  });

  it('the facilitator\'s phase tabs switch the question and the notes, and "bring everyone here" takes everyone along, keeping the columns', async () => {
    const { a, b } = await twoOnOneBoard();
    // Only the facilitator moves the room between phases, with "bring everyone here"; a
    // participant's tabs only change their own view, and nobody follows unasked (follow.test.ts).
    expect(await b.board.page.getByTestId('follow.pill').getAttribute('data-following')).toBe('false');
    expect(await a.board.phaseIds()).toEqual(['ideal', 'reality', 'steps']);
    expect(await a.board.currentPhase()).toBe('ideal');
    const idealQuestion = ((await a.board.page.getByTestId('board.question').textContent()) ?? '').trim();
    await a.board.addNote('government', 'ideal note');

    await a.board.switchPhase('reality');
    await a.board.waitForNoNoteText('ideal note');
    expect(await a.board.topicIds()).toEqual(['government', 'community', 'ngos']);
    await a.board.page.waitForFunction(
      (q) => (document.querySelector('[data-testid="board.question"]')?.textContent ?? '').trim() !== q,
      idealQuestion,
    );
    await a.board.addNote('community', 'reality note');
    await new FollowControls(a.board.page).bringEveryoneHere();

    // The participant is brought along: same phase, its notes.
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="reality"]').waitFor();
    await b.board.waitForNoteTexts(['reality note']);

    await a.board.switchPhase('ideal');
    await a.board.waitForNoteTexts(['ideal note']);
    await new FollowControls(a.board.page).bringEveryoneHere();
    await b.board.page.locator('[data-testid="board.root"][data-phase-id="ideal"]').waitFor();
    await b.board.waitForNoteTexts(['ideal note']);
  });

  it('a session created while the server is unreachable works, and syncs once it is reachable', async () => {
    const a = await person('Alice');
    // The app has been opened once (the service worker holds it); then the network goes.
    await waitForServiceWorkerControl(a.user.page);
    await a.user.goOffline();

    const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk', title: 'Без мережі' });
    expect(await a.board.columnHeaders()).toEqual(expect.arrayContaining(['ВЛАДОЮ', 'ГРОМАДОЮ', 'ІНШИМИ ГО']));
    await a.board.waitForStatus('offline');
    await a.board.addNote('government', 'написано без мережі');

    await a.user.goOnline();
    await a.board.waitForStatus('online', 30_000);
    await a.board.waitForPending('zero', 30_000);

    const b = await person('Bob');
    await b.board.openLink(await a.board.shareLink('participant'));
    expect(await b.board.sessionId()).toBe(sessionId);
    await b.board.waitForNoteText('написано без мережі', 'government', 30_000);
    expect(await b.board.columnHeaders()).toEqual(expect.arrayContaining(['ВЛАДОЮ', 'ГРОМАДОЮ', 'ІНШИМИ ГО']));
  });

  it('a phase locked before the first registration still reaches the server with its notes', async () => {
    const a = await person('Alice');
    await waitForServiceWorkerControl(a.user.page);
    await a.user.goOffline();
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Locked offline' });
    await a.board.waitForStatus('offline');
    await a.board.addNote('government', 'written, then locked, all offline');
    // Once the server knows the phase is locked, no websocket may write its room any more: the
    // notes must travel with the registration itself.
    await a.board.setPhaseLocked('ideal', true);

    await a.user.goOnline();
    await a.board.waitForStatus('online', 30_000);
    const b = await person('Bob');
    await b.board.openLink(await a.board.shareLink('viewer'));
    await b.board.waitForNoteText('written, then locked, all offline', 'government', 30_000);
  });

  it('panning and zooming change the world transform', async () => {
    const a = await person('Alice');
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Viewport' });
    const board = a.board;

    const t0 = await board.worldTransform();
    await board.panBy(-120, -80);
    const t1 = await board.waitForTransformChange(t0);
    expect(t1.matrix.e - t0.matrix.e).toBeCloseTo(-120, -1);
    expect(t1.matrix.f - t0.matrix.f).toBeCloseTo(-80, -1);
    expect(t1.zoom).toBe(t0.zoom);

    await board.zoomIn();
    const t2 = await board.waitForTransformChange(t1);
    expect(t2.zoom).toBeGreaterThan(t1.zoom);

    await board.zoomOut();
    const t3 = await board.waitForTransformChange(t2);
    expect(t3.zoom).toBeLessThan(t2.zoom);

    await board.ctrlWheel(-300);
    const t4 = await board.waitForTransformChange(t3);
    expect(t4.zoom).toBeGreaterThan(t3.zoom);
    await board.ctrlWheel(300);
    const t5 = await board.waitForTransformChange(t4);
    expect(t5.zoom).toBeLessThan(t4.zoom);

    await board.panBy(200, 150);
    const t6 = await board.waitForTransformChange(t5);
    await board.zoomFit();
    const t7 = await board.waitForTransformChange(t6);
    // Fit shows every column inside the canvas.
    const canvas = (await board.canvas.boundingBox())!;
    for (const topic of ['government', 'community', 'ngos']) {
      const col = (await board.column(topic).first().boundingBox())!;
      expect(col.x).toBeGreaterThanOrEqual(canvas.x - 1);
      expect(col.x + col.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    }
    expect(t7.matrix.a).toBeCloseTo(t7.zoom, 3);
  });

  it('hostile note text is shown literally and runs nothing', async () => {
    const { a, b } = await twoOnOneBoard();
    const hostile = ['<img src=x onerror=alert(1)>', '<script>window.__pwned = true</script>', '"><svg onload=alert(2)>'];
    for (const [i, text] of hostile.entries()) await a.board.addNote(['government', 'community', 'ngos'][i]!, text);

    for (const board of [a.board, b.board]) {
      await board.waitForNoteTexts(hostile);
      const injected = await board.page.evaluate(() => ({
        elements: document.querySelectorAll(
          '[data-testid="note"] img, [data-testid="note"] script, [data-testid="note"] svg[onload]',
        ).length,
        pwned: (window as unknown as { __pwned?: boolean }).__pwned === true,
      }));
      expect(injected).toEqual({ elements: 0, pwned: false });
    }
    // A reload renders the stored text the same way (a dialog would fail the test in afterEach).
    await b.user.page.reload();
    await b.board.waitForNoteTexts(hostile);
  });
});
