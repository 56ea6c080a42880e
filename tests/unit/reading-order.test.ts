import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING } from '@wcb/shared';
import { focusAfterDelete, readingOrder, stepInOrder, type ReadablePlacement } from '../../client/src/board-logic/reading-order';

const note = (id: string, topic: string, x: number, y: number, order = 0): ReadablePlacement => ({ id, topic, x, y, order });

describe('reading order of a board', () => {
  it('reads topics in session order, then the cross-cutting row', () => {
    const notes = [note('c1', CROSS_CUTTING, 0, 0), note('b1', 'b', 0, 0), note('a1', 'a', 0, 0)];
    expect(readingOrder(['a', 'b'], notes)).toEqual(['a1', 'b1', 'c1']);
  });

  it('reads a cell top to bottom, then left to right, whatever order the notes were written in', () => {
    const notes = [note('low', 'a', 0, 300), note('right', 'a', 220, 16), note('left', 'a', 16, 16)];
    expect(readingOrder(['a'], notes)).toEqual(['left', 'right', 'low']);
  });

  it('reads a note of a deleted topic with the cross-cutting row, where it is drawn', () => {
    const notes = [note('orphan', 'gone', 0, 0), note('cross', CROSS_CUTTING, 0, 100), note('a1', 'a', 0, 500)];
    expect(readingOrder(['a'], notes)).toEqual(['a1', 'orphan', 'cross']);
  });

  it('reads a steps phase by step number, not by position', () => {
    const notes = [note('s2', 'a', 0, 0, 2), note('s1', 'a', 0, 50, 1), note('t1', 'b', 0, 0, 0)];
    expect(readingOrder(['a', 'b'], notes, true)).toEqual(['s1', 's2', 't1']);
  });

  it('breaks ties by id, so every device tabs the same way', () => {
    expect(readingOrder(['a'], [note('y', 'a', 0, 0), note('x', 'a', 0, 0)])).toEqual(['x', 'y']);
  });
});

describe('stepping through the reading order', () => {
  const order = ['a', 'b', 'c'];
  it('steps forward and back and stops past either end', () => {
    expect(stepInOrder(order, 'a', 1)).toBe('b');
    expect(stepInOrder(order, 'b', -1)).toBe('a');
    expect(stepInOrder(order, 'c', 1)).toBeNull();
    expect(stepInOrder(order, 'a', -1)).toBeNull();
    expect(stepInOrder(order, 'zzz', 1)).toBeNull();
  });

  it('after a delete, focus goes to the next note, else the previous one, else nowhere', () => {
    expect(focusAfterDelete(order, 'b')).toBe('c');
    expect(focusAfterDelete(order, 'c')).toBe('b');
    expect(focusAfterDelete(['only'], 'only')).toBeNull();
  });
});
