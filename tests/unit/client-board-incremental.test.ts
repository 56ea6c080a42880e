import * as Y from 'yjs';
import { batch, createComputed, createRoot, createSelector, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { addNote, initPhaseDoc, moveNote, setNoteText, stackNote, type Note } from '@wcb/shared';
import { makeNotesProjection } from '../../client/src/sync/projection';
import { createBoardLayout } from '../../client/src/views/board/board-layout';
import { createNoteLod } from '../../client/src/views/board/note-lod';
import { createWorldLayers } from '../../client/src/views/board/world-layers';
import type { Drag } from '../../client/src/views/board/context';
import type { PhaseRoom } from '../../client/src/sync/phase-room';
import type { Point, Viewport } from '../../client/src/board-logic/viewport';

const TOPICS = ['government', 'community', 'ngos'];

/** A phase of `count` notes, four across per column, as the bench's big board lays them out. */
function board(count: number): Y.Doc {
  const doc = new Y.Doc();
  initPhaseDoc(doc, 'session-0001', 'ideal');
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const cell = Math.floor(i / 3);
      addNote(doc, { topic: TOPICS[i % 3]!, text: `idea ${i}`, x: 16 + (cell % 4) * 216, y: 16 + Math.floor(cell / 4) * 166 }, i, `n${i}`);
    }
  });
  return doc;
}

describe('where notes stand (the projection’s placements)', () => {
  it('says when a note is added, moved, stacked or removed, and which; typing says nothing', () => {
    const doc = board(3);
    createRoot((dispose) => {
      const { placements } = makeNotesProjection(doc);
      const heard: string[][] = [];
      placements.onChange((ids) => heard.push([...ids]));
      const v0 = placements.version();
      setNoteText(doc, 'n0', 'a longer idea');
      expect(placements.version()).toBe(v0);
      moveNote(doc, 'n1', { topic: 'government', x: 400, y: 16 });
      stackNote(doc, 'n2', 'n0');
      addNote(doc, { topic: 'ngos', text: 'new' }, 9, 'extra');
      expect(placements.version()).toBe(v0 + 3);
      expect(heard).toEqual([['n1'], ['n2'], ['extra']]);
      // Plain objects, with the latest places: the layout reads them without tracking each field.
      expect(placements.notes().find((n) => n.id === 'n1')).toMatchObject({ x: 400, y: 16 });
      dispose();
    });
  });
});

describe('the board layout', () => {
  /** A layout over a projection, counting how often it was computed (reads of the plain notes). */
  function laidOut(doc: Y.Doc) {
    const projection = makeNotesProjection(doc);
    let computed = 0;
    const placements = { ...projection.placements, notes: () => (computed++, projection.placements.notes()) };
    const [drag, setDrag] = createSignal<Drag | null>(null);
    const layout = createBoardLayout({
      phase: { placements } as unknown as PhaseRoom,
      topicIds: () => TOPICS,
      steps: () => false,
      notes: () => Object.values(projection.notes).filter((n): n is Note => n !== undefined),
      drag,
    });
    return { layout, setDrag, computed: () => computed };
  }

  it('is not computed again when a drag starts or for the dragged note’s live writes; the drop and other notes moving are', () => {
    const doc = board(300);
    createRoot((dispose) => {
      const { layout, setDrag, computed } = laidOut(doc);
      const before = layout();
      expect(computed()).toBe(1);
      setDrag({ id: 'n4', origin: { topic: 'community', x: 232, y: 16 } });
      moveNote(doc, 'n4', { topic: 'community', x: 300, y: 60 });
      moveNote(doc, 'n4', { topic: 'community', x: 320, y: 90 });
      expect(computed()).toBe(1);
      expect(layout()).toBe(before);
      // Someone else moves a note meanwhile: the board is laid out again, the dragged note at its start.
      moveNote(doc, 'n7', { topic: 'community', x: 2000, y: 16 });
      expect(computed()).toBe(2);
      expect(layout().cells.get('community')!.width).toBeGreaterThan(before.cells.get('community')!.width);
      setDrag(null);
      expect(computed()).toBe(3);
      dispose();
    });
  });

  it('a kept layout tells no note: their readers do not run', () => {
    const doc = board(30);
    createRoot((dispose) => {
      const { layout, setDrag } = laidOut(doc);
      let reads = 0;
      createComputed(() => (layout(), reads++));
      setDrag({ id: 'n1', origin: { topic: 'community', x: 16, y: 16 } });
      moveNote(doc, 'n1', { topic: 'community', x: 60, y: 40 });
      expect(reads).toBe(1);
      dispose();
    });
  });
});

