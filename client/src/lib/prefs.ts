import { cleanText, isLanguage, NOTE_COLORS, PRESENCE_COLORS, type Language, type NoteColor } from '@wcb/shared';
import { readJson, writeJson, type KeyValueStore } from './storage';

/**
 * This device's person: display name, cursor colour, the colour of their last note, and the
 * language they picked for the interface (null: follow the browser's).
 */
export type Prefs = {
  name: string;
  color: string;
  noteColor: NoteColor;
  uiLanguage: Language | null;
  /** The high-contrast theme, chosen on this device; null: as the system asks (prefers-contrast). */
  highContrast: boolean | null;
};

const KEY = 'wcb.prefs';
export const MAX_NAME = 40;

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)] ?? list[0]!;

/**
 * "Guest 42" ("Гість 42" with the word in the interface language): friendly, and distinct enough
 * in a room of thirty. The word is a parameter because this module knows no language.
 */
export const guestName = (random: () => number = Math.random, word = 'Guest'): string => `${word} ${10 + Math.floor(random() * 90)}`;

/** The interface language this device picked, read without writing anything (before the first render). */
export function savedUiLanguage(store: KeyValueStore): Language | null {
  const raw = readJson<unknown>(store, KEY, null);
  const value = raw && typeof raw === 'object' ? (raw as { uiLanguage?: unknown }).uiLanguage : undefined;
  return isLanguage(value) ? value : null;
}

export function loadPrefs(store: KeyValueStore, random: () => number = Math.random, guestWord?: string): Prefs {
  const raw = readJson<Partial<Record<keyof Prefs, unknown>>>(store, KEY, {});
  const name = typeof raw.name === 'string' ? cleanText(raw.name, MAX_NAME).trim() : '';
  const prefs: Prefs = {
    name: name || guestName(random, guestWord),
    color: typeof raw.color === 'string' && PRESENCE_COLORS.includes(raw.color) ? raw.color : pick(PRESENCE_COLORS, random),
    noteColor: NOTE_COLORS.includes(raw.noteColor as NoteColor) ? (raw.noteColor as NoteColor) : 'yellow',
    uiLanguage: isLanguage(raw.uiLanguage) ? raw.uiLanguage : null,
    highContrast: typeof raw.highContrast === 'boolean' ? raw.highContrast : null,
  };
  // Keep the generated guest name and colour, so this device is the same person tomorrow.
  if (prefs.name !== raw.name || prefs.color !== raw.color) writeJson(store, KEY, prefs);
  return prefs;
}

export function savePrefs(store: KeyValueStore, patch: Partial<Prefs>, guestWord?: string): Prefs {
  const next = { ...loadPrefs(store, Math.random, guestWord), ...patch };
  next.name = cleanText(next.name, MAX_NAME).trim() || guestName(Math.random, guestWord);
  writeJson(store, KEY, next);
  return next;
}
