import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, controlRoom, initPhaseDoc, phaseMaps, phaseRoom, readNotes, SESSION_ID_RE } from '@wcb/shared';
import { makeRoom, preloadRoom, type Room } from '../../client/src/sync/room';
import { guessPhase, preloadBoard } from '../../client/src/sync/preload-board';
import { lastPhase, rememberPhase } from '../../client/src/sync/last-phase';
import type { KeyValueStore } from '../../client/src/lib/storage';

// Rooms connect once loaded: here to a socket that never opens (these tests are about IndexedDB).
const NOWHERE = 'ws://127.0.0.1:9/ws';
class NeverOpens {
  static made = 0;
  static onMade: (() => void) | null = null;
  constructor() {
    NeverOpens.made++;
    NeverOpens.onMade?.();
  }
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen = null;
  onclose = null;
  onerror = null;
  onmessage = null;
  send(): void {}
  close(): void {
    this.readyState = 3;
  }
}
const globals = globalThis as { WebSocket?: unknown; localStorage?: unknown };
const hadWebSocket = 'WebSocket' in globals;
beforeAll(() => {
  if (!hadWebSocket) globals.WebSocket = NeverOpens;
});
afterAll(() => {
  if (!hadWebSocket) delete globals.WebSocket;
});

let counter = 0;
const sessionId = () => `preload${String(++counter).padStart(8, '0')}${Date.now()}`.slice(0, 32);

/** Stores a phase with `count` notes in IndexedDB, as an earlier visit would have. */
async function storePhase(name: string, count: number): Promise<void> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  initPhaseDoc(doc, 'session-0001', 'ideal');
  doc.transact(() => {
    for (let i = 0; i < count; i++) addNote(doc, { topic: 'government', text: `idea ${i}` }, i, `n${i}`);
  });
  await persistence.destroy();
}

/** What IndexedDB holds for a room, read the way a fresh visit would. */
async function storedNotes(name: string): Promise<string[]> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  return readNotes(doc).map((n) => n.text);
}

const loadedRoom = (room: Room): Promise<void> =>
  new Promise((resolve) => {
    if (room.state().loaded) return resolve();
    const off = room.subscribe((s) => {
      if (!s.loaded) return;
      off();
      resolve();
    });
  });

