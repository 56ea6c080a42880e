import { CROSS_CUTTING, type Note } from '@wcb/shared';

/** A column's chart shows its leaders; the full counts are on the notes themselves. */
export const VOTE_BARS_LIMIT = 5;
/** One row of the chart, in board units (the chart lives in the board's world, zoomed with it). */
export const VOTE_BAR_ROW_H = 22;
/** The chart's padding and border above and below its rows (canvas.css `.vote-bars`). */
export const VOTE_BARS_CHROME = 18;
/** Between the chart and the header of the column it floats above. */
export const VOTE_BARS_GAP = 8;

export type VoteRow = { note: Note; votes: number };

/** The `limit` notes with the most dots, most first; ties go to the older note. Notes with none are left out. */
export function topNotes(notes: readonly Note[], counts: ReadonlyMap<string, number>, limit: number): VoteRow[] {
  return notes
    .map((note) => ({ note, votes: counts.get(note.id) ?? 0 }))
    .filter((r) => r.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.note.createdAt - b.note.createdAt || (a.note.id < b.note.id ? -1 : 1))
    .slice(0, Math.max(0, limit));
}

/**
 * How far above the columns the tallest chart reaches, in board units (0 when no column has one):
 * charts float above their column, outside the layout, and the projector must frame them too.
 */
export function voteBarsReach(notes: readonly Note[], counts: ReadonlyMap<string, number>): number {
  const voted = new Map<string, number>();
  for (const note of notes) {
    if (note.topic !== CROSS_CUTTING && (counts.get(note.id) ?? 0) > 0) voted.set(note.topic, (voted.get(note.topic) ?? 0) + 1);
  }
  const rows = Math.min(VOTE_BARS_LIMIT, Math.max(0, ...voted.values()));
  return rows === 0 ? 0 : VOTE_BARS_CHROME + rows * VOTE_BAR_ROW_H + VOTE_BARS_GAP;
}
