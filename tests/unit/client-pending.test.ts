import { describe, expect, it } from 'vitest';
import { afterLocalUpdate, isFlushed, OFFLINE, roomStatus, sessionStatus, settle, type LinkState } from '../../client/src/sync/pending';

const online: LinkState = { connected: true, synced: true, bufferedAmount: 0 };
const sending: LinkState = { connected: true, synced: true, bufferedAmount: 512 };
const handshaking: LinkState = { connected: true, synced: false, bufferedAmount: 0 };

describe('pending changes', () => {
  it('counts local updates made while offline and keeps them until connected, synced and flushed', () => {
    let pending = 0;
    for (let i = 0; i < 3; i++) pending = settle(afterLocalUpdate(pending), OFFLINE);
    expect(pending).toBe(3);
    expect(settle(pending, handshaking)).toBe(3);
    expect(settle(pending, sending)).toBe(3);
    expect(settle(pending, online)).toBe(0);
  });

  it('a change made online is pending only until the send buffer drains', () => {
    const pending = settle(afterLocalUpdate(0), sending);
    expect(pending).toBe(1);
    expect(settle(pending, online)).toBe(0);
  });

  it('flushed means connected, synced and nothing buffered', () => {
    expect(isFlushed(online)).toBe(true);
    expect(isFlushed(sending)).toBe(false);
    expect(isFlushed(handshaking)).toBe(false);
    expect(isFlushed(OFFLINE)).toBe(false);
  });
});

describe('connection status', () => {
  it('per room: offline without a socket, syncing until synced and local changes are sent, online otherwise', () => {
    expect(roomStatus({ link: OFFLINE, pending: 0 })).toBe('offline');
    expect(roomStatus({ link: handshaking, pending: 0 })).toBe('syncing');
    expect(roomStatus({ link: online, pending: 2 })).toBe('syncing');
    // Bytes in the send buffer without local changes are presence (cursor moves), not unsent work.
    expect(roomStatus({ link: sending, pending: 0 })).toBe('online');
    expect(roomStatus({ link: sending, pending: 1 })).toBe('syncing');
    expect(roomStatus({ link: online, pending: 0 })).toBe('online');
  });

  it('a session is as connected as its least connected room, and pending counts add up', () => {
    expect(sessionStatus([{ link: online, pending: 0 }, { link: online, pending: 0 }])).toEqual({ status: 'online', pending: 0 });
    expect(sessionStatus([{ link: online, pending: 1 }, { link: handshaking, pending: 2 }])).toEqual({ status: 'syncing', pending: 3 });
    expect(sessionStatus([{ link: online, pending: 0 }, { link: OFFLINE, pending: 4 }])).toEqual({ status: 'offline', pending: 4 });
    expect(sessionStatus([]).status).toBe('offline');
  });
});
