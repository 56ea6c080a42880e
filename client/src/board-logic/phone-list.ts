import { byOrder, CROSS_CUTTING, readStacks, type Note } from '@wcb/shared';
import { cellTopic, freeSlot, layoutNotes, type NotePlacement } from './layout';
import { readingOrder } from './reading-order';

/**
 * The phone's view of a phase: one topic (or the cross-cutting row) at a time, as a list. These
 * are the board's own rules read as a list, so a phone and a laptop agree on what is where.
 */

/** The topics a phone steps through: the session's topics, then the cross-cutting row. */
export const phoneTopics = (topicIds: readonly string[]): string[] => [...topicIds, CROSS_CUTTING];

/**
 * The notes of one cell in the order a person reads the board (top to bottom, then left to right;
 * a steps phase by step number). A note of a topic that no longer exists is in the cross-cutting
 * row, as on the board.
 */
export function notesOfCell(topicIds: readonly string[], notes: readonly Note[], topic: string, steps: boolean): Note[] {
  const known = new Set(topicIds);
  const mine = notes.filter((n) => cellTopic(n.topic, known) === topic);
  if (steps) return mine.sort(byOrder);
  const byId = new Map(mine.map((n) => [n.id, n]));
  return readingOrder(topicIds, mine).map((id) => byId.get(id)!);
}

/** Notes per cell, for the topic picker's counts. */
export function countsByCell(topicIds: readonly string[], notes: readonly Note[]): Map<string, number> {
  const known = new Set(topicIds);
  const out = new Map<string, number>();
  for (const n of notes) {
    const cell = cellTopic(n.topic, known);
    out.set(cell, (out.get(cell) ?? 0) + 1);
  }
  return out;
}

/**
 * Where a note added from a list goes on the board: the first free slot of its cell among the
 * notes as they are drawn (spread apart, a stack by its head), as the board's "+" places it, so
 * the laptop at the table sees it where it would have put it, on no other note.
 */
export function newNotePlacement(topicIds: readonly string[], notes: readonly Note[], topic: string): NotePlacement {
  const layout = layoutNotes(topicIds, notes);
  const cell = layout.cells.get(topic) ?? layout.cross;
  const known = new Set(topicIds);
  const stacked = new Set(readStacks(notes).flatMap((s) => s.members.filter((m) => m.id !== s.head.id).map((m) => m.id)));
  const taken = notes.filter((n) => cellTopic(n.topic, known) === cell.topic && !stacked.has(n.id)).map((n) => layout.shifted.get(n.id) ?? n);
  return { topic: cell.topic, ...freeSlot(taken, cell.width) };
}

/** The topic `step` places away in `list`, wrapping around; the first when `current` is not there. */
export function stepTopic(list: readonly string[], current: string, step: number): string {
  const at = list.indexOf(current);
  if (at < 0) return list[0] ?? current;
  return list[(((at + step) % list.length) + list.length) % list.length]!;
}
