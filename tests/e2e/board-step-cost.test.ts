import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { PasteLinesDialog } from './support/import-page';
import { NoteTouches } from './support/pan-page';

const e2e = useE2E();
// Two pastes of 150 lines: a board at the size where notes far off
// screen are drawn as chips (board/visible-notes.ts, CULL_MIN_NOTES).
const PER_TOPIC = 150;
const lines = (topic: string) => Array.from({ length: PER_TOPIC }, (_, i) => `${topic} idea ${i}`).join('\n');

/**
 * What one step of a pan or a drag costs, counted in note elements the page changes (a
 * MutationObserver over the world), not in time: a step must cost the same on a board of 300
 * notes as on a board of 6, or a board of 5,000 cannot keep up with a mouse.
 */
describe('a gesture step on a big board touches only what moves', () => {
  it('a pan step changes no note and a drag step changes only the dragged note, at zoom 100 % on a 300-note board (1440×900)', async () => {
    const { a } = await e2e.cafe({ title: 'Step cost' });
    const page = a.user.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    const paste = new PasteLinesDialog(page);
    await paste.paste('government', lines('government'), PER_TOPIC);
    await paste.paste('community', lines('community'), PER_TOPIC);
    const view = new NoteTouches(page);
    await expect.poll(() => view.noteCount(), { timeout: 30_000 }).toBe(2 * PER_TOPIC);
    await page.getByTestId('board.zoom-reset').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="board.world"]')?.getAttribute('data-zoom') === '1');

    // Pan: the first steps start the gesture; the one watched is an ordinary step in its middle.
    const from = await view.press();
    await view.moveTo({ x: from.x - 40, y: from.y - 20 });
    const before = await view.layers();
    await view.watch();
    // A long step (a fast flick, or frames the page could not take, coalesced): longer than a row
    // of notes, so a level of detail worked out again on every step would swap a row at each edge.
    // In all, the pan stays within half the cull margin (0.375 of the canvas height), where the
    // drawn area is meant to stay put.
    await page.mouse.move(from.x - 60, from.y - 190);
    const pan = await view.touched();
    const after = await view.layers();
    // The board moved with the pointer (by the pan layer, or the world on a board without one).
    expect(after.pan.y + after.world.y - before.pan.y - before.world.y).toBeCloseTo(-170, 0);
    expect(pan.notes).toEqual([]);
    await view.release();
    await expect.poll(async () => (await view.layers()).pan).toEqual({ x: 0, y: 0 });

    // Drag: a note in view, lifted; the watched step moves it and nothing else.
    const id = await page.locator('[data-testid="note"][data-topic-id="government"]:not([data-lod="chip"])').nth(5).getAttribute('data-note-id');
    const grab = await view.pressNote(id!);
    await page.mouse.move(grab.x + 30, grab.y + 20, { steps: 3 });
    await expect.poll(() => view.note(id!).getAttribute('class')).toContain('is-dragging');
    const noteBefore = await view.noteBox(id!);
    await view.watch();
    await page.mouse.move(grab.x + 70, grab.y + 40);
    const drag = await view.touched();
    const noteAfter = await view.noteBox(id!);
    expect(noteAfter.x - noteBefore.x).toBeCloseTo(40, 0);
    expect(drag.notes).toEqual([id]);
    await view.release();
  });
});
