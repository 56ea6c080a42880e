import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { checkControlValue, controlMaps, controlRoom } from '@wcb/shared';
import { geometryOf } from './support/geometry';
import { useE2E } from './support/harness';
import { RepairsNotice, StoredRoom } from './support/local-repair-page';
import { ControlClient } from './support/participant-page';
import { HOSTILE_RECORDS } from '../support/hostile-records';

const e2e = useE2E();

// What an older version (or an offline edit) left in this device's copy of the setup.
const STORED = ['a phase whose title is 100 KB', 'a phase that is not a record', 'a timer of an unknown status', 'a table named with 10,000 characters'];

const tokenOf = (link: string): string => new URL(link).hash.replace(/^#t=/, '').split('&')[0]!;

/** Every checked record of `doc` that the server's checks would refuse, as `root/key`. */
function malformed(doc: Y.Doc): string[] {
  return ['runSheet', 'criteria', 'phases', 'topics', 'tables', 'state'].flatMap((root) =>
    [...doc.getMap<unknown>(root).entries()]
      .filter(([key, value]) => checkControlValue(root, key, value instanceof Object && 'toJSON' in value ? (value as Y.Map<unknown>).toJSON() : value) !== null)
      .map(([key]) => `${root}/${key}`),
  );
}

describe('a device whose own copy of the setup holds records the server refuses', () => {
  it('repairs them when the session opens, says so, and syncs: nothing refused, everyone sees the repaired setup and every note', async () => {
    const a = await e2e.person('Facilitator');
    const sessionId = await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Stored long ago' });
    await a.board.waitForStatus('online');
    await a.board.addNote('government', 'Open data portal');
    await a.board.addNote('community', 'Shared meeting rooms');
    await a.board.waitForPending('zero');
    const participantLink = await a.board.shareLink('participant');
    const viewerToken = tokenOf(await a.board.shareLink('viewer'));

    // The board is closed; its IndexedDB copy gains what an older version would have written.
    await a.home.open();
    const stored = new StoredRoom(a.user.page, controlRoom(sessionId));
    await stored.edit((doc) => {
      for (const [name, edit] of HOSTILE_RECORDS) if (STORED.includes(name)) edit(doc);
    });
    expect(malformed(await stored.read()).sort()).toEqual(['phases/broken', 'phases/ideal', 'state/timer', 'tables/t9']);

    await a.board.gotoWithoutLink(sessionId);
    const notice = new RepairsNotice(a.user.page);
    await notice.root.waitFor();
    expect((await notice.lines()).sort()).toEqual([
      'Phase “broken”: left out',
      'Phase “ideal”: repaired (a text cut to its limit or a broken field reset)',
      'Table “t9”: repaired (a text cut to its limit or a broken field reset)',
      'The timer: left out',
    ]);
    expect(await notice.root.textContent()).toContain('the server does not accept');
    await a.board.waitForStatus('online');
    await a.board.waitForPending('zero');
    expect(await a.user.page.locator('[data-reason^="refused-"]').count()).toBe(0);

    const button = await geometryOf(notice.dismiss);
    expect(button).toMatchObject({ inViewport: true, onTop: true });
    expect(await geometryOf(notice.root)).toMatchObject({ inViewport: true });
    await a.user.page.screenshot({ path: '/tmp/local-repair-notice.png' });

    // The server took the repair: another device reads the setup repaired, and nothing else changed.
    const viewer = await ControlClient.connect(e2e.server.url, sessionId, viewerToken);
    try {
      await expect.poll(() => (controlMaps(viewer.doc).tables.get('t9') as Y.Map<unknown> | undefined)?.get('name')).toBe('x'.repeat(80));
      const { phases, state } = controlMaps(viewer.doc);
      expect((phases.get('ideal') as Y.Map<unknown>).get('title')).toBe('x'.repeat(200));
      expect(phases.has('broken')).toBe(false);
      expect(state.has('timer')).toBe(false);
      expect(malformed(viewer.doc)).toEqual([]);
    } finally {
      viewer.destroy();
    }
    const b = await e2e.person('Participant');
    await b.board.openLink(participantLink);
    await b.board.waitForNoteTexts(['Open data portal', 'Shared meeting rooms']);

    // Read and put away: the board is the board again; opening once more has nothing to repair.
    await notice.dismiss.click();
    await notice.root.waitFor({ state: 'detached' });
    await a.board.gotoWithoutLink(sessionId);
    await a.board.waitForStatus('online');
    expect(await notice.root.count()).toBe(0);
  });
});
