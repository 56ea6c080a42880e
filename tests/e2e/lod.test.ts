import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { LodBoard } from './support/lod-page';

const e2e = useE2E();
// Below this zoom note text is under 5 px on screen (board/visible-notes.ts): notes become chips.
const READABLE_ZOOM = 5 / 17;

describe('level of detail', () => {
  it('zoomed out, notes are light chips that keep their accessible names; zoomed in, full cards', async () => {
    const { a } = await e2e.cafe({ title: 'Level of detail' });
    const first = await a.board.addNote('government', 'Shared budget lines');
    const second = await a.board.addNote('community', 'Open council meetings');
    const lod = new LodBoard(a.board.page);
    await lod.waitForKind(first, 'card');
    const cardName = (await lod.accessible(first)).name;
    expect(cardName).toContain('Shared budget lines');

    await lod.zoomUntil('out', (z) => z < READABLE_ZOOM);
    await lod.waitForKind(first, 'chip');
    await lod.waitForKind(second, 'chip');
    // A chip is one element: no text node, author or toolbar, but the same name, role and focus.
    expect(await lod.note(first).locator('*').count()).toBe(0);
    expect(await lod.accessible(first)).toEqual({ role: 'group', roleDescription: 'note', name: cardName, tabIndex: 0 });

    // Keyboard focus on a chip brings up the full card (which edits, moves and deletes), focused.
    const focused = await lod.tabToANote();
    await lod.waitForFocusedCard(focused);
    // Leaving it turns it back into a chip.
    await a.board.page.keyboard.press('Escape');
    await lod.waitForKind(focused, 'chip');

    await lod.zoomUntil('in', (z) => z >= READABLE_ZOOM);
    await lod.waitForKind(first, 'card');
    await lod.waitForKind(second, 'card');
    expect(await lod.note(second).getByTestId('note.text').textContent()).toBe('Open council meetings');
  });

  it('a chip answers the pointer through the board: it holds no listener of its own, and a double-click edits it', async () => {
    const { a } = await e2e.cafe({ title: 'Chip handlers' });
    const id = await a.board.addNote('government', 'Edit me small');
    await a.board.page.keyboard.press('Escape');
    const lod = new LodBoard(a.board.page);
    await lod.zoomUntil('out', (z) => z < READABLE_ZOOM);
    await lod.waitForKind(id, 'chip');
    // A board opens with thousands of chips: a listener (and closure) each was part of the cost.
    expect(await lod.ownListeners(id)).toEqual([]);
    await lod.note(id).dblclick();
    await lod.waitForEditor(id);
  });

  it('a chip can be dragged to another column', async () => {
    const { a } = await e2e.cafe({ title: 'Drag a chip' });
    const id = await a.board.addNote('government', 'Move me small');
    const lod = new LodBoard(a.board.page);
    await lod.zoomUntil('out', (z) => z < READABLE_ZOOM);
    await lod.waitForKind(id, 'chip');
    const from = (await lod.note(id).boundingBox())!;
    const column = (await a.board.page.locator('[data-testid="board.column"][data-topic-id="community"]').boundingBox())!;
    const { mouse } = a.board.page;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(column.x + column.width / 2, column.y + column.height / 2, { steps: 8 });
    await mouse.up();
    await a.board.page.waitForFunction(
      (noteId) => document.querySelector(`[data-testid="note"][data-note-id="${noteId}"]`)?.getAttribute('data-topic-id') === 'community',
      id,
    );
  });
});
