import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING, type Note } from '@wcb/shared';
import { countsByCell, newNotePlacement, notesOfCell, phoneTopics, stepTopic } from '../../client/src/board-logic/phone-list';
import { CELL_PAD, layoutNotes, NOTE_GAP, NOTE_H, NOTE_W } from '../../client/src/board-logic/layout';

const note = (id: string, topic: string, x: number, y: number, order = 0): Note => ({
  id,
  text: id,
  phase: 'p',
  topic,
  x,
  y,
  color: 'yellow',
  table: '',
  author: '',
  round: 0,
  createdAt: 0,
  order,
  stack: '',
});

describe("a phone's list of one topic", () => {
  it('steps through the topics, then the cross-cutting row, and around', () => {
    const list = phoneTopics(['a', 'b']);
    expect(list).toEqual(['a', 'b', CROSS_CUTTING]);
    expect(stepTopic(list, 'a', 1)).toBe('b');
    expect(stepTopic(list, CROSS_CUTTING, 1)).toBe('a');
    expect(stepTopic(list, 'a', -1)).toBe(CROSS_CUTTING);
    expect(stepTopic(list, 'gone', 1)).toBe('a');
  });

  it('lists a cell in the board’s reading order, and a steps phase by step number', () => {
    const notes = [note('low', 'a', 16, 300, 1), note('right', 'a', 232, 16, 3), note('left', 'a', 16, 16, 2), note('other', 'b', 0, 0)];
    expect(notesOfCell(['a', 'b'], notes, 'a', false).map((n) => n.id)).toEqual(['left', 'right', 'low']);
    expect(notesOfCell(['a', 'b'], notes, 'a', true).map((n) => n.id)).toEqual(['low', 'left', 'right']);
  });

  it('shows a note of a deleted topic in the cross-cutting row, and counts it there', () => {
    const notes = [note('orphan', 'gone', 0, 0), note('cross', CROSS_CUTTING, 0, 200), note('a1', 'a', 0, 0)];
    expect(notesOfCell(['a'], notes, CROSS_CUTTING, false).map((n) => n.id)).toEqual(['orphan', 'cross']);
    expect(countsByCell(['a'], notes)).toEqual(new Map([[CROSS_CUTTING, 2], ['a', 1]]));
  });

  it('puts a note added from the list in the first free place of its cell, where the board’s "+" would', () => {
    const first = { x: CELL_PAD, y: CELL_PAD };
    expect(newNotePlacement(['a'], [], 'a')).toEqual({ topic: 'a', ...first });
    const taken = [note('n1', 'a', first.x, first.y)];
    expect(newNotePlacement(['a'], taken, 'a')).toEqual({ topic: 'a', x: CELL_PAD + NOTE_W + NOTE_GAP, y: CELL_PAD });
    // A topic that is gone writes into the cross-cutting row.
    expect(newNotePlacement(['a'], taken, 'gone').topic).toBe(CROSS_CUTTING);
  });

  it('places a new note beside notes as they are drawn: two merged onto one spot take two places', () => {
    const first = { x: CELL_PAD, y: CELL_PAD };
    const merged = [note('n1', 'a', first.x, first.y), note('n2', 'a', first.x, first.y)];
    const place = newNotePlacement(['a'], merged, 'a');
    const drawn = layoutNotes(['a'], merged);
    for (const n of merged) {
      const at = drawn.shifted.get(n.id) ?? n;
      const apart = Math.abs(at.x - place.x) >= NOTE_W + NOTE_GAP || Math.abs(at.y - place.y) >= NOTE_H + NOTE_GAP;
      expect(apart, `the new note lies on ${n.id}`).toBe(true);
    }
  });
});