describe('level of detail, note by note', () => {
  const screen = { width: 1000, height: 800 };
  const grid = (count: number): Point[] => Array.from({ length: count }, (_, i) => ({ x: (i % 20) * 220, y: Math.floor(i / 20) * 170 }));

  function lodBoard(count: number) {
    const [viewport, setViewport] = createSignal<Viewport>({ x: 0, y: 0, zoom: 1 });
    const [dragged, setDragged] = createSignal<string | null>(null);
    const isDragged = createSelector(dragged);
    const lod = createNoteLod({ viewport, size: () => screen, count: () => count, isDragged, isPinned: () => false });
    const runs = new Map<string, number>();
    const cards = grid(count).map((p, i) => {
      const [at, setAt] = createSignal(p);
      const card = lod(`n${i}`, at);
      createComputed(() => (card(), runs.set(`n${i}`, (runs.get(`n${i}`) ?? 0) + 1)));
      return { card, setAt };
    });
    return { cards, setViewport, setDragged, runs, total: () => [...runs.values()].reduce((a, b) => a + b, 0) };
  }

  it('a pan within half the margin asks no note; past it, the notes that change turn into cards or chips', () => {
    createRoot((dispose) => {
      const b = lodBoard(2000);
      expect(b.cards[0]!.card()).toBe(true);
      expect(b.cards[1999]!.card()).toBe(false);
      const start = b.total();
      for (let dy = 10; dy <= 300; dy += 10) b.setViewport({ x: 0, y: -dy, zoom: 1 });
      expect(b.total()).toBe(start);
      // Further: the drawn area moves; only the notes whose answer changed were told.
      b.setViewport({ x: 0, y: -1600, zoom: 1 });
      const changed = b.total() - start;
      expect(changed).toBeGreaterThan(0);
      expect(changed).toBeLessThan(300);
      expect(b.cards[0]!.card()).toBe(false);
      dispose();
    });
  });

  it('a small board that receives two thousand notes at once (a first sync) makes cards only for those on screen', () => {
    createRoot((dispose) => {
      const [count, setCount] = createSignal(0);
      const lod = createNoteLod({ viewport: () => ({ x: 0, y: 0, zoom: 1 }), size: () => screen, count, isDragged: () => false, isPinned: () => false });
      // As a sync step 2 lands: the count and the notes' views change in one batch, before the
      // level of detail's own computation has run again (it said "all cards" for an empty board).
      const cards = batch(() => {
        setCount(2000);
        return grid(2000).map((p, i) => lod(`n${i}`, () => p)());
      });
      const drawnAsCards = cards.filter(Boolean).length;
      expect(drawnAsCards).toBeGreaterThan(0);
      expect(drawnAsCards).toBeLessThan(200);
      dispose();
    });
  });

  it('a board that opens with two thousand notes makes cards for the screen alone, and those of the margin once it is painted', () => {
    createRoot((dispose) => {
      const [count, setCount] = createSignal(0);
      let painted: (() => void) | null = null;
      const afterPaint = (fn: () => void) => ((painted = fn), () => (painted = null));
      const lod = createNoteLod({ viewport: () => ({ x: 0, y: 0, zoom: 1 }), size: () => screen, count, isDragged: () => false, isPinned: () => false, afterPaint });
      const cards = batch(() => {
        setCount(2000);
        return grid(2000).map((p, i) => lod(`n${i}`, () => p));
      });
      // The screen (1000×800) shows 5 notes across and 5 rows, partly.
      const onScreen = grid(2000).filter((p) => p.x < screen.width && p.y < screen.height).length;
      expect(cards.filter((c) => c()).length).toBe(onScreen);
      expect(painted).not.toBeNull();
      painted!();
      expect(cards.filter((c) => c()).length).toBeGreaterThan(2 * onScreen);
      expect(cards[0]!()).toBe(true);
      dispose();
    });
  });

  it('a note being dragged stays what it was, wherever it goes, until it is dropped', () => {
    createRoot((dispose) => {
      const b = lodBoard(2000);
      b.setDragged('n0');
      b.cards[0]!.setAt({ x: 30_000, y: 30_000 });
      expect(b.cards[0]!.card()).toBe(true);
      b.setDragged(null);
      expect(b.cards[0]!.card()).toBe(false);
      dispose();
    });
  });
});

describe('the pan layer', () => {
  it('moves by what the viewport travelled during a gesture, and hands the whole viewport to the world when it ends', () => {
    createRoot((dispose) => {
      const [viewport, setViewport] = createSignal<Viewport>({ x: 100, y: 50, zoom: 1 });
      const [gesture, setGesture] = createSignal(false);
      const layers = createWorldLayers(viewport, gesture, () => ({ width: 1000, height: 800 }), () => ({ x: 0, y: 0, width: 3000, height: 20_000 }));
      expect(layers.world().transform).toBe('translate(100px, 50px) scale(1)');
      setGesture(true);
      setViewport({ x: 40, y: -200, zoom: 1 });
      setViewport({ x: 10, y: -400, zoom: 1 });
      expect(layers.world().transform).toBe('translate(100px, 50px) scale(1)');
      expect(layers.pan().transform).toBe('translate(-90px, -450px)');
      // A pinch changes the zoom: the world takes it at once (a scaled layer would blur).
      setViewport({ x: 10, y: -400, zoom: 1.5 });
      expect(layers.world().transform).toBe('translate(10px, -400px) scale(1.5)');
      expect(layers.pan().transform).toBe('translate(0px, 0px)');
      setViewport({ x: 0, y: -420, zoom: 1.5 });
      setGesture(false);
      expect(layers.world().transform).toBe('translate(0px, -420px) scale(1.5)');
      expect(layers.pan().transform).toBe('translate(0px, 0px)');
      dispose();
    });
  });

  it('lays the dot grid under the whole board and past the canvas, its dots where the board’s are', () => {
    createRoot((dispose) => {
      const layers = createWorldLayers(
        () => ({ x: 30, y: 20, zoom: 1 }),
        () => false,
        () => ({ width: 1000, height: 800 }),
        () => ({ x: 0, y: 0, width: 3000, height: 20_000 }),
      );
      const g = layers.grid();
      const px = (v: string) => Number.parseFloat(v);
      expect(px(g.left!)).toBeLessThanOrEqual(-3000);
      expect(px(g.top!) + px(g.height!)).toBeGreaterThanOrEqual(20 + 20_000);
      // A tile starts at the board's origin (30, 20 on screen) and every 24 px from it.
      const [bx, by] = g['background-position']!.split(' ').map(px) as [number, number];
      expect((((px(g.left!) + bx - 30) % 24) + 24) % 24).toBeCloseTo(0);
      expect((((px(g.top!) + by - 20) % 24) + 24) % 24).toBeCloseTo(0);
      dispose();
    });
  });
});
