import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, LocalOrigin, setNoteText } from '@wcb/shared';
import {
  afterLocalChange,
  countPending,
  isFlushed,
  NOTHING_PENDING,
  OFFLINE,
  roomStatus,
  sessionStatus,
  settle,
  type LinkState,
  type PendingKeys,
} from '../../client/src/sync/pending';
import { changedRecords } from '../../client/src/sync/pending-records';
import { heardAt, isStale, probeDue, probedAt, PROBE_IDLE_MS, PROBE_TIMEOUT_MS } from '../../client/src/sync/liveness';

const online: LinkState = { connected: true, synced: true, bufferedAmount: 0, stale: false };
const sending: LinkState = { ...online, bufferedAmount: 512 };
const handshaking: LinkState = { ...online, synced: false };
const silent: LinkState = { ...online, stale: true };
const keys = (...k: string[]): PendingKeys => new Set(k);

describe('pending changes', () => {
  it('counts records, not updates: many edits of one note wait as one', () => {
    let pending = NOTHING_PENDING;
    for (let i = 0; i < 40; i++) pending = afterLocalChange(pending, ['notes/a']);
    pending = afterLocalChange(pending, ['notes/b', 'notes/c']);
    expect(countPending(pending)).toEqual({ notes: 3, other: 0 });
    expect(countPending(afterLocalChange(pending, ['dots/x', 'state/timer']))).toEqual({ notes: 3, other: 2 });
  });

  it('keeps changes until connected, synced, flushed, alive and answered by the server', () => {
    const pending = keys('notes/a', 'notes/b');
    expect(settle(pending, OFFLINE, true).size).toBe(2);
    expect(settle(pending, handshaking, true).size).toBe(2);
    expect(settle(pending, sending, true).size).toBe(2);
    expect(settle(pending, silent, true).size).toBe(2);
    // On the wire, but nothing heard from the server since: not "all sent".
    expect(settle(pending, online, false).size).toBe(2);
    expect(settle(pending, online, true).size).toBe(0);
  });

  it('flushed means connected, synced, alive and nothing buffered', () => {
    expect(isFlushed(online)).toBe(true);
    expect(isFlushed(sending)).toBe(false);
    expect(isFlushed(handshaking)).toBe(false);
    expect(isFlushed(silent)).toBe(false);
    expect(isFlushed(OFFLINE)).toBe(false);
  });
});

describe('the records a transaction changed', () => {
  const recorded = (doc: Y.Doc, fn: () => void): string[] => {
    let out: string[] = [];
    const on = (tr: Y.Transaction) => (out = [...out, ...changedRecords(tr)]);
    doc.on('afterTransaction', on);
    fn();
    doc.off('afterTransaction', on);
    return [...new Set(out)].sort();
  };

  it('names the note for a new note, its text typed into, and its deletion', () => {
    const doc = new Y.Doc();
    let id = '';
    expect(recorded(doc, () => (id = addNote(doc, { topic: 'government', text: 'a', x: 0, y: 0 })))).toEqual([`notes/${id}`]);
    expect(recorded(doc, () => setNoteText(doc, id, 'a longer text'))).toEqual([`notes/${id}`]);
    expect(recorded(doc, () => doc.transact(() => doc.getMap('notes').delete(id), new LocalOrigin('note.remove')))).toEqual([`notes/${id}`]);
  });

  it('names a root key and a root text', () => {
    const doc = new Y.Doc();
    expect(recorded(doc, () => doc.getMap('state').set('timer', { at: 1 }))).toEqual(['state/timer']);
    expect(recorded(doc, () => doc.getText('celltext:r/c').insert(0, 'x'))).toEqual(['celltext:r/c']);
  });
});

describe('heartbeat', () => {
  it('probes a quiet link, and at once when local changes went out', () => {
    const l = heardAt(1000);
    expect(probeDue(l, 1000 + PROBE_IDLE_MS - 1, null)).toBe(false);
    expect(probeDue(l, 1000 + PROBE_IDLE_MS, null)).toBe(true);
    expect(probeDue(l, 1200, 1100)).toBe(true);
    // One at a time.
    expect(probeDue(probedAt(l, 1200), 9000, 1100)).toBe(false);
  });

  it('a probe unanswered past the timeout makes the link stale; hearing anything makes it alive', () => {
    const probed = probedAt(heardAt(0), 5000);
    expect(isStale(probed, 5000 + PROBE_TIMEOUT_MS - 1)).toBe(false);
    expect(isStale(probed, 5000 + PROBE_TIMEOUT_MS)).toBe(true);
    expect(isStale(heardAt(9500), 20_000)).toBe(false);
  });
});

describe('connection status', () => {
  it('per room: offline without a socket or an answer, syncing until synced and local changes are sent, online otherwise', () => {
    expect(roomStatus({ link: OFFLINE, pending: NOTHING_PENDING })).toBe('offline');
    expect(roomStatus({ link: silent, pending: NOTHING_PENDING })).toBe('offline');
    expect(roomStatus({ link: handshaking, pending: NOTHING_PENDING })).toBe('syncing');
    expect(roomStatus({ link: online, pending: keys('notes/a') })).toBe('syncing');
    // Bytes in the send buffer without local changes are presence (cursor moves), not unsent work.
    expect(roomStatus({ link: sending, pending: NOTHING_PENDING })).toBe('online');
    expect(roomStatus({ link: online, pending: NOTHING_PENDING })).toBe('online');
  });

  it('a session is as connected as its least connected room, and each pending note counts once', () => {
    const none = { notes: 0, other: 0 };
    expect(sessionStatus([{ link: online, pending: NOTHING_PENDING }, { link: online, pending: NOTHING_PENDING }])).toEqual({ status: 'online', pending: none });
    expect(sessionStatus([{ link: online, pending: keys('notes/a') }, { link: handshaking, pending: keys('notes/a', 'dots/d') }])).toEqual({
      status: 'syncing',
      pending: { notes: 1, other: 1 },
    });
    expect(sessionStatus([{ link: online, pending: NOTHING_PENDING }, { link: OFFLINE, pending: keys('notes/a', 'notes/b') }])).toEqual({
      status: 'offline',
      pending: { notes: 2, other: 0 },
    });
    expect(sessionStatus([]).status).toBe('offline');
  });

  it('is offline as soon as the browser says it has no network', () => {
    expect(sessionStatus([{ link: online, pending: NOTHING_PENDING }], false).status).toBe('offline');
  });
});
