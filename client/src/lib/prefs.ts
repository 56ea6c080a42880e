import { cleanText, isLanguage, NOTE_COLORS, PRESENCE_COLORS, type Language, type NoteColor } from '@wcb/shared';
import { readJson, writeJson, type KeyValueStore } from './storage';

/**
 * This device's person: display name, cursor colour, the colour of their last note, and the
 * language they picked for the interface (null: follow the browser's).
 */
export type Prefs = {
  /** What to show: the chosen name, else "Guest <guest>" in the interface language. */
  name: string;
  /** The name this person typed; '' while they have not chosen one. */
  chosenName: string;
  /** The number of this device's guest name ("Гість 42"), kept so it is the same person tomorrow. */
  guest: number;
  /** The board has asked for a name (answered or skipped), or one was given on the home page. */
  asked: boolean;
  color: string;
  noteColor: NoteColor;
  uiLanguage: Language | null;
  /** The high-contrast theme, chosen on this device; null: as the system asks (prefers-contrast). */
  highContrast: boolean | null;
};

type Stored = Omit<Prefs, 'name'>;

const KEY = 'wcb.prefs';
export const MAX_NAME = 40;

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)] ?? list[0]!;

const guestNumber = (random: () => number): number => 10 + Math.floor(random() * 90);

/**
 * "Guest 42" ("Гість 42" with the word in the interface language): friendly, and distinct enough
 * in a room of thirty. The word is a parameter because this module knows no language.
 */
export const guestName = (random: () => number = Math.random, word = 'Guest'): string => `${word} ${guestNumber(random)}`;

// A guest name as earlier versions stored it, in any interface language: not a chosen name.
const STORED_GUEST_RE = /^(?:Guest|Гість|Гость) (\d{1,3})$/;

// The word of a guest name, from the interface (main.tsx sets it to t('home.guest')), so that a
// guest's name follows a language switch. English until then, and in unit tests.
let guestWordOf: () => string = () => 'Guest';

/** Where the word "Guest" comes from; called once at start with the interface's translation. */
export function setGuestWord(word: () => string): void {
  guestWordOf = word;
}

/** The interface language this device picked, read without writing anything (before the first render). */
export function savedUiLanguage(store: KeyValueStore): Language | null {
  const raw = readJson<unknown>(store, KEY, null);
  const value = raw && typeof raw === 'object' ? (raw as { uiLanguage?: unknown }).uiLanguage : undefined;
  return isLanguage(value) ? value : null;
}

/** A name as typed: cleaned, and '' for nothing or for a guest name (which is no choice). */
const chosen = (name: unknown): string => {
  const clean = typeof name === 'string' ? cleanText(name, MAX_NAME).trim() : '';
  return STORED_GUEST_RE.test(clean) ? '' : clean;
};

function readStored(raw: Partial<Record<keyof Prefs, unknown>>, random: () => number): Stored {
  // Before names were asked, the device's name was stored whole, a made-up guest name included.
  const legacy = !('chosenName' in raw);
  const legacyGuest = legacy && typeof raw.name === 'string' ? STORED_GUEST_RE.exec(raw.name.trim()) : null;
  const chosenName = chosen(legacy ? raw.name : raw.chosenName);
  const guest = legacyGuest ? Number(legacyGuest[1]) : raw.guest;
  return {
    chosenName,
    guest: typeof guest === 'number' && Number.isInteger(guest) && guest >= 0 && guest <= 999 ? guest : guestNumber(random),
    asked: raw.asked === true || (legacy && chosenName !== ''),
    color: typeof raw.color === 'string' && PRESENCE_COLORS.includes(raw.color) ? raw.color : pick(PRESENCE_COLORS, random),
    noteColor: NOTE_COLORS.includes(raw.noteColor as NoteColor) ? (raw.noteColor as NoteColor) : 'yellow',
    uiLanguage: isLanguage(raw.uiLanguage) ? raw.uiLanguage : null,
    highContrast: typeof raw.highContrast === 'boolean' ? raw.highContrast : null,
  };
}

const withName = (stored: Stored, word: string): Prefs => ({ ...stored, name: stored.chosenName || `${word} ${stored.guest}` });

export function loadPrefs(store: KeyValueStore, random: () => number = Math.random, guestWord: string = guestWordOf()): Prefs {
  const raw = readJson<Partial<Record<keyof Prefs, unknown>>>(store, KEY, {});
  const stored = readStored(raw && typeof raw === 'object' ? raw : {}, random);
  // Keep the generated guest number and colour, so this device is the same person tomorrow.
  if (stored.guest !== raw.guest || stored.color !== raw.color || stored.chosenName !== raw.chosenName) writeJson(store, KEY, stored);
  return withName(stored, guestWord);
}

/**
 * `name`: what the person typed; an empty one (or a guest name) leaves them a guest. A chosen
 * name counts as having been asked.
 */
export function savePrefs(store: KeyValueStore, patch: Partial<Omit<Prefs, 'chosenName' | 'guest'>>, guestWord: string = guestWordOf()): Prefs {
  const { name, ...rest } = patch;
  const next: Stored = { ...loadPrefs(store, Math.random, guestWord), ...rest };
  delete (next as Partial<Prefs>).name;
  if (name !== undefined) {
    next.chosenName = chosen(name);
    if (next.chosenName) next.asked = true;
  }
  writeJson(store, KEY, next);
  return withName(next, guestWord);
}
