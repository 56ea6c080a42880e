import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJoinInput } from '../../client/src/lib/join';
import { guestName, loadPrefs, savePrefs } from '../../client/src/lib/prefs';
import { loadRecent, MAX_RECENT, upsertRecent } from '../../client/src/lib/recent';
import { matchRoute, routePath } from '../../client/src/lib/router';
import type { KeyValueStore } from '../../client/src/lib/storage';
import { rebaseSelection } from '../../client/src/lib/text';
import { throttle } from '../../client/src/lib/throttle';

const ID = 'AbCdEfGhIjKlMnOpQrStUv';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('router', () => {
  it('matches the home page and boards; anything else goes home', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute(`/s/${ID}`)).toEqual({ name: 'board', sessionId: ID });
    expect(matchRoute(`/s/${ID}/`)).toEqual({ name: 'board', sessionId: ID });
    expect(matchRoute('/s/short')).toEqual({ name: 'home' });
    expect(matchRoute(`/s/${ID}/extra`)).toEqual({ name: 'home' });
    expect(matchRoute('/s/%3Cscript%3E')).toEqual({ name: 'home' });
    expect(routePath({ name: 'board', sessionId: ID })).toBe(`/s/${ID}`);
  });
});

describe('join input', () => {
  it('accepts board links from any host, and bare ids', () => {
    expect(parseJoinInput(`https://cafe.example.org/s/${ID}`)).toBe(ID);
    expect(parseJoinInput(`  http://localhost:8080/s/${ID}?x=1#phase=a `)).toBe(ID);
    expect(parseJoinInput(`cafe.example.org/s/${ID}/`)).toBe(ID);
    expect(parseJoinInput(ID)).toBe(ID);
  });

  it('rejects anything else', () => {
    expect(parseJoinInput('')).toBeNull();
    expect(parseJoinInput('hello world')).toBeNull();
    expect(parseJoinInput('https://example.org/s/abc')).toBeNull();
    expect(parseJoinInput(`https://example.org/x/${ID}`)).toBeNull();
  });
});

