import { describe, expect, it } from 'vitest';
import { saveCredentials } from '../../client/src/lib/credentials';
import type { KeyValueStore } from '../../client/src/lib/storage';
import { facilitatorLink } from '../../client/src/sync/facilitator-link';

const memory = (): KeyValueStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
};
const SID = 'Session_ABCDEFGH12';
const ORIGIN = 'https://cafe.example';
const FAC = 'tok_facilitator0123456789';
const PART = 'tok_participant0123456789';

describe('facilitatorLink (facilitate from another device)', () => {
  it('is this device’s own confirmed facilitator token as a board link', () => {
    const store = memory();
    saveCredentials(store, { sessionId: SID, role: 'facilitator', token: FAC, confirmed: true, shareTokens: { participant: PART, viewer: 'tok_viewer01234567890ab' } });
    // A participant link opened later on the same device does not change which link is the facilitator's.
    saveCredentials(store, { sessionId: SID, role: 'participant', token: PART, confirmed: false });
    expect(facilitatorLink(store, SID, ORIGIN)).toBe(`${ORIGIN}/s/${SID}#t=${FAC}`);
  });

  it('is null for a participant, a viewer, an unconfirmed guess and another session', () => {
    for (const role of ['participant', 'viewer'] as const) {
      const store = memory();
      saveCredentials(store, { sessionId: SID, role, token: PART, confirmed: true });
      expect(facilitatorLink(store, SID, ORIGIN), role).toBeNull();
    }
    const guessed = memory();
    saveCredentials(guessed, { sessionId: SID, role: 'facilitator', token: FAC, confirmed: false });
    expect(facilitatorLink(guessed, SID, ORIGIN)).toBeNull();
    const other = memory();
    saveCredentials(other, { sessionId: 'Session_ZYXWVUTS98', role: 'facilitator', token: FAC, confirmed: true });
    expect(facilitatorLink(other, SID, ORIGIN)).toBeNull();
  });
});
