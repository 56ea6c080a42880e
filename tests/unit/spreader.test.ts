import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING, displacements, makeSpreader } from '@wcb/shared';
import { fuzzSeeds } from '../support/fuzz';

/**
 * The spreader remembers each cell between layouts so a drag does not cost a pass over every
 * note. It must answer exactly as `displacements` computed afresh, whatever changed in between,
 * also when the notes are objects changed in place (a Solid store's proxies are).
 */
const TOPICS = ['a', 'b'];
const STEPS = 150;

type Mutable = { id: string; topic: string; x: number; y: number; createdAt: number; phase: string; stack: string };

function note(gen: prng.PRNG, i: number, grid: boolean): Mutable {
  const topic = prng.oneOf(gen, [...TOPICS, CROSS_CUTTING]);
  // Mostly a tidy grid (nothing overlaps: the cheap path), sometimes anywhere.
  const x = grid ? 16 + prng.uint32(gen, 0, 3) * 216 : prng.uint32(gen, 0, 600);
  const y = grid ? 16 + i * 166 : prng.uint32(gen, 0, 600);
  return { id: `n${i}`, topic, x, y, createdAt: 1000 + i, phase: 'p', stack: '' };
}

function step(gen: prng.PRNG, notes: Mutable[], next: { i: number }): void {
  const pick = () => notes[prng.uint32(gen, 0, notes.length - 1)]!;
  const roll = prng.uint32(gen, 0, 9);
  if (roll < 6 && notes.length) {
    // A drag's live write: one note moved in place, a little or onto another.
    const n = pick();
    if (prng.bool(gen)) Object.assign(n, { x: n.x + prng.int32(gen, -40, 40), y: Math.max(0, n.y + prng.int32(gen, -40, 40)) });
    else Object.assign(n, { x: pick().x, y: pick().y });
  } else if (roll < 8) notes.push(note(gen, next.i++, prng.bool(gen)));
  else if (roll < 9 && notes.length) notes.splice(prng.uint32(gen, 0, notes.length - 1), 1);
  // Stacked onto another note of its cell (or unstacked again): it is hidden under the head on purpose.
  else if (notes.length) {
    const n = pick();
    n.stack = n.stack ? '' : pick().id;
  }
}

describe('the spreader', () => {
  for (const seed of fuzzSeeds(30)) {
    it(`answers as displacements afresh after every small change (seed ${seed})`, () => {
      const gen = prng.create(seed);
      const next = { i: 0 };
      const notes: Mutable[] = Array.from({ length: 30 }, () => note(gen, next.i++, true));
      const spreader = makeSpreader();
      for (let s = 0; s < STEPS; s++) {
        expect(spreader.displacements(notes, TOPICS), `step ${s}`).toEqual(displacements(notes.map((n) => ({ ...n })), TOPICS));
        step(gen, notes, next);
      }
    });
  }
});