describe('reading a room from IndexedDB ahead of the board', () => {
  it('hands a room read ahead to the room made later, whole at once and still saving edits', async () => {
    const name = phaseRoom(sessionId(), 'ideal');
    await storePhase(name, 50);
    const preload = preloadRoom(name);
    await preload.ready;

    const room = makeRoom(name, { url: NOWHERE });
    // No wait: the notes were read before the room was made.
    expect(phaseMaps(room.doc).notes.size).toBe(50);
    addNote(room.doc, { topic: 'community', text: 'written after opening' }, 99, 'later');
    await loadedRoom(room);
    room.dispose();
    expect(await storedNotes(name)).toContain('written after opening');
    expect(await storedNotes(name)).toHaveLength(51);
  });

  it('keeps a note written while the room is still loading from IndexedDB', async () => {
    const name = phaseRoom(sessionId(), 'ideal');
    await storePhase(name, 20);
    const room = makeRoom(name, { url: NOWHERE });
    // Before the stored updates have been read and applied.
    addNote(room.doc, { topic: 'community', text: 'written before the load' }, 99, 'early');
    await loadedRoom(room);
    expect(phaseMaps(room.doc).notes.size).toBe(21);
    addNote(room.doc, { topic: 'community', text: 'written after the load' }, 100, 'late');
    room.dispose();
    const texts = await storedNotes(name);
    expect(texts).toHaveLength(22);
    expect(texts).toEqual(expect.arrayContaining(['written before the load', 'written after the load', 'idea 0']));
  });

  it('drops a read nobody took, leaving what is stored as it was', async () => {
    const name = phaseRoom(sessionId(), 'ideal');
    await storePhase(name, 10);
    const preload = preloadRoom(name);
    await preload.ready;
    preload.drop();
    const room = makeRoom(name, { url: NOWHERE });
    await loadedRoom(room);
    expect(phaseMaps(room.doc).notes.size).toBe(10);
    room.dispose();
    expect(await storedNotes(name)).toHaveLength(10);
  });

  it('connects only after what IndexedDB held could be drawn', async () => {
    const name = phaseRoom(sessionId(), 'ideal');
    await storePhase(name, 5);
    const before = NeverOpens.made;
    const connecting = new Promise<void>((resolve) => (NeverOpens.onMade = resolve));
    const room = makeRoom(name, { url: NOWHERE });
    await loadedRoom(room);
    // Loaded, drawn next, and only then the socket (and the other tabs' sync) starts.
    expect(NeverOpens.made).toBe(before);
    await connecting;
    expect(NeverOpens.made).toBe(before + 1);
    NeverOpens.onMade = null;
    room.dispose();
  });

  it('connects at once when nothing was stored (a first visit has nothing to draw first)', async () => {
    const before = NeverOpens.made;
    const room = makeRoom(phaseRoom(sessionId(), 'ideal'), { url: NOWHERE });
    await loadedRoom(room);
    expect(NeverOpens.made).toBe(before + 1);
    room.dispose();
  });

  it('connects a room this browser never stored before IndexedDB has even loaded it', async () => {
    const before = NeverOpens.made;
    const connecting = new Promise<void>((resolve) => (NeverOpens.onMade = resolve));
    const room = makeRoom(phaseRoom(sessionId(), 'ideal'), { url: NOWHERE });
    await connecting;
    expect(room.state().loaded).toBe(false);
    NeverOpens.onMade = null;
    await loadedRoom(room);
    expect(NeverOpens.made).toBe(before + 1); // once, not again when IndexedDB is done
    room.dispose();
  });

  it('reads nothing ahead for a room that is already open', async () => {
    const name = phaseRoom(sessionId(), 'ideal');
    await storePhase(name, 5);
    const first = makeRoom(name, { url: NOWHERE });
    await loadedRoom(first);
    await preloadRoom(name).ready;
    first.dispose();
    // Made again, the room reads for itself: no stale copy was read ahead for it.
    const second = makeRoom(name, { url: NOWHERE });
    expect(phaseMaps(second.doc).notes.size).toBe(0);
    await loadedRoom(second);
    expect(phaseMaps(second.doc).notes.size).toBe(5);
    second.dispose();
  });

  it('reads the control room and the phase shown last time when a board link opens, and nothing for a board never shown', async () => {
    const memory = new Map<string, string>();
    const store: KeyValueStore = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
    globals.localStorage = { ...store, removeItem: (k: string) => void memory.delete(k) };
    try {
      const shown = sessionId();
      const never = sessionId();
      expect(shown).toMatch(SESSION_ID_RE);
      await storePhase(phaseRoom(shown, 'ideal'), 5);
      rememberPhase(store, shown, 'ideal');

      preloadBoard(shown);
      preloadBoard(never);
      // The same read is handed out again, and the room made afterwards starts with its notes.
      await preloadRoom(phaseRoom(shown, 'ideal')).ready;
      const phase = makeRoom(phaseRoom(shown, 'ideal'), { url: NOWHERE });
      expect(phaseMaps(phase.doc).notes.size).toBe(5);
      const control = makeRoom(controlRoom(shown), { url: NOWHERE });
      const untouched = makeRoom(controlRoom(never), { url: NOWHERE });
      expect(untouched.state().loaded).toBe(false);
      await Promise.all([loadedRoom(phase), loadedRoom(control), loadedRoom(untouched)]);
      for (const room of [phase, control, untouched]) room.dispose();
    } finally {
      delete globals.localStorage;
    }
  });
});

describe('the phase a device showed last', () => {
  it('holds the board back on the guessed phase until its read is done, lets any other phase through, and drops a wrong guess', async () => {
    const memory = new Map<string, string>();
    const store: KeyValueStore = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
    const id = sessionId();
    await storePhase(phaseRoom(id, 'ideal'), 3);
    rememberPhase(store, id, 'ideal');

    const guess = guessPhase(store, id);
    expect(guess.ready('reality')).toBe(true);
    expect(guess.ready('ideal')).toBe(false);
    await preloadRoom(phaseRoom(id, 'ideal')).ready;
    expect(guess.ready('ideal')).toBe(true);

    // The session was elsewhere: remembered for next time, and the read is let go.
    guess.shown('reality');
    expect(lastPhase(store, id)).toBe('reality');
    const room = makeRoom(phaseRoom(id, 'ideal'), { url: NOWHERE });
    expect(phaseMaps(room.doc).notes.size).toBe(0);
    await loadedRoom(room);
    expect(phaseMaps(room.doc).notes.size).toBe(3);
    room.dispose();
    guess.dispose();
  });


  it('is remembered per session, and the oldest sessions are forgotten first', () => {
    const memory = new Map<string, string>();
    const store: KeyValueStore = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
    expect(lastPhase(store, 's1')).toBeNull();
    rememberPhase(store, 's1', 'ideal', 1);
    rememberPhase(store, 's2', 'current', 2);
    rememberPhase(store, 's1', 'steps', 3);
    expect(lastPhase(store, 's1')).toBe('steps');
    expect(lastPhase(store, 's2')).toBe('current');
    for (let i = 0; i < 60; i++) rememberPhase(store, `many${i}`, 'ideal', 10 + i);
    expect(lastPhase(store, 's1')).toBeNull();
    expect(lastPhase(store, 'many59')).toBe('ideal');
    // Whatever else is stored there is never taken for a phase id.
    memory.set('wcb.lastPhase', JSON.stringify({ s3: { phase: '../x', at: 1 } }));
    expect(lastPhase(store, 's3')).toBeNull();
  });
});
