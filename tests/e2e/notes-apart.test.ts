import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { noteAtPoint, seenNote } from './support/overlap-page';

const e2e = useE2E();

describe('notes never hide under notes', () => {
  it('two devices offline each add a note to the same column; back online, both notes show apart on both', async () => {
    const { a, b } = await e2e.cafe({ title: 'Apart' });
    await Promise.all([a.user.goOffline(), b.user.goOffline()]);
    await Promise.all([a.board.waitForStatus('offline'), b.board.waitForStatus('offline')]);

    // Each device's "+" picks the column's first free slot: the same place on both.
    const fromA = await a.board.addNote('government', 'Offline on A');
    const fromB = await b.board.addNote('government', 'Offline on B');

    await Promise.all([a.user.goOnline(), b.user.goOnline()]);
    for (const person of [a, b]) await person.board.waitForNoteTexts(['Offline on A', 'Offline on B'], 30_000);

    for (const person of [a, b]) {
      const [seenA, seenB] = [await seenNote(person.user.page, fromA), await seenNote(person.user.page, fromB)];
      // Not one on top of the other: their boxes do not coincide, and each shows at least half.
      expect(seenA.box.x !== seenB.box.x || seenA.box.y !== seenB.box.y).toBe(true);
      expect(seenA.visibleShare).toBeGreaterThanOrEqual(0.5);
      expect(seenB.visibleShare).toBeGreaterThanOrEqual(0.5);
      // A tap or click at each note's visible centre reaches that note.
      expect(await noteAtPoint(person.user.page, seenA.centre!)).toBe(fromA);
      expect(await noteAtPoint(person.user.page, seenB.centre!)).toBe(fromB);
    }
    // Every peer draws them in the same places (relative to each other).
    const offsets = await Promise.all(
      [a, b].map(async (p) => {
        const [sa, sb] = [await seenNote(p.user.page, fromA), await seenNote(p.user.page, fromB)];
        const scale = sa.box.width;
        return { dx: Math.round(((sb.box.x - sa.box.x) / scale) * 100), dy: Math.round(((sb.box.y - sa.box.y) / scale) * 100) };
      }),
    );
    expect(offsets[1]).toEqual(offsets[0]);
  });
});
