import { CROSS_CUTTING } from '@wcb/shared';
import { cellTopic } from './layout';

/** What reading order needs of a note: its cell and where it sits (or its step number's order). */
export type ReadablePlacement = { id: string; topic: string; x: number; y: number; order: number };

/**
 * The order a person reads a board in, for Tab and Shift+Tab: topics as the session lists them,
 * then the cross-cutting row; within a cell top to bottom, then left to right (a steps phase: by
 * step number). The DOM keeps creation order so a dragged note is never re-inserted; this is the
 * order keyboard focus follows instead.
 */
export function readingOrder(topicIds: readonly string[], notes: readonly ReadablePlacement[], steps = false): string[] {
  const known = new Set(topicIds);
  const rank = new Map<string, number>(topicIds.map((id, i) => [id, i]));
  rank.set(CROSS_CUTTING, topicIds.length);
  const cellRank = (n: ReadablePlacement) => rank.get(cellTopic(n.topic, known)) ?? topicIds.length;
  const within = steps
    ? (a: ReadablePlacement, b: ReadablePlacement) => a.order - b.order
    : (a: ReadablePlacement, b: ReadablePlacement) => a.y - b.y || a.x - b.x;
  return [...notes]
    .sort((a, b) => cellRank(a) - cellRank(b) || within(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => n.id);
}

/** The id `delta` steps from `id` in `order`; null past either end (or when `id` is not there). */
export function stepInOrder(order: readonly string[], id: string, delta: number): string | null {
  const i = order.indexOf(id);
  if (i < 0) return null;
  return order[i + delta] ?? null;
}

/**
 * Where focus goes once `id` is deleted: the next note in reading order, else the previous one,
 * else nowhere (the board itself).
 */
export function focusAfterDelete(order: readonly string[], id: string): string | null {
  return stepInOrder(order, id, 1) ?? stepInOrder(order, id, -1);
}
