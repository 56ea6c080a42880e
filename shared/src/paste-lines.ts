import { cleanText } from './records/common';
import { MAX_NOTE_TEXT } from './records/note';

// One paste makes at most this many notes: a whole wall of a café, not an accidental novel.
export const MAX_PASTED_NOTES = 300;

// List markers people paste from documents and chats: "- ", "• ", "* ", "1. ", "2) ", "a) ".
const MARKER = /^\s*(?:[-–—•*·▪◦]|\d{1,3}[.)]|[a-zа-яіїєґ][.)])\s+/iu;

/**
 * Text pasted into a column → one note text per non-empty line, list markers removed, each line
 * cleaned and bounded. Throws when the paste would make more than MAX_PASTED_NOTES notes, so a
 * wrong clipboard never half-fills a board.
 */
const rawLines = (text: string): string[] =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(MARKER, '').trim());

export function linesToNotes(text: string): string[] {
  const lines = rawLines(text)
    .map((line) => cleanText(line, MAX_NOTE_TEXT))
    .filter((line) => line.length > 0);
  if (lines.length > MAX_PASTED_NOTES) {
    throw new Error(`That paste has ${lines.length} lines; at most ${MAX_PASTED_NOTES} become notes at once.`);
  }
  return lines;
}

/** How many lines are longer than a note holds (they are cut to MAX_NOTE_TEXT): said before adding. */
export const overlongLines = (text: string): number =>
  rawLines(text).filter((line) => cleanText(line, Number.MAX_SAFE_INTEGER).length > MAX_NOTE_TEXT).length;
