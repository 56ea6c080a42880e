import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createRenderEffect, createRoot } from 'solid-js';
import { LANGUAGES } from '@wcb/shared';
import { en } from '../../client/src/i18n/en';
import { uk } from '../../client/src/i18n/uk';
import { ru } from '../../client/src/i18n/ru';
import { detectLocale, formatDateTime, formatPercent, locale, setLocale, t, type Dict } from '../../client/src/i18n';
import { describeMessage, formatMessage, pluralCategories } from '../../client/src/i18n/format';
import { formatNumber } from '../../client/src/views/forms/survey-summary';
import { loadPrefs, savedUiLanguage, savePrefs } from '../../client/src/lib/prefs';
import type { KeyValueStore } from '../../client/src/lib/storage';

const DICTS: Record<(typeof LANGUAGES)[number], Dict> = { en, uk, ru };
const translations = [
  ['uk', uk],
  ['ru', ru],
] as const;

afterEach(async () => {
  await setLocale('en');
});

describe('dictionaries', () => {
  it.each(translations)('%s has exactly the English keys', (_, dict) => {
    expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LANGUAGES)('%s has no empty messages', (lang) => {
    const empty = Object.entries(DICTS[lang]).filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(translations)('%s fills the same placeholders as English in every message', (_, dict) => {
    const differing = Object.keys(en)
      .map((key) => {
        const want = [...describeMessage(en[key as keyof typeof en]).params].sort();
        const got = [...describeMessage(dict[key as keyof typeof en] ?? '').params].sort();
        return { key, want, got };
      })
      .filter((d) => d.want.join() !== d.got.join());
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES)('every plural block in %s gives exactly the forms the language has', (lang) => {
    const want = pluralCategories(lang);
    const wrong = Object.entries(DICTS[lang]).flatMap(([key, text]) =>
      describeMessage(text)
        .plurals.map((p) => p.selectors.filter((s) => !s.startsWith('=')))
        .filter((selectors) => selectors.join() !== want.join())
        .map((selectors) => ({ key, selectors })),
    );
    expect(wrong).toEqual([]);
  });

  it.each(translations)('%s keeps the marker comments other areas add their keys under', (lang) => {
    const markers = (file: string) => readFileSync(new URL(`../../client/src/i18n/${file}.ts`, import.meta.url), 'utf8').match(/^ {2}\/\/ --- .+ ---$/gm) ?? [];
    expect(markers(lang).sort()).toEqual(markers('en').sort());
  });
});

describe('message format', () => {
  const votes = '{count, plural, one {# голос} few {# голоси} many {# голосів} other {# голосу}}';

  it('picks Ukrainian and Russian plural forms by the number: 1, 2–4, 5–20, 21, 111', () => {
    const uk = (n: number) => formatMessage(votes, { count: n }, 'uk');
    expect([1, 3, 5, 11, 21, 22, 25, 111].map(uk)).toEqual(['1 голос', '3 голоси', '5 голосів', '11 голосів', '21 голос', '22 голоси', '25 голосів', '111 голосів']);
    expect(formatMessage(ru['paste.add'], { count: 4 }, 'ru')).toBe('Добавить 4 заметки');
    expect(formatMessage(en['paste.add'], { count: 1 }, 'en')).toBe('Add 1 note');
    expect(formatMessage(en['paste.add'], { count: 7 }, 'en')).toBe('Add 7 notes');
  });

  it('fills placeholders inside a plural branch, an exact =0 branch, and numbers by locale', () => {
    expect(formatMessage('{n, plural, =0 {none} one {# in {where}} other {# in {where}}}', { n: 0, where: 'A' }, 'en')).toBe('none');
    expect(formatMessage('{n, plural, =0 {none} one {# in {where}} other {# in {where}}}', { n: 2, where: 'A' }, 'en')).toBe('2 in A');
    expect(formatMessage('{value} %', { value: 42.5 }, 'uk')).toBe('42,5 %');
    expect(formatMessage('{value} %', { value: 42.5 }, 'en')).toBe('42.5 %');
  });

  it('leaves a placeholder it has no value for as written, so a gap is visible', () => {
    expect(formatMessage('Hello {name}', {}, 'en')).toBe('Hello {name}');
    expect(formatMessage('Hello {name}', undefined, 'en')).toBe('Hello {name}');
    expect(formatMessage('a {b', { b: 1 }, 'en')).toBe('a {b');
  });
});

describe('interface language', () => {
  it('starts in the language this device picked, else the browser’s first we have, else English', () => {
    expect(detectLocale('ru', ['uk-UA'])).toBe('ru');
    expect(detectLocale(null, ['uk-UA', 'en-US'])).toBe('uk');
    expect(detectLocale(undefined, ['de-DE', 'ru-RU', 'uk'])).toBe('ru');
    expect(detectLocale('klingon', ['EN_gb'])).toBe('en');
    // Neighbouring languages are not guessed to be Russian.
    expect(detectLocale(null, ['be-BY', 'kk-KZ'])).toBe('en');
    expect(detectLocale(null, [])).toBe('en');
  });

  it('t() follows a switch inside a reactive root, and a disposed root stops following', async () => {
    const seen: string[] = [];
    const dispose = createRoot((dispose) => {
      createRenderEffect(() => seen.push(t('home.new')));
      return dispose;
    });
    expect(seen).toEqual(['New session']);
    await setLocale('uk');
    expect(seen).toEqual(['New session', 'Нова сесія']);
    expect(locale()).toBe('uk');
    dispose();
    await setLocale('ru');
    expect(seen).toEqual(['New session', 'Нова сесія']);
    expect(t('home.new')).toBe('Новая сессия');
  });

  it('the last switch wins when an earlier one is still loading', async () => {
    await Promise.all([setLocale('ru'), setLocale('uk')]);
    expect(locale()).toBe('uk');
    expect(t('board.undo')).toBe('Скасувати');
  });

  it('plural messages and numbers follow the interface language', async () => {
    expect(t('note.votes', { count: 5 })).toBe('5 dots');
    expect(formatNumber(66.66)).toBe('66.7');
    await setLocale('uk');
    expect(t('note.votes', { count: 5 })).toBe('5 голосів');
    expect(t('note.votes', { count: 2 })).toBe('2 голоси');
    expect(formatNumber(66.66)).toBe('66,7');
    await setLocale('ru');
    expect(t('survey.countMany', { n: 22 })).toBe('22 ответа');
  });

  it('dates and percentages are formatted by Intl for the interface language', async () => {
    const moment = Date.UTC(2026, 10, 24, 9, 30);
    const english = formatDateTime(moment, { month: 'long', timeZone: 'UTC' });
    await setLocale('uk');
    expect(formatDateTime(moment, { month: 'long', timeZone: 'UTC' })).toBe(new Intl.DateTimeFormat('uk', { month: 'long', timeZone: 'UTC' }).format(moment));
    expect(formatDateTime(moment, { month: 'long', timeZone: 'UTC' })).not.toBe(english);
    expect(formatPercent(0.5)).toBe(new Intl.NumberFormat('uk', { style: 'percent' }).format(0.5));
    await setLocale('ru');
    expect(formatPercent(1).replace(/\s/g, ' ')).toBe('100 %');
    await setLocale('en');
    expect(english).toBe('November');
    expect(formatPercent(1)).toBe('100%');
  });
});

describe('the language choice on this device', () => {
  const memory = (): KeyValueStore => {
    const map = new Map<string, string>();
    return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
  };

  it('is remembered with the other preferences, and read back without writing anything', () => {
    const store = memory();
    expect(savedUiLanguage(store)).toBeNull();
    expect(store.getItem('wcb.prefs')).toBeNull();
    savePrefs(store, { uiLanguage: 'uk' });
    expect(savedUiLanguage(store)).toBe('uk');
    expect(loadPrefs(store).uiLanguage).toBe('uk');
    store.setItem('wcb.prefs', JSON.stringify({ uiLanguage: 'de' }));
    expect(savedUiLanguage(store)).toBeNull();
  });

  it('a first visit in Ukrainian makes up a Ukrainian guest name', async () => {
    await setLocale('uk');
    expect(loadPrefs(memory(), () => 0.5, t('home.guest')).name).toBe('Гість 55');
    expect(savePrefs(memory(), { name: '  ' }, t('home.guest')).name).toMatch(/^Гість \d{2}$/);
  });
});
