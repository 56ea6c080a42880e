import { afterEach, describe, expect, it } from 'vitest';
import { closeUsers, newUser, type User } from './support/browser';
import { CriteriaPanel } from './support/criteria-page';
import { useE2E } from './support/harness';
import { HomePage } from './support/pages';
import { TABLET, TouchBoard } from './support/touch-page';

const e2e = useE2E();
// Tablets are made here rather than by e2e.person (a laptop); closed, and checked for page errors, after each test.
const tablets: User[] = [];
afterEach(async () => {
  await closeUsers(tablets);
});

async function tablet(name: string): Promise<{ home: HomePage; board: TouchBoard }> {
  const user = await newUser(e2e.browser, e2e.server.url, name, TABLET);
  tablets.push(user);
  const home = await new HomePage(user.page).open();
  await home.setName(name);
  return { home, board: new TouchBoard(user.page) };
}

/** A facilitator on a touch tablet creates a session; returns the tablet's board and the session id. */
async function tabletSession(title: string): Promise<{ board: TouchBoard; sessionId: string }> {
  const { home, board } = await tablet('Tablet');
  const sessionId = await home.createSession({ template: 'world-cafe-ngo', language: 'en', title });
  await board.waitForConnected();
  return { board, sessionId };
}

/** Selects the note with a tap (its toolbar shows), then lists the controls under 44 px. */
async function smallTargetsWithNoteSelected(board: TouchBoard, noteId: string): Promise<string> {
  await board.tap(await board.grab(noteId));
  await board.page.locator(`[data-testid="note"][data-note-id="${noteId}"]:focus-within [data-testid="note.delete"]`).waitFor();
  return (await board.smallTargets(44)).map((o) => `${o.what} ${o.width}×${o.height}`).join('\n');
}

