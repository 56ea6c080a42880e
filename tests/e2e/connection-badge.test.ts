import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';
import { BoardPage } from './support/pages';
import { ConnectionView, type BadgeReading } from './support/connection-page';
import { geometryOf } from './support/geometry';

const e2e = useE2E();

/** After the first moment something waited, was there a moment the badge said "online, all sent"? */
const saidAllSentWhileWaiting = (log: readonly BadgeReading[]): BadgeReading | undefined => {
  const from = log.findIndex((r) => r.pendingNotes > 0);
  return from < 0 ? undefined : log.slice(from).find((r) => r.status === 'online' && r.pendingNotes === 0);
};

describe('the connection badge tells the truth', () => {
  it('a network that goes silent without closing the socket is "offline" within seconds, and nothing written into it is "sent"', async () => {
    const { a, b } = await e2e.cafe({ title: 'Silent network' });
    const badge = new ConnectionView(a.user.page);
    await badge.waitFor({ status: 'online', pendingNotes: 0 });

    const log = await badge.record();
    // Packets stop; the socket stays open and the browser still believes it is online.
    a.user.link.stall();
    const stalledAt = Date.now();
    await a.board.addNote('government', 'written into a silent network');
    await badge.waitFor({ status: 'offline' }, 20_000);
    // The stock client would have said nothing for 30 s; a heartbeat of a few seconds says it.
    expect(Date.now() - stalledAt).toBeLessThan(12_000);
    expect((await badge.read()).pendingNotes).toBe(1);
    expect(await a.user.page.evaluate(() => navigator.onLine)).toBe(true);

    a.user.link.unstall();
    await badge.waitFor({ status: 'online', pendingNotes: 0 }, 20_000);
    const readings = await log.stop();
    expect(saidAllSentWhileWaiting(readings.slice(0, readings.findIndex((r) => r.status === 'offline')))).toBeUndefined();
    await b.board.waitForNoteText('written into a silent network', 'government');
  });

  it('is "offline" at once when the browser loses its network, and "online" again when it is back', async () => {
    const { a } = await e2e.cafe({ title: 'Browser offline' });
    const badge = new ConnectionView(a.user.page);
    await badge.waitFor({ status: 'online' });
    // Chromium's offline mode keeps open sockets open (paused): only navigator.onLine can tell.
    await a.user.context.setOffline(true);
    expect(await badge.waitFor({ status: 'offline' }, 5_000)).toBeLessThan(2_000);
    await a.user.context.setOffline(false);
    await badge.waitFor({ status: 'online' }, 20_000);
  });

  it('counts what waits in notes: three notes typed offline are "3 notes not sent", however many keystrokes they took', async () => {
    const { a, b } = await e2e.cafe({ title: 'Pending in notes' });
    await a.user.page.setViewportSize({ width: 1280, height: 720 });
    const badge = new ConnectionView(a.user.page);
    await a.user.goOffline();
    await badge.waitFor({ status: 'offline' });

    const first = await a.board.addNote('government', 'a long first note, typed one key at a time');
    await a.board.addNote('community', 'the second note');
    await a.board.addNote('ngos', 'and a third');
    await a.board.editNote(first, 'a long first note, typed one key at a time, then edited');
    await badge.waitFor({ pendingNotes: 3 });
    expect((await badge.read()).text).toContain('3 notes not sent');
    const chip = await geometryOf(badge.pendingChip);
    expect(chip).toMatchObject({ inViewport: true, onTop: true });

    await a.user.goOnline();
    await badge.waitFor({ status: 'online', pendingNotes: 0 }, 30_000);
    // Nothing waiting shows no number at all (a bare "0" beside "Online" read as "nobody online").
    expect(await badge.pendingChip.count()).toBe(0);
    expect((await badge.read()).text).not.toMatch(/\d/);
    await b.board.waitForNoteTexts(['a long first note, typed one key at a time, then edited', 'the second note', 'and a third'], 30_000);
  });

  it('counts people, not connections: "Only you" alone, a second tab is the same person, another person makes two', async () => {
    const a = await e2e.person('Facilitator');
    await a.user.page.setViewportSize({ width: 1440, height: 900 });
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'People' });
    await a.board.waitForConnected();
    const mine = new ConnectionView(a.user.page);
    await expect.poll(() => mine.peopleCount.textContent()).toBe('Only you');
    expect(await geometryOf(mine.peopleCount)).toMatchObject({ inViewport: true, onTop: true });

    // The same person in a second tab of the same browser.
    const tab = await a.user.context.newPage();
    await tab.goto(a.user.page.url());
    await new BoardPage(tab).waitForConnected();
    await expect.poll(() => new ConnectionView(tab).peopleCount.textContent()).toBe('Only you');

    const b = await e2e.person('Bohdan');
    await b.board.openLink(await a.board.shareLink('participant'));
    await b.board.waitForConnected();
    await expect.poll(() => mine.peopleCount.textContent()).toBe('2 people here');
    await expect.poll(() => mine.chips.count()).toBe(2);
    const theirs = new ConnectionView(b.user.page);
    await expect.poll(() => theirs.peopleCount.textContent()).toBe('2 people here');
    await expect.poll(() => theirs.chips.count()).toBe(2);
    await tab.close();
  });
});
