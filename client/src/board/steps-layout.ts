import { byOrder, CROSS_CUTTING, type Note } from '@wcb/shared';
import { NOTE_H, type NotePlacement } from './layout';

/** Height of one row of a numbered steps list, in board units. */
export const STEP_H = 56;

/**
 * A steps phase draws each cell as a list, not free notes: these stand-in placements make
 * layoutBoard size every cell to fit its list (the i-th step's row ends at (i + 1) × STEP_H).
 * Steps whose topic is unknown land in the cross-cutting row, as notes do.
 */
export function stepPlacements(topicIds: readonly string[], notes: readonly Note[]): NotePlacement[] {
  const known = new Set(topicIds);
  const counts = new Map<string, number>();
  for (const n of [...notes].sort(byOrder)) {
    const topic = known.has(n.topic) ? n.topic : CROSS_CUTTING;
    counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  return [...counts].map(([topic, count]) => ({ topic, x: 0, y: Math.max(0, count * STEP_H - NOTE_H) }));
}

/** Where a dragged step lands: before the step under the pointer, or after it when past its middle. */
export function dropBefore(ids: readonly string[], dragged: string, target: string, afterMiddle: boolean): string | null | undefined {
  const i = ids.indexOf(target);
  if (i < 0 || !ids.includes(dragged) || target === dragged) return undefined;
  if (!afterMiddle) return target;
  return ids[i + 1] ?? null;
}
