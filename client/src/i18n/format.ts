/**
 * The message syntax of the dictionaries: `{name}` placeholders, and a small subset of ICU
 * MessageFormat for counts — `{count, plural, one {# note} few {# нотатки} many {# нотаток} other {# нотатки}}`
 * — because Ukrainian and Russian need three forms where English needs two, and a translator
 * should be able to add them without a code change. `#` in a branch is the formatted count;
 * `=0 {…}` matches one exact number. Numbers are formatted with Intl for the UI locale.
 */

export type Params = Record<string, string | number>;

/** The plural categories a dictionary must give for each plural block, in a fixed reading order. */
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

const cached = <T>(map: Map<string, T>, key: string, make: () => T): T => {
  let value = map.get(key);
  if (!value) map.set(key, (value = make()));
  return value;
};

export const numberFormat = (locale: string): Intl.NumberFormat =>
  cached(numberFormats, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));

/** The categories Intl uses for this locale's cardinal numbers (en: one, other; uk/ru: one, few, many, other). */
export function pluralCategories(locale: string): string[] {
  const found = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).resolvedOptions().pluralCategories;
  return CATEGORY_ORDER.filter((c) => found.includes(c));
}

const formatValue = (value: string | number, locale: string): string =>
  typeof value === 'number' ? numberFormat(locale).format(value) : value;

/** Index of the `}` that closes the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

type PluralBlock = { arg: string; branches: Map<string, string> };

/** `count, plural, one {…} other {…}` → its argument and branches; null if it is not one. */
function parsePlural(body: string): PluralBlock | null {
  const head = /^\s*(\w+)\s*,\s*plural\s*,/.exec(body);
  if (!head) return null;
  const branches = new Map<string, string>();
  let i = head[0].length;
  while (i < body.length) {
    const sel = /^\s*(=\d+|\w+)\s*\{/.exec(body.slice(i));
    if (!sel) break;
    const open = i + sel[0].length - 1;
    const close = closing(body, open);
    if (close < 0) return null;
    branches.set(sel[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  return branches.size > 0 && body.slice(i).trim() === '' ? { arg: head[1]!, branches } : null;
}

function pluralBranch(block: PluralBlock, value: number, locale: string): string | undefined {
  const exact = block.branches.get(`=${value}`);
  if (exact !== undefined) return exact;
  const category = cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(value);
  return block.branches.get(category) ?? block.branches.get('other');
}

/** Fills a message for a locale. Unknown or missing placeholders stay as written, so a gap shows. */
export function formatMessage(template: string, params: Params | undefined, locale: string, hash?: string): string {
  if (!template.includes('{') && (hash === undefined || !template.includes('#'))) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '#' && hash !== undefined) {
      out += hash;
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      i++;
      continue;
    }
    const end = closing(template, i);
    if (end < 0) {
      out += template.slice(i);
      break;
    }
    const body = template.slice(i + 1, end);
    const name = /^\s*(\w+)\s*$/.exec(body)?.[1];
    const plural = name ? null : parsePlural(body);
    if (name && params && name in params) {
      out += formatValue(params[name]!, locale);
    } else if (plural && params && plural.arg in params) {
      const value = Number(params[plural.arg]);
      const branch = pluralBranch(plural, value, locale);
      out += branch === undefined ? template.slice(i, end + 1) : formatMessage(branch, params, locale, numberFormat(locale).format(value));
    } else {
      out += template.slice(i, end + 1);
    }
    i = end + 1;
  }
  return out;
}

/** What a message needs: its placeholder names, and each plural block's selectors (for tests). */
export function describeMessage(template: string): { params: Set<string>; plurals: { arg: string; selectors: string[] }[] } {
  const params = new Set<string>();
  const plurals: { arg: string; selectors: string[] }[] = [];
  const walk = (text: string) => {
    for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
      const end = closing(text, i);
      if (end < 0) return;
      const body = text.slice(i + 1, end);
      const name = /^\s*(\w+)\s*$/.exec(body)?.[1];
      const plural = name ? null : parsePlural(body);
      if (name) params.add(name);
      if (plural) {
        params.add(plural.arg);
        plurals.push({ arg: plural.arg, selectors: [...plural.branches.keys()] });
        plural.branches.forEach(walk);
      }
      i = end;
    }
  };
  walk(template);
  return { params, plurals };
}
