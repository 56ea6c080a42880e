import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSessionDocs, readControlFacts, roomAccess } from '@wcb/shared';
import {
  acceptLinkToken,
  loadCredentials,
  saveCredentials,
  sessionLink,
  tokenFromHash,
  updateCredentials,
} from '../../client/src/lib/credentials';
import { parseJoinInput, parseJoinToken } from '../../client/src/lib/join';
import type { KeyValueStore } from '../../client/src/lib/storage';
import { makeControlFacts } from '../../client/src/sync/access';
import { setPhaseLocked } from '../../client/src/sync/actions';
import { sha256Hex } from '../../client/src/sync/api';

const memory = (): KeyValueStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
};
const SID = 'Session_ABCDEFGH12';
const TOKEN = 'tok_0123456789abcdefXYZ';
const OTHER = 'tok_zyxwvutsrqponmlkjih';

describe('credentials', () => {
  it('keeps one token per session and tolerates junk in storage', () => {
    const store = memory();
    store.setItem('wcb.credentials', JSON.stringify([{ sessionId: 'x' }, 42, { sessionId: SID, role: 'boss', token: TOKEN }]));
    expect(loadCredentials(store, SID)).toBeNull();
    saveCredentials(store, { sessionId: SID, role: 'facilitator', token: TOKEN, confirmed: true, shareTokens: { participant: OTHER, viewer: `${OTHER}v` } });
    expect(loadCredentials(store, SID)).toMatchObject({ role: 'facilitator', token: TOKEN, shareTokens: { participant: OTHER } });
    updateCredentials(store, SID, { shareTokens: { participant: `${OTHER}p`, viewer: `${OTHER}v` } });
    expect(loadCredentials(store, SID)?.shareTokens?.participant).toBe(`${OTHER}p`);
  });

  it('a link token is kept as an unconfirmed participant until the server says otherwise', () => {
    const store = memory();
    expect(acceptLinkToken(store, SID, TOKEN)).toEqual({ sessionId: SID, role: 'participant', token: TOKEN, confirmed: false });
    updateCredentials(store, SID, { role: 'viewer', confirmed: true });
    // The same link again keeps what the server confirmed; a new link replaces it.
    expect(acceptLinkToken(store, SID, TOKEN).role).toBe('viewer');
    expect(acceptLinkToken(store, SID, OTHER)).toMatchObject({ role: 'participant', token: OTHER, confirmed: false });
  });

  it('a facilitator opening its own share link stays facilitator', () => {
    const store = memory();
    saveCredentials(store, { sessionId: SID, role: 'facilitator', token: TOKEN, confirmed: true, shareTokens: { participant: OTHER, viewer: `${OTHER}v` } });
    expect(acceptLinkToken(store, SID, OTHER)).toMatchObject({ role: 'facilitator', token: TOKEN });
  });

  it('links carry the token in the fragment only', () => {
    const link = sessionLink('https://cafe.example.org', SID, TOKEN);
    expect(link).toBe(`https://cafe.example.org/s/${SID}#t=${TOKEN}`);
    const url = new URL(link);
    expect(url.pathname + url.search).not.toContain(TOKEN);
    expect(tokenFromHash(url.hash)).toBe(TOKEN);
    expect(tokenFromHash('#t=short')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
    expect(parseJoinInput(link)).toBe(SID);
    expect(parseJoinToken(link)).toBe(TOKEN);
    expect(parseJoinToken(SID)).toBeNull();
  });

  it('hashes tokens as lowercase hex SHA-256', async () => {
    expect(await sha256Hex(TOKEN)).toBe(createHash('sha256').update(TOKEN).digest('hex'));
  });
});

describe('phase lock', () => {
  it('sets the locked field the access rules read, and the facts signal follows', () => {
    const { control } = buildSessionDocs({ sessionId: SID, templateId: 'world-cafe-ngo', language: 'en' });
    const { facts, dispose } = makeControlFacts(control);
    const ref = { kind: 'phase', sessionId: SID, phaseId: 'ideal' } as const;
    expect(roomAccess('participant', ref, facts())).toBe('write');
    setPhaseLocked(control, 'ideal', true);
    expect([...readControlFacts(control).lockedPhases]).toEqual(['ideal']);
    expect(roomAccess('participant', ref, facts())).toBe('read');
    expect(roomAccess('facilitator', ref, facts())).toBe('read');
    setPhaseLocked(control, 'ideal', false);
    expect(roomAccess('participant', ref, facts())).toBe('write');
    expect(() => setPhaseLocked(control, 'nope', true)).toThrow();
    dispose();
  });
});
