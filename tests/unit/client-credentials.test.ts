import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { buildSessionDocs, readControlFacts, roomAccess, type Role } from '@wcb/shared';
import {
  acceptLinkToken,
  confirmToken,
  credentialsForToken,
  forgetRefusedToken,
  loadCredentials,
  rememberLinkToken,
  saveCredentials,
  sessionCredentials,
  sessionLink,
  strongestConfirmed,
  takeLinkToken,
  tokenFromHash,
  updateShareTokens,
} from '../../client/src/lib/credentials';
import { planOpening, settleOpening, type RoleLookup } from '../../client/src/lib/link-choice';
import { parseJoinInput, parseJoinToken } from '../../client/src/lib/join';
import type { KeyValueStore } from '../../client/src/lib/storage';
import { makeControlFacts } from '../../client/src/sync/access';
import { setPhaseLocked } from '@wcb/shared';
import { sha256Hex } from '../../client/src/sync/api';

const memory = (): KeyValueStore => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
};
const SID = 'Session_ABCDEFGH12';
const TOKEN = 'tok_0123456789abcdefXYZ';
const OTHER = 'tok_zyxwvutsrqponmlkjih';
const VIEWER = 'tok_viewer0123456789ab';
const STRANGER = 'tok_stranger987654321x';
const OTHER_SID = 'Session_ZYXWVUTS98';

describe('credentials', () => {
  it('tolerates junk in storage and keeps the facilitator’s share tokens', () => {
    const store = memory();
    store.setItem('wcb.credentials', JSON.stringify([{ sessionId: 'x' }, 42, { sessionId: SID, role: 'boss', token: TOKEN }]));
    expect(loadCredentials(store, SID)).toBeNull();
    saveCredentials(store, { sessionId: SID, role: 'facilitator', token: TOKEN, confirmed: true, shareTokens: { participant: OTHER, viewer: `${OTHER}v` } });
    expect(loadCredentials(store, SID)).toMatchObject({ role: 'facilitator', token: TOKEN, shareTokens: { participant: OTHER } });
    updateShareTokens(store, SID, { participant: `${OTHER}p`, viewer: `${OTHER}v` });
    expect(loadCredentials(store, SID)?.shareTokens?.participant).toBe(`${OTHER}p`);
    // Confirmed again by the server (which knows nothing of share tokens): they stay.
    confirmToken(store, SID, TOKEN, 'facilitator');
    expect(loadCredentials(store, SID)?.shareTokens?.participant).toBe(`${OTHER}p`);
  });

  it('a link token is kept as an unconfirmed participant until the server says otherwise', () => {
    const store = memory();
    expect(acceptLinkToken(store, SID, TOKEN)).toEqual({ sessionId: SID, role: 'participant', token: TOKEN, confirmed: false });
    confirmToken(store, SID, TOKEN, 'viewer');
    // The same link again keeps what the server confirmed.
    expect(acceptLinkToken(store, SID, TOKEN)).toMatchObject({ role: 'viewer', confirmed: true });
    // A new link is a guess beside it, and the confirmed viewer still opens a bare session URL.
    expect(acceptLinkToken(store, SID, OTHER)).toMatchObject({ role: 'participant', token: OTHER, confirmed: false });
    expect(loadCredentials(store, SID)).toMatchObject({ role: 'viewer', token: TOKEN });
  });

  it('keeps one credential per session and role, strongest first', () => {
    const store = memory();
    confirmToken(store, SID, VIEWER, 'viewer');
    confirmToken(store, SID, OTHER, 'participant');
    confirmToken(store, SID, TOKEN, 'facilitator');
    confirmToken(store, OTHER_SID, `${OTHER}x`, 'participant');
    expect(sessionCredentials(store, SID).map((c) => [c.role, c.token])).toEqual([
      ['facilitator', TOKEN],
      ['participant', OTHER],
      ['viewer', VIEWER],
    ]);
    expect(strongestConfirmed(store, SID)?.role).toBe('facilitator');
    // A newer token of the same role takes that role's place only (the old one was rotated).
    confirmToken(store, SID, `${OTHER}2`, 'participant');
    expect(sessionCredentials(store, SID).map((c) => c.token)).toEqual([TOKEN, `${OTHER}2`, VIEWER]);
    expect(sessionCredentials(store, OTHER_SID)).toHaveLength(1);
  });

  it('a link never overwrites a stronger credential, whatever its token turns out to be', () => {
    const store = memory();
    saveCredentials(store, { sessionId: SID, role: 'facilitator', token: TOKEN, confirmed: true });
    acceptLinkToken(store, SID, OTHER);
    expect(loadCredentials(store, SID)).toMatchObject({ role: 'facilitator', token: TOKEN });
    // A guess never replaces a confirmed entry of the same token either.
    saveCredentials(store, { sessionId: SID, role: 'participant', token: TOKEN, confirmed: false });
    expect(loadCredentials(store, SID)).toMatchObject({ role: 'facilitator', token: TOKEN, confirmed: true });
    confirmToken(store, SID, OTHER, 'participant');
    expect(sessionCredentials(store, SID).map((c) => c.role)).toEqual(['facilitator', 'participant']);
  });

  it('a refused token is forgotten alone, and only if it was never confirmed', () => {
    const store = memory();
    confirmToken(store, SID, TOKEN, 'facilitator');
    acceptLinkToken(store, SID, OTHER);
    forgetRefusedToken(store, SID, OTHER);
    expect(sessionCredentials(store, SID).map((c) => c.token)).toEqual([TOKEN]);
    // A confirmed facilitator token survives a refusal: it could never be got back.
    forgetRefusedToken(store, SID, TOKEN);
    expect(loadCredentials(store, SID)?.token).toBe(TOKEN);
  });

  it('a facilitator knows the roles of the share links it minted', () => {
    const store = memory();
    saveCredentials(store, { sessionId: SID, role: 'facilitator', token: TOKEN, confirmed: true, shareTokens: { participant: OTHER, viewer: VIEWER } });
    expect(acceptLinkToken(store, SID, OTHER)).toMatchObject({ role: 'participant', token: OTHER, confirmed: true });
    expect(credentialsForToken(store, SID, VIEWER)).toMatchObject({ role: 'viewer', confirmed: true });
    expect(credentialsForToken(store, SID, `${OTHER}x`)).toBeNull();
    expect(loadCredentials(store, SID)).toMatchObject({ role: 'facilitator', token: TOKEN });
  });
});

