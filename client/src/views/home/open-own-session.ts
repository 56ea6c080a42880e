import type { Language } from '@wcb/shared';
import { saveCredentials } from '../../lib/credentials';
import { upsertRecent } from '../../lib/recent';
import { navigate } from '../../lib/router';
import { browserStore } from '../../lib/storage';
import { registerOnce } from '../../sync/api';
import type { OwnSession } from '../../sync/own-session';

/**
 * After a session was made on this device (from a template or an import, stored locally): its
 * maker is the facilitator and holds all three tokens (minted with the id, own-session.ts); the
 * session joins the recent list, registration starts, the board opens.
 */
export function openOwnSession(own: OwnSession, info: OwnSessionInfo): void {
  keepOwnSession(own, info);
  navigate(`/s/${own.id}`);
}

export type OwnSessionInfo = { title: string; language: Language; template?: string };

/** Everything openOwnSession does but opening the board: for an import that has something to say first. */
export function keepOwnSession(own: OwnSession, info: OwnSessionInfo): void {
  const store = browserStore();
  const { id, tokens } = own;
  saveCredentials(store, {
    sessionId: id,
    role: 'facilitator',
    token: tokens.facilitator,
    confirmed: true,
    shareTokens: { participant: tokens.participant, viewer: tokens.viewer },
  });
  upsertRecent(store, { id, title: info.title, openedAt: Date.now() });
  // Not awaited: offline, or refused for now (429/503/507), the board registers again when the
  // server turns its sockets away (4404), and says why it waits (auth.ts).
  registerOnce(id, { ...(info.template ? { template: info.template } : {}), language: info.language, tokens }).then(
    ({ result }) => result === 'registered' && upsertRecent(store, { id, registered: true }),
  );
}
