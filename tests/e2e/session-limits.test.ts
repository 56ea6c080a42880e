import { describe, expect, it } from 'vitest';
import { useE2E } from './support/harness';

// One session per address, then one an hour: the second session this browser makes is refused (429).
const e2e = useE2E({ SESSION_CREATE_BURST: '1', SESSION_CREATES_PER_HOUR: '1' });

describe('a server that refuses to store a session for now', () => {
  it('the board says registration is rate-limited, keeps the session in the browser, and stays usable', async () => {
    const a = await e2e.person('Facilitator');
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'First' });
    await a.board.waitForConnected();

    await a.user.page.goto('/');
    await a.home.createSession({ template: 'world-cafe-ngo', language: 'en', title: 'Second' });
    const banner = a.board.banner('rate-limited');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('too many were created here recently');
    // The session lives in this browser meanwhile: notes can still be written.
    await a.board.addNote('government', 'kept locally');
    await a.board.waitForNoteText('kept locally', 'government');
  });
});
