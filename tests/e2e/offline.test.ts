import { describe, expect, it } from 'vitest';
import { waitForServiceWorkerControl } from './support/browser';
import { useE2E } from './support/harness';

const e2e = useE2E();
const person = (name: string) => e2e.person(name);

describe('offline', () => {
  it('an offline laptop keeps working, survives a reload offline, and converges when back online', async () => {
    const a = await person('Laptop');
    const b = await person('Remote');

    const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'uk', title: 'Offline day' });
    const participantLink = await a.board.shareLink('participant');
    await b.board.openLink(participantLink);
    await Promise.all([a.board.waitForConnected(), b.board.waitForConnected()]);
    const shared = await a.board.addNote('government', 'written while online');
    await b.board.waitForNoteText('written while online');
    await waitForServiceWorkerControl(a.user.page);

    // The venue Wi-Fi drops on the laptop.
    await a.user.goOffline();
    await a.board.waitForStatus('offline');

    const n1 = await a.board.addNote('government', 'offline one');
    await a.board.addNote('ngos', 'offline two');
    await a.board.editNote(n1, 'offline one, edited');
    await a.board.editNote(shared, 'written while online, edited offline');
    await a.board.waitForPending('positive');
    expect(await a.board.pending()).toBeGreaterThan(0);
    expect(await a.board.connectionStatus()).toBe('offline');

    // Meanwhile the remote participant keeps writing.
    await b.board.addNote('community', 'from remote while laptop offline');

    // The laptop reloads with no network: the service worker serves the app, IndexedDB the board.
    await a.user.page.reload();
    await a.board.waitForBoard(sessionId);
    await a.board.waitForNoteTexts(['written while online, edited offline', 'offline one, edited', 'offline two']);
    await a.board.waitForStatus('offline');
    expect(await a.board.noteTexts()).not.toContain('from remote while laptop offline');

    // Wi-Fi is back: both converge on the same notes, nothing left pending.
    await a.user.goOnline();
    const all = [
      'written while online, edited offline',
      'offline one, edited',
      'offline two',
      'from remote while laptop offline',
    ];
    await Promise.all([a.board.waitForNoteTexts(all, 30_000), b.board.waitForNoteTexts(all, 30_000)]);
    await a.board.waitForStatus('online', 30_000);
    await a.board.waitForPending('zero', 30_000);
    expect(await a.board.noteTexts('government')).toEqual(['offline one, edited', 'written while online, edited offline']);
    expect(await b.board.noteTexts('ngos')).toEqual(['offline two']);

    // And what converged is on the server, not only in the two browsers: a third device sees it.
    const c = await person('Late joiner');
    await c.board.openLink(participantLink);
    await c.board.waitForNoteTexts(all, 30_000);
  });
});
