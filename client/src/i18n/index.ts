import { batch, createSignal } from 'solid-js';
import { translator } from '@solid-primitives/i18n';
import { isLanguage, type Language } from '@wcb/shared';
import { en, type MessageKey } from './en';
import { formatMessage, numberFormat, type Params } from './format';

export type { MessageKey };
export type { Params };
/** A complete dictionary: a missing key in a translation is a type error. */
export type Dict = Record<MessageKey, string>;

// English ships in the first chunk (it is the fallback); Ukrainian and Russian are separate
// chunks so nobody downloads three languages, and main.tsx awaits the one it needs before the
// first render so a Ukrainian user never sees English flash by.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Dict>> = {
  uk: () => import('./uk').then((m) => m.uk),
  ru: () => import('./ru').then((m) => m.ru),
};
const loaded = new Map<Language, Dict>([['en', en]]);

const [locale, setLocaleSignal] = createSignal<Language>('en');
const [dict, setDict] = createSignal<Dict>(en);

/** The interface language. Reading it (or calling t) in a tracking scope re-runs on a switch. */
export { locale };

// eslint-disable-next-line solid/reactivity -- the translator reads dict() and locale() on every call, so t() in JSX tracks both.
const translate = translator(dict, ((template: string, params?: Params) => formatMessage(template, params, locale())) as never);

/** A UI string in the current language, with {placeholders} and plural blocks filled in. */
export function t(key: MessageKey, params?: Params): string {
  return (translate(key, params as never) as string | undefined) ?? formatMessage(en[key], params, 'en');
}

let requested: Language = 'en';

/**
 * Switches the interface language: loads its dictionary first, so the switch is one update with
 * no half-English frame. If the chunk cannot load (offline before it was ever cached) the current
 * language stays. A later call wins over a slower earlier one.
 */
export async function setLocale(next: Language): Promise<void> {
  requested = next;
  let messages = loaded.get(next);
  if (!messages) {
    try {
      messages = await loaders[next as Exclude<Language, 'en'>]();
      loaded.set(next, messages);
    } catch (e) {
      console.warn(`Language ${next} could not be loaded:`, e);
      return;
    }
  }
  if (requested !== next) return;
  batch(() => {
    setDict(() => messages);
    setLocaleSignal(next);
  });
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/**
 * The language to start in: the one this device picked, else the first of the browser's
 * languages we have (by primary subtag: uk-UA → uk), else English. Deliberately no mapping of
 * neighbouring languages (be, kk) onto Russian: English is the neutral fallback.
 */
export function detectLocale(saved: unknown, browserLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.split(/[-_]/)[0]!.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as date and time for the UI locale ("24 лист. 2026 р., 09:30"). */
export function formatDateTime(ms: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale(), options)));
  return format.format(ms);
}

/** A number for the UI locale, at most one decimal ("42,5" in Ukrainian). */
export const formatNumber = (n: number): string => numberFormat(locale()).format(n);

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A fraction as a whole percentage for the UI locale (1 → "100%", "100 %" in Ukrainian). */
export function formatPercent(fraction: number): string {
  let format = percentFormats.get(locale());
  if (!format) percentFormats.set(locale(), (format = new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 })));
  return format.format(fraction);
}
