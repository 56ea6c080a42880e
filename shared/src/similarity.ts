import { resolveHeads } from './clusters';
import { byOrder } from './records/common';
import type { Note } from './records/note';

/**
 * Suggestions of notes that say the same thing ("Конкуренція" written at four tables), so the
 * facilitator can stack them in one gesture. Only ever suggestions: merging notes is a judgement
 * call, and a wrong automatic merge would silently hide someone's contribution.
 */

// Letters that look alike in Latin and Cyrillic. A board typed on mixed keyboard layouts is full
// of "Дoвiра" with a Latin o and i; within a mostly-Cyrillic word they can only mean Cyrillic.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;
const LATIN_RE = /\p{Script=Latin}/u;

// Inflection endings of Ukrainian and Russian in one list (a word is rarely both and the two
// languages share most endings), longest first so "-ості" wins over "-і".
const CYRILLIC_ENDINGS = [
  'ость', 'ости', 'ість', 'ості',
  'ами', 'ями', 'ого', 'ому', 'ими',
  'ія', 'ії', 'ій', 'ою', 'ом', 'ем', 'ам', 'ах', 'ях', 'ям', 'ия', 'ии', 'ий', 'ой', 'ие', 'ых', 'их', 'ів', 'ов', 'ей', 'ої',
  'и', 'і', 'а', 'у', 'ю', 'ы', 'я', 'е', 'о', 'ь',
];

/** Words of up to this many letters are left whole: their endings are too much of the word. */
const MIN_STEM_WORD = 5;
const MIN_STEM = 3;

function unifyScript(token: string): string {
  const letters = Array.from(token);
  const cyrillic = letters.filter((ch) => CYRILLIC_RE.test(ch)).length;
  const latin = letters.filter((ch) => LATIN_RE.test(ch)).length;
  const map = cyrillic > latin ? LATIN_TO_CYRILLIC : latin > cyrillic ? CYRILLIC_TO_LATIN : null;
  return map ? letters.map((ch) => map[ch] ?? ch).join('') : token;
}

function stemCyrillic(token: string): string {
  for (const ending of CYRILLIC_ENDINGS) {
    if (token.endsWith(ending) && token.length - ending.length >= MIN_STEM) return token.slice(0, -ending.length);
  }
  return token;
}

function stemEnglish(token: string): string {
  // Plural first, so "meetings" and "meeting" both end up as "meet".
  // "boxes" -> "box" but "notes" -> "note"; "process" keeps its double s.
  let out = /(s|x|z|ch|sh)es$/.test(token) ? token.slice(0, -2) : /[^s]s$/.test(token) ? token.slice(0, -1) : token;
  for (const ending of ['ing', 'ed']) {
    if (out.endsWith(ending) && out.length - ending.length >= MIN_STEM) out = out.slice(0, -ending.length);
  }
  return out;
}

function stem(token: string): string {
  if (Array.from(token).length < MIN_STEM_WORD) return token;
  if (CYRILLIC_RE.test(token)) return stemCyrillic(token);
  if (/^[a-z]+$/.test(token)) return stemEnglish(token);
  return token;
}

/**
 * A comparison key for a note's text: equal keys mean "probably the same idea". Case, punctuation,
 * quotes, dashes, spacing, look-alike letters from the other alphabet, common word endings and
 * word order do not matter. '' when the text has no words at all.
 */
export function matchKey(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    // Stress marks and other combining marks NFKC could not fold into a letter.
    .replace(/\p{M}/gu, '')
    .replace(/ё/g, 'е')
    // An apostrophe belongs to the word (зв'язок), other punctuation separates words.
    .replace(/['’ʼ`‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => stem(unifyScript(w)));
  return [...new Set(words)].sort().join(' ');
}

export type ClusterSuggestion = { key: string; topic: string; noteIds: string[] };

/**
 * Groups of two or more notes of one cell with equal keys, leaving out groups that already lie in
 * one stack. Ordered by topic, then by the group's first note, so the list does not jump around.
 */
export function suggestClusters(notes: readonly Note[]): ClusterSuggestion[] {
  const heads = resolveHeads(notes);
  const groups = new Map<string, Note[]>();
  for (const note of [...notes].sort(byOrder)) {
    const key = matchKey(note.text);
    if (!key) continue;
    const cell = JSON.stringify([note.phase, note.topic, key]);
    const group = groups.get(cell);
    if (group) group.push(note);
    else groups.set(cell, [note]);
  }
  const out: (ClusterSuggestion & { first: Note })[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    if (new Set(group.map((n) => heads.get(n.id))).size === 1) continue;
    const first = group[0]!;
    out.push({ key: matchKey(first.text), topic: first.topic, noteIds: group.map((n) => n.id), first });
  }
  return out
    .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : byOrder(a.first, b.first)))
    .map(({ key, topic, noteIds }) => ({ key, topic, noteIds }));
}
