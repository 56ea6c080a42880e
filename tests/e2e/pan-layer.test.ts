import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { PanView, type Layers } from './support/pan-page';

const e2e = useE2E();

const moved = (from: Layers, to: Layers) => ({ x: to.world.x + to.pan.x - from.world.x - from.pan.x, y: to.world.y + to.pan.y - from.world.y - from.pan.y });

describe('panning moves the board as one layer', () => {
  it('while the mouse pans, the drawn board moves under it as one layer; when it lets go, the world takes the whole viewport', async () => {
    const { a } = await e2e.cafe({ title: 'Pan layer' });
    await a.user.page.setViewportSize({ width: 1280, height: 720 });
    const id = await a.board.addNote('government', 'Follows the pointer');
    const view = new PanView(a.user.page);
    const before = await view.layers();
    const noteBefore = await view.noteBox(id);

    const from = await view.press();
    await view.moveTo({ x: from.x - 150, y: from.y - 90 });
    const during = await view.layers();
    // Mid-gesture: the world keeps its transform (nothing in it is drawn again), the pan layer
    // carries the whole move, and the note has moved exactly with the pointer.
    expect(during.world).toEqual(before.world);
    expect(during.pan.x).toBeCloseTo(-150, 0);
    expect(during.pan.y).toBeCloseTo(-90, 0);
    const noteDuring = await view.noteBox(id);
    expect(noteDuring.x - noteBefore.x).toBeCloseTo(-150, 0);
    expect(noteDuring.y - noteBefore.y).toBeCloseTo(-90, 0);

    await view.release();
    await expect.poll(async () => (await view.layers()).pan).toEqual({ x: 0, y: 0 });
    const after = await view.layers();
    expect(after.world.x - before.world.x).toBeCloseTo(-150, 0);
    expect(after.world.y - before.world.y).toBeCloseTo(-90, 0);
    expect(after.world.zoom).toBe(before.world.zoom);
    // Handing over does not move anything on screen.
    const noteAfter = await view.noteBox(id);
    expect(noteAfter.x).toBeCloseTo(noteDuring.x, 1);
    expect(noteAfter.y).toBeCloseTo(noteDuring.y, 1);
  });

  it('a wheel scroll pans the same way and is handed to the world once the wheel rests', async () => {
    const { a } = await e2e.cafe({ title: 'Wheel pan' });
    await a.user.page.setViewportSize({ width: 1280, height: 720 });
    const view = new PanView(a.user.page);
    const before = await view.layers();
    await view.wheel(0, 120);
    await view.wheel(0, 80);
    await expect.poll(async () => moved(before, await view.layers()).y).toBeCloseTo(-200, 0);
    await expect.poll(async () => (await view.layers()).pan).toEqual({ x: 0, y: 0 });
    expect((await view.layers()).world.y - before.world.y).toBeCloseTo(-200, 0);
  });
});
