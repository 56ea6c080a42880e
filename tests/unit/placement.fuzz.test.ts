import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import {
  addNote,
  CROSS_CUTTING,
  displacements,
  freePosition,
  initPhaseDoc,
  MIN_BODY_W,
  moveNote,
  NOTE_H,
  NOTE_W,
  phaseMaps,
  readNotes,
  resolveHeads,
  stackNote,
  type Note,
  type Spot,
} from '@wcb/shared';
import { syncAll } from '../support/ydocs';
import { fuzzSeeds } from '../support/fuzz';

/**
 * Notes never hide under notes. Peers offline add and move notes into the same few spots, then
 * merge in a random order; every peer must draw every note in the same place, and no note may be
 * covered by the notes drawn above it. A failing seed is printed; pin it in REGRESSION_SEEDS.
 */
const TOPICS = ['government', 'community'];
const CELLS = [...TOPICS, CROSS_CUTTING, 'deleted-topic'];
// Few distinct spots, so that peers collide often, exactly and nearly.
const SPOTS: readonly Spot[] = [
  { x: 16, y: 16 },
  { x: 16, y: 16 },
  { x: 30, y: 24 },
  { x: 232, y: 16 },
  { x: 120, y: 90 },
  { x: 16, y: 182 },
];
const REGRESSION_SEEDS: readonly { seed: number; peers: number }[] = [
  // The fuzz's first seed: drawn as stored (no spread), 17 of its notes were wholly covered.
  { seed: 20_261_123, peers: 3 },
];
const RANDOM_SEEDS = 40;
const STEPS = 60;

/** Drawn positions in each note's cell, in drawing order (createdAt, then id): what a peer shows. */
function drawn(doc: Y.Doc): { id: string; cell: string; at: Spot }[] {
  const notes = readNotes(doc);
  const heads = resolveHeads(notes);
  const shifted = displacements(notes, TOPICS);
  const known = new Set(TOPICS);
  return notes
    .filter((n) => heads.get(n.id) === n.id)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((n) => ({ id: n.id, cell: known.has(n.topic) ? n.topic : CROSS_CUTTING, at: shifted.get(n.id) ?? { x: n.x, y: n.y } }));
}

/** Whether a point of each note, of a 4×4 grid over it, shows above the notes drawn after it. */
function hiddenNotes(shown: ReturnType<typeof drawn>): string[] {
  const out: string[] = [];
  shown.forEach((n, i) => {
    const above = shown.slice(i + 1).filter((o) => o.cell === n.cell);
    let visible = 0;
    for (let sx = 1; sx < 8; sx += 2) {
      for (let sy = 1; sy < 8; sy += 2) {
        const p = { x: n.at.x + (NOTE_W * sx) / 8, y: n.at.y + (NOTE_H * sy) / 8 };
        if (!above.some((o) => p.x >= o.at.x && p.x < o.at.x + NOTE_W && p.y >= o.at.y && p.y < o.at.y + NOTE_H)) visible++;
      }
    }
    if (visible < 8) out.push(`${n.id} shows ${visible}/16`);
  });
  return out;
}

function runScenario(seed: number, peers: number): void {
  const gen = prng.create(seed);
  const docs = Array.from({ length: peers }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return doc;
  });
  initPhaseDoc(docs[0]!, 'fuzz-session', 'ideal');
  syncAll(docs);
  let next = 0;
  const spot = () => prng.oneOf(gen, [...SPOTS]);
  const anyNote = (doc: Y.Doc) => {
    const ids = [...phaseMaps(doc).notes.keys()];
    return ids.length ? prng.oneOf(gen, ids) : undefined;
  };
  for (let step = 0; step < STEPS; step++) {
    const doc = prng.oneOf(gen, docs);
    const roll = prng.real53(gen);
    // Same creation times on different peers happen (clocks agree to the millisecond): ids break ties.
    if (roll < 0.55) addNote(doc, { topic: prng.oneOf(gen, CELLS), ...spot() }, prng.uint32(gen, 0, 20), `n${String(next++).padStart(3, '0')}`);
    else if (roll < 0.9) {
      const id = anyNote(doc);
      if (id) moveNote(doc, id, { topic: prng.oneOf(gen, CELLS), ...spot() });
    } else {
      const [a, b] = [anyNote(doc), anyNote(doc)];
      if (a && b && a !== b) stackNote(doc, a, b);
    }
    // Now and then two peers meet, in a random order, as devices that come online one by one do.
    if (prng.real53(gen) < 0.1) {
      const [from, to] = [prng.oneOf(gen, docs), prng.oneOf(gen, docs)];
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'connection');
    }
  }
  syncAll(prng.bool(gen) ? docs : [...docs].reverse());

  const expected = drawn(docs[0]!);
  for (const doc of docs) expect(drawn(doc), `seed ${seed}`).toEqual(expected);
  expect(hiddenNotes(expected), `seed ${seed}`).toEqual([]);
}

describe('notes hide under no note', () => {
  it('a note written at exactly the place of another is drawn beside it, the older one staying put', () => {
    const older = { id: 'a', topic: 'government', x: 16, y: 16, createdAt: 1, stack: '', phase: 'p' } satisfies Partial<Note>;
    const newer = { ...older, id: 'b', createdAt: 2 };
    const shifted = displacements([newer, older], TOPICS);
    expect(shifted.has('a')).toBe(false);
    const b = shifted.get('b')!;
    // Beside it, not on it: the boxes do not overlap at all.
    expect(b.x >= 16 + NOTE_W || b.y >= 16 + NOTE_H).toBe(true);
  });

  it('notes overlapping by less than half are left where people put them', () => {
    const a = { id: 'a', topic: 'government', x: 16, y: 16, createdAt: 1, stack: '', phase: 'p' };
    const b = { ...a, id: 'b', createdAt: 2, x: 16 + NOTE_W / 2 + 10 };
    expect(displacements([a, b], TOPICS).size).toBe(0);
  });

  it('a note stacked onto another stays hidden under its head, as stacking means', () => {
    const head = { id: 'a', topic: 'government', x: 16, y: 16, createdAt: 1, stack: '', phase: 'p' };
    const member = { ...head, id: 'b', createdAt: 2, stack: 'a' };
    expect(displacements([head, member], TOPICS).size).toBe(0);
  });

  it('a new note asked for over another takes the nearest free place in the cell', () => {
    const taken = [{ x: 16, y: 16 }];
    const p = freePosition(taken, { x: 40, y: 30 }, MIN_BODY_W);
    expect(p.x >= 16 + NOTE_W || p.y >= 16 + NOTE_H).toBe(true);
    expect(p.x + NOTE_W).toBeLessThanOrEqual(MIN_BODY_W);
    // A free spot is kept as asked.
    expect(freePosition(taken, { x: 16, y: 300 }, MIN_BODY_W)).toEqual({ x: 16, y: 300 });
  });

  for (const { seed, peers } of REGRESSION_SEEDS) {
    it(`regression seed ${seed} with ${peers} peers: the same places on every peer, none hidden`, () => runScenario(seed, peers));
  }
  it(`${RANDOM_SEEDS} seeds with 2-4 peers: the same places on every peer, none hidden`, () => {
    for (const [i, seed] of fuzzSeeds(RANDOM_SEEDS).entries()) {
      const peers = 2 + (i % 3);
      try {
        runScenario(seed, peers);
      } catch (err) {
        throw new Error(`Placement failed: add { seed: ${seed}, peers: ${peers} } to REGRESSION_SEEDS.\n${String(err)}`);
      }
    }
  }, 60_000);
});