describe('opening a session by link', () => {
  const lookup = (answer: { role: Role } | { error: string }) => {
    const asked: string[] = [];
    const fn: RoleLookup = (_id, token) => {
      asked.push(token);
      return Promise.resolve(answer);
    };
    return { fn, asked };
  };
  const facilitatorDevice = () => {
    const store = memory();
    saveCredentials(store, { sessionId: SID, role: 'facilitator', token: TOKEN, confirmed: true, shareTokens: { participant: OTHER, viewer: VIEWER } });
    return store;
  };

  it('the facilitator’s own participant link offers a choice, its own role first', () => {
    const store = facilitatorDevice();
    const plan = planOpening(store, SID, OTHER);
    expect(plan).toMatchObject({ kind: 'choose', own: { role: 'facilitator', token: TOKEN }, link: { role: 'participant', token: OTHER } });
    expect(planOpening(store, SID, null)).toMatchObject({ kind: 'open', credentials: { role: 'facilitator' } });
  });

  it('a device with no confirmed role opens the link at once', () => {
    const store = memory();
    expect(planOpening(store, SID, null)).toEqual({ kind: 'none' });
    expect(planOpening(store, SID, TOKEN)).toMatchObject({ kind: 'open', credentials: { token: TOKEN, confirmed: false } });
  });

  it('an unknown token asks the server; a weaker role is offered, the stronger one stays', async () => {
    const store = facilitatorDevice();
    const plan = planOpening(store, SID, STRANGER);
    expect(plan).toMatchObject({ kind: 'ask', own: { role: 'facilitator' }, token: STRANGER });
    const { fn, asked } = lookup({ role: 'viewer' });
    const settled = await settleOpening(store, SID, STRANGER, fn);
    expect(asked).toEqual([STRANGER]);
    expect(settled.opening).toMatchObject({ kind: 'choose', own: { token: TOKEN }, link: { role: 'viewer', token: STRANGER } });
    expect(loadCredentials(store, SID)?.token).toBe(TOKEN);
  });

  it('a link with a stronger role upgrades, the weaker credential kept alongside', async () => {
    const store = memory();
    confirmToken(store, SID, OTHER, 'participant');
    const settled = await settleOpening(store, SID, TOKEN, lookup({ role: 'facilitator' }).fn);
    expect(settled.opening).toMatchObject({ kind: 'open', credentials: { role: 'facilitator', token: TOKEN } });
    expect(sessionCredentials(store, SID).map((c) => c.role)).toEqual(['facilitator', 'participant']);
  });

  it('a refused link opens the device’s own role and forgets nothing else', async () => {
    const store = facilitatorDevice();
    const settled = await settleOpening(store, SID, STRANGER, lookup({ error: 'unauthorized' }).fn);
    expect(settled).toMatchObject({ refused: true, opening: { kind: 'open', credentials: { role: 'facilitator', token: TOKEN } } });
    expect(sessionCredentials(store, SID).map((c) => c.token)).toEqual([TOKEN]);
    // Offline: the own role opens and the link stays a guess for later.
    const offline = await settleOpening(store, SID, STRANGER, lookup({ error: 'unreachable' }).fn);
    expect(offline).toMatchObject({ refused: false, opening: { kind: 'open', credentials: { token: TOKEN } } });
  });

  it('a server that never answers does not hold the board: the own role opens after a while', async () => {
    const store = facilitatorDevice();
    vi.useFakeTimers();
    try {
      const settling = settleOpening(store, SID, STRANGER, () => new Promise(() => {}), 5000);
      await vi.advanceTimersByTimeAsync(5000);
      expect(await settling).toMatchObject({ refused: false, opening: { kind: 'open', credentials: { token: TOKEN } } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('the board takes the link token of its own session once', () => {
    rememberLinkToken(SID, TOKEN);
    expect(takeLinkToken(OTHER_SID)).toBeNull();
    rememberLinkToken(SID, TOKEN);
    expect(takeLinkToken(SID)).toBe(TOKEN);
    expect(takeLinkToken(SID)).toBeNull();
  });
});

describe('links', () => {
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
