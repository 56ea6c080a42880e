import { describe, expect, it } from 'vitest';
import { cspViolations, recordCspViolations } from './support/csp-page';
import { useE2E } from './support/harness';

const e2e = useE2E();

describe('content security policy', () => {
  it('the app works under the server\'s CSP: a board opens, syncs over its websocket both ways, and nothing is refused', async () => {
    const a = await e2e.person('Facilitator');
    await recordCspViolations(a.user.page);
    // Reloaded so the recorder runs before the app; the shell must arrive with the policy.
    const shell = await a.user.page.reload();
    const policy = (await shell?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/connect-src 'self'(;|$)/);

    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Under CSP' });
    await a.board.waitForConnected();
    const link = await a.board.shareLink('participant');
    const b = await e2e.person('Participant');
    await recordCspViolations(b.user.page);
    await b.board.openLink(link);
    await b.board.waitForConnected();

    // Only a working same-origin websocket (connect-src 'self') carries a note across.
    await a.board.addNote('government', 'sent under the policy');
    await b.board.waitForNoteText('sent under the policy', 'government');
    await b.board.addNote('community', 'and back');
    await a.board.waitForNoteText('and back', 'community');

    expect(await cspViolations(a.user.page)).toEqual([]);
    expect(await cspViolations(b.user.page)).toEqual([]);
    const refusals = [...a.user.consoleErrors, ...b.user.consoleErrors].filter((line) => /Content Security Policy/i.test(line));
    expect(refusals).toEqual([]);
  });
});