describe('touch on a tablet', () => {
  it('two fingers pinch-zoom the board around their midpoint', async () => {
    const { board } = await tabletSession('Pinch');
    const before = await board.worldTransform();
    const centre = await board.emptySpot();
    const anchor = await board.boardPointAt(centre);

    await board.pinch(centre, 120, 240);

    const after = await board.waitForTransformChange(before);
    expect(after.zoom).toBeGreaterThan(before.zoom * 1.5);
    // The board point that was between the fingers is still between them.
    const seen = await board.boardPointAt(centre);
    expect(Math.abs(seen.x - anchor.x) * after.zoom).toBeLessThan(3);
    expect(Math.abs(seen.y - anchor.y) * after.zoom).toBeLessThan(3);
  });

  it('one finger on empty canvas pans the board', async () => {
    const { board } = await tabletSession('Pan');
    const before = await board.worldTransform();

    await board.swipe(await board.emptySpot(), -120, -60);

    const after = await board.waitForTransformChange(before);
    expect(after.zoom).toBe(before.zoom);
    expect(after.matrix.e - before.matrix.e).toBeCloseTo(-120, 0);
    expect(after.matrix.f - before.matrix.f).toBeCloseTo(-60, 0);
  });

  it('a quick swipe starting on a note pans rather than moving the note', async () => {
    const { board } = await tabletSession('Swipe');
    const id = await board.addNote('government', 'Stay where you are');
    const placed = await board.notePlacement(id);
    const before = await board.worldTransform();
    const noteBefore = await board.noteBox(id);

    await board.swipe(await board.grab(id), 90, 70);

    const after = await board.waitForTransformChange(before);
    expect(after.matrix.e - before.matrix.e).toBeCloseTo(90, 0);
    expect(after.matrix.f - before.matrix.f).toBeCloseTo(70, 0);
    // The note rode along with the board; its place on the board is unchanged.
    expect(await board.notePlacement(id)).toEqual(placed);
    const noteAfter = await board.noteBox(id);
    expect(noteAfter.x - noteBefore.x).toBeCloseTo(90, 0);
    expect(await board.liftedNote(id).count()).toBe(0);
  });

  it('a second finger during a long press turns it into a pinch', async () => {
    const { board } = await tabletSession('Press then pinch');
    const id = await board.addNote('government', 'Not now');
    const placed = await board.notePlacement(id);
    const before = await board.worldTransform();
    const onNote = await board.grab(id);

    await board.fingerDown(1, onNote);
    await board.pressedNote(id).waitFor();
    await board.fingerDown(2, { x: onNote.x + 160, y: onNote.y });
    // The press gives up while both fingers are still down: it can no longer lift the note.
    await board.unpressedNote(id).waitFor();
    await board.fingersTo(
      new Map([
        [1, { x: onNote.x - 40, y: onNote.y }],
        [2, { x: onNote.x + 200, y: onNote.y }],
      ]),
    );
    await board.fingerUp(2);
    await board.fingerUp(1);

    const after = await board.waitForTransformChange(before);
    expect(after.zoom).toBeGreaterThan(before.zoom * 1.3);
    expect(await board.notePlacement(id)).toEqual(placed);
    expect(await board.liftedNote(id).count()).toBe(0);
  });

  it('a double tap edits a note, and a double tap on an empty cell adds one', async () => {
    const { board } = await tabletSession('Taps');
    const id = await board.addNote('government', 'Tap tap');

    await board.doubleTap(await board.grab(id));
    await board.note(id).getByTestId('note.editor').waitFor();
    await board.stopEditing();

    await board.doubleTap(await board.visibleCentreOf('community'));
    await board.notes('community').first().getByTestId('note.editor').waitFor();
    expect(await board.notes('community').count()).toBe(1);
  });

  it('a long press lifts a note and dragging moves it, and the other device sees it move', async () => {
    const { board } = await tabletSession('Long press');
    const laptop = await e2e.person('Laptop');
    await laptop.board.openLink(await board.shareLink('participant'));
    await laptop.board.waitForConnected();
    const id = await board.addNote('government', 'Carry me');
    await laptop.board.waitForNoteText('Carry me', 'government');
    const before = await board.worldTransform();

    const at = await board.longPress(id);
    const target = await board.visibleCentreOf('community');
    await board.dragHeldBy(at, target.x - at.x, target.y - at.y);

    await board.page.locator(`[data-testid="note"][data-note-id="${id}"][data-topic-id="community"]`).waitFor();
    await board.liftedNote(id).waitFor({ state: 'detached' });
    // Dragging the note did not pan the board under it.
    expect((await board.worldTransform()).transform).toBe(before.transform);
    await laptop.board.page.locator(`[data-testid="note"][data-note-id="${id}"][data-topic-id="community"]`).waitFor();
  });

  it('every visible control on the board is at least 44 px on a touch tablet', async () => {
    const { board } = await tabletSession('Targets');
    expect(await board.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const id = await board.addNote('government', 'Big targets');
    expect(await smallTargetsWithNoteSelected(board, id)).toBe('');
    // A steps phase draws numbered lists instead of notes; its cells keep the same controls.
    await board.switchPhase('steps');
    expect(await board.smallTargets(44)).toEqual([]);
  });

  it('with a round running and voting open, every control is still at least 44 px for facilitator and participant', async () => {
    const { board } = await tabletSession('Targets while voting');
    const id = await board.addNote('government', 'Vote for me');
    const panel = await new CriteriaPanel(board.page).open();
    await panel.setRounds(2, 1);
    await board.page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-testid="setup.rounds-count"]')?.value === '2');
    await panel.startRound(1);
    await panel.openVoting({ phaseId: 'ideal', budget: 3 });
    await panel.close();
    await board.page.locator('[data-testid="note.vote"]').first().waitFor();
    expect(await smallTargetsWithNoteSelected(board, id)).toBe('');

    const participant = await tablet('Participant');
    await participant.board.openLink(await board.shareLink('participant'));
    await participant.board.waitForConnected();
    await participant.board.page.locator('[data-testid="note.vote"]').first().waitFor();
    expect(await smallTargetsWithNoteSelected(participant.board, id)).toBe('');
  });
});