describe('prefs', () => {
  it('makes up a guest name and colour once, and keeps them', () => {
    const store = memoryStore();
    const first = loadPrefs(store, () => 0.5);
    expect(first.name).toBe(guestName(() => 0.5));
    expect(first.name).toMatch(/^Guest \d{2}$/);
    expect(loadPrefs(store, () => 0.1)).toEqual(first);
  });

  it('saves a cleaned name; an empty one falls back to a guest name', () => {
    const store = memoryStore();
    expect(savePrefs(store, { name: '  Олена\u0000 ' }).name).toBe('Олена');
    expect(loadPrefs(store).name).toBe('Олена');
    expect(savePrefs(store, { name: '   ' }).name).toMatch(/^Guest/);
    expect(savePrefs(store, { noteColor: 'blue' }).noteColor).toBe('blue');
  });

  it('a guest is nobody who chose a name: their name follows the interface language, and they have not been asked', () => {
    const store = memoryStore();
    const first = loadPrefs(store, () => 0.5, 'Гість');
    expect(first).toMatchObject({ name: 'Гість 55', chosenName: '', guest: 55, asked: false });
    expect(loadPrefs(store, Math.random, 'Guest').name).toBe('Guest 55');
    expect(savePrefs(store, { asked: true }, 'Гость')).toMatchObject({ name: 'Гость 55', asked: true });
    // Typing a guest name, in any language, is no choice either.
    expect(savePrefs(store, { name: 'Guest 55' }, 'Гість').chosenName).toBe('');
    expect(savePrefs(store, { name: 'Олена' }, 'Гість')).toMatchObject({ name: 'Олена', chosenName: 'Олена', asked: true });
  });

  it('reads what earlier versions stored: a made-up guest name keeps its number, a chosen name counts as asked', () => {
    const store = memoryStore();
    store.setItem('wcb.prefs', JSON.stringify({ name: 'Guest 88', color: '#d1495b' }));
    expect(loadPrefs(store, Math.random, 'Гість')).toMatchObject({ name: 'Гість 88', chosenName: '', guest: 88, asked: false, color: '#d1495b' });
    const other = memoryStore();
    other.setItem('wcb.prefs', JSON.stringify({ name: 'Taras' }));
    expect(loadPrefs(other)).toMatchObject({ name: 'Taras', chosenName: 'Taras', asked: true });
  });

  it('survives garbage in storage', () => {
    const store = memoryStore();
    store.setItem('wcb.prefs', '{not json');
    expect(loadPrefs(store).noteColor).toBe('yellow');
    store.setItem('wcb.prefs', JSON.stringify({ name: 42, color: 'red', noteColor: 'plaid' }));
    const prefs = loadPrefs(store);
    expect(prefs.name).toMatch(/^Guest/);
    expect(prefs.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(prefs.noteColor).toBe('yellow');
  });
});

describe('recent sessions', () => {
  it('lists newest first, updates in place and never forgets a registration', () => {
    const store = memoryStore();
    const other = 'ZyXwVuTsRqPoNmLkJiHgFe';
    upsertRecent(store, { id: ID, title: 'First', openedAt: 1000 });
    upsertRecent(store, { id: other, title: 'Second', openedAt: 2000, registered: true });
    expect(loadRecent(store).map((r) => r.id)).toEqual([other, ID]);
    upsertRecent(store, { id: ID, openedAt: 3000, registered: true });
    upsertRecent(store, { id: ID, title: 'Renamed', registered: false });
    expect(loadRecent(store)).toEqual([
      { id: ID, title: 'Renamed', openedAt: 3000, registered: true },
      { id: other, title: 'Second', openedAt: 2000, registered: true },
    ]);
  });

  it('keeps at most MAX_RECENT and drops malformed entries', () => {
    const store = memoryStore();
    for (let i = 0; i < MAX_RECENT + 5; i++) upsertRecent(store, { id: `session-${String(i).padStart(4, '0')}`, title: `${i}`, openedAt: i });
    const list = loadRecent(store);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.title).toBe(String(MAX_RECENT + 4));
    store.setItem('wcb.recent', JSON.stringify([{ id: '../../etc', title: 'x', openedAt: 1 }, null, { id: ID, title: 'ok', openedAt: 2 }]));
    expect(loadRecent(store).map((r) => r.id)).toEqual([ID]);
  });
});

describe('rebaseSelection', () => {
  it('keeps the caret before a remote insertion and shifts it after one', () => {
    expect(rebaseSelection('hello world', 'hello big world', 3, 3)).toEqual([3, 3]);
    expect(rebaseSelection('hello world', 'hello big world', 8, 8)).toEqual([12, 12]);
  });

  it('moves a caret inside a replaced span to its end, and follows deletions', () => {
    expect(rebaseSelection('abcdef', 'abXYef', 3, 3)).toEqual([4, 4]);
    expect(rebaseSelection('abcdef', 'abef', 5, 6)).toEqual([3, 4]);
    expect(rebaseSelection('same', 'same', 2, 4)).toEqual([2, 4]);
  });

  it('keeps the caret in place when text is inserted right at it', () => {
    // Ambiguous with repeated characters; either way the caret must not jump ahead of what I typed.
    expect(rebaseSelection('aaa', 'aaaa', 3, 3)).toEqual([3, 3]);
    expect(rebaseSelection('ab', 'aXb', 1, 1)).toEqual([1, 1]);
    expect(rebaseSelection('', 'text', 0, 0)).toEqual([0, 0]);
  });
});

describe('throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and the latest of the rest once per interval', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const fn = throttle((v: number) => calls.push(v), 30);
    fn(1);
    fn(2);
    fn(3);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(30);
    expect(calls).toEqual([1, 3]);
    fn(4);
    fn.cancel();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([1, 3]);
    fn(5);
    fn(6);
    fn.flush();
    expect(calls).toEqual([1, 3, 5, 6]);
  });
});
