import { cleanText, NOTE_COLORS, PRESENCE_COLORS, type NoteColor } from '@wcb/shared';
import { readJson, writeJson, type KeyValueStore } from './storage';

/** This device's person: display name, cursor colour, and the colour of their last note. */
export type Prefs = { name: string; color: string; noteColor: NoteColor };

const KEY = 'wcb.prefs';
export const MAX_NAME = 40;

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)] ?? list[0]!;

/** "Guest 42": friendly, and distinct enough in a room of thirty. */
export const guestName = (random: () => number = Math.random): string => `Guest ${10 + Math.floor(random() * 90)}`;

export function loadPrefs(store: KeyValueStore, random: () => number = Math.random): Prefs {
  const raw = readJson<Partial<Record<keyof Prefs, unknown>>>(store, KEY, {});
  const name = typeof raw.name === 'string' ? cleanText(raw.name, MAX_NAME).trim() : '';
  const prefs: Prefs = {
    name: name || guestName(random),
    color: typeof raw.color === 'string' && PRESENCE_COLORS.includes(raw.color) ? raw.color : pick(PRESENCE_COLORS, random),
    noteColor: NOTE_COLORS.includes(raw.noteColor as NoteColor) ? (raw.noteColor as NoteColor) : 'yellow',
  };
  // Keep the generated guest name and colour, so this device is the same person tomorrow.
  if (prefs.name !== raw.name || prefs.color !== raw.color) writeJson(store, KEY, prefs);
  return prefs;
}

export function savePrefs(store: KeyValueStore, patch: Partial<Prefs>): Prefs {
  const next = { ...loadPrefs(store), ...patch };
  next.name = cleanText(next.name, MAX_NAME).trim() || guestName();
  writeJson(store, KEY, next);
  return next;
}
