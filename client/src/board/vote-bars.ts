import type { Note } from '@wcb/shared';

export type VoteRow = { note: Note; votes: number };

/** The `limit` notes with the most dots, most first; ties go to the older note. Notes with none are left out. */
export function topNotes(notes: readonly Note[], counts: ReadonlyMap<string, number>, limit: number): VoteRow[] {
  return notes
    .map((note) => ({ note, votes: counts.get(note.id) ?? 0 }))
    .filter((r) => r.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.note.createdAt - b.note.createdAt || (a.note.id < b.note.id ? -1 : 1))
    .slice(0, Math.max(0, limit));
}
