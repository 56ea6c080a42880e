import { byOrder, CROSS_CUTTING, type Note } from '@wcb/shared';
import { NOTE_H, type NotePlacement } from './layout';

/** Height of one row of a numbered steps list, in board units. */
export const STEP_H = 56;
/** Each further line of a step's wrapped text (16px text, see canvas.css). */
export const STEP_LINE_H = 22;
// A conservative guess of how many characters fit on one line of a list in the narrowest column:
// guessing too few lines would let the list spill out of its cell; too many only leaves space.
const STEP_LINE_CHARS = 26;

/** The board height of one step's row: its text wraps, so long steps take more lines. */
export function stepRowHeight(text: string): number {
  const lines = text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / STEP_LINE_CHARS)), 0);
  return STEP_H + (Math.max(1, lines) - 1) * STEP_LINE_H;
}

/**
 * A steps phase draws each cell as a list, not free notes: these stand-in placements make
 * layoutBoard size every cell to fit its list (one STEP_H per step, more for wrapped text).
 * Steps whose topic is unknown land in the cross-cutting row, as notes do.
 */
export function stepPlacements(topicIds: readonly string[], notes: readonly Note[]): NotePlacement[] {
  const known = new Set(topicIds);
  const heights = new Map<string, number>();
  for (const n of [...notes].sort(byOrder)) {
    const topic = known.has(n.topic) ? n.topic : CROSS_CUTTING;
    heights.set(topic, (heights.get(topic) ?? 0) + stepRowHeight(n.text));
  }
  return [...heights].map(([topic, height]) => ({ topic, x: 0, y: Math.max(0, height - NOTE_H) }));
}

/** Where a dragged step lands: before the step under the pointer, or after it when past its middle. */
export function dropBefore(ids: readonly string[], dragged: string, target: string, afterMiddle: boolean): string | null | undefined {
  const i = ids.indexOf(target);
  if (i < 0 || !ids.includes(dragged) || target === dragged) return undefined;
  if (!afterMiddle) return target;
  return ids[i + 1] ?? null;
}
