import { cleanText, num, str } from './records/common';

/**
 * What one client publishes through awareness. Awareness states come from any peer, so they are
 * read through readPresence and never trusted as typed.
 */
export type Presence = {
  user: {
    name: string;
    /** The colour this device picked for itself; boards draw people in `assignColors`' colours instead. */
    color: string;
    /**
     * The person: one id per device (its tabs and rooms share it), so two tabs are one person.
     * '' from a client that predates it.
     */
    id: string;
    /**
     * A person who gave no name is "Guest <number>": the number travels instead of the words, so
     * every board says it in its own interface language. Null for a chosen name.
     */
    guest: number | null;
  };
  /** The phase this person is looking at; cursors only show to people on the same phase. */
  phase: string;
  /** Board coordinates (not screen pixels), so every viewer can place it under their own zoom. */
  cursor: { x: number; y: number } | null;
  /** The note this person is typing in, if any. */
  editing: string | null;
};

const COLOR_RE = /^#[0-9a-fA-F]{6}$/;
export const PERSON_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_GUEST = 999;

export function readPresence(state: unknown): Presence | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as Record<string, unknown>;
  const user = (s.user ?? {}) as Record<string, unknown>;
  const cursor = s.cursor as Record<string, unknown> | null | undefined;
  const color = str(user.color);
  const id = str(user.id);
  const guest = user.guest;
  return {
    user: {
      name: cleanText(str(user.name), 80),
      color: COLOR_RE.test(color) ? color : '#888888',
      id: PERSON_ID_RE.test(id) ? id : '',
      guest: typeof guest === 'number' && Number.isInteger(guest) && guest >= 0 && guest <= MAX_GUEST ? guest : null,
    },
    phase: str(s.phase),
    cursor: cursor && typeof cursor === 'object' ? { x: num(cursor.x), y: num(cursor.y) } : null,
    editing: typeof s.editing === 'string' ? s.editing : null,
  };
}

// Distinct, readable on white and on every note colour.
export const PRESENCE_COLORS = [
  '#d1495b',
  '#00798c',
  '#edae49',
  '#66a182',
  '#8d5a97',
  '#2e4057',
  '#e76f51',
  '#3d5a80',
  '#b5179e',
  '#8c5e2a',
  '#4ea8de',
  '#a7c957',
];

// FNV-1a: a fixed, cheap spread of ids over the palette (not a security measure).
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const hex2 = (v: number): string => Math.round(v * 255).toString(16).padStart(2, '0');

/** Past the palette: hues a golden angle apart, so even a large room gets no two colours alike. */
function extraColor(k: number): string {
  const hue = (k * 137.508) % 360;
  const [s, l] = [0.55, 0.45];
  const f = (n: number) => {
    const a = (n + hue / 30) % 12;
    return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(a - 3, 9 - a, 1));
  };
  return `#${hex2(f(0))}${hex2(f(8))}${hex2(f(4))}`;
}

/**
 * A colour for each person present, different for every two of them (up to the palette's size,
 * then generated hues), and the same on every board that sees the same people: each id has a
 * preferred colour (its hash), and people are served in hash order, a taken colour passing to the
 * next free one. A person keeps their colour as others come and go unless a newcomer wants the
 * same one and comes first in that order.
 */
export function assignColors(ids: Iterable<string>, palette: readonly string[] = PRESENCE_COLORS): Map<string, string> {
  const people = [...new Set(ids)].map((id) => ({ id, hash: hashOf(id) }));
  people.sort((a, b) => a.hash - b.hash || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<number>();
  const out = new Map<string, string>();
  let extra = 0;
  for (const { id, hash } of people) {
    let slot = -1;
    for (let i = 0; i < palette.length && slot < 0; i++) {
      const at = (hash + i) % palette.length;
      if (!taken.has(at)) slot = at;
    }
    if (slot >= 0) {
      taken.add(slot);
      out.set(id, palette[slot]!);
    } else {
      out.set(id, extraColor(extra++));
    }
  }
  return out;
}
