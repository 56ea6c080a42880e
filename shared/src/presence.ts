import { cleanText, num, str } from './records/common';

/**
 * What one client publishes through awareness. Awareness states come from any peer, so they are
 * read through readPresence and never trusted as typed.
 */
export type Presence = {
  user: { name: string; color: string };
  /** The phase this person is looking at; cursors only show to people on the same phase. */
  phase: string;
  /** Board coordinates (not screen pixels), so every viewer can place it under their own zoom. */
  cursor: { x: number; y: number } | null;
  /** The note this person is typing in, if any. */
  editing: string | null;
};

const COLOR_RE = /^#[0-9a-fA-F]{6}$/;

export function readPresence(state: unknown): Presence | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as Record<string, unknown>;
  const user = (s.user ?? {}) as Record<string, unknown>;
  const cursor = s.cursor as Record<string, unknown> | null | undefined;
  const color = str(user.color);
  return {
    user: { name: cleanText(str(user.name), 80), color: COLOR_RE.test(color) ? color : '#888888' },
    phase: str(s.phase),
    cursor: cursor && typeof cursor === 'object' ? { x: num(cursor.x), y: num(cursor.y) } : null,
    editing: typeof s.editing === 'string' ? s.editing : null,
  };
}

// Distinct, readable on white and on every note colour.
export const PRESENCE_COLORS = ['#d1495b', '#00798c', '#edae49', '#66a182', '#8d5a97', '#2e4057', '#e76f51', '#3d5a80'];
