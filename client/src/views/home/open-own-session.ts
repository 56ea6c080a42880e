import { randomId, type Language } from '@wcb/shared';
import { saveCredentials } from '../../lib/credentials';
import { upsertRecent } from '../../lib/recent';
import { navigate } from '../../lib/router';
import { browserStore } from '../../lib/storage';
import { registerOnce } from '../../sync/api';

/**
 * After a session was made on this device (from a template or an import, stored locally): its
 * maker is the facilitator and mints all three tokens here, offline too (the server only ever
 * learns their hashes); the session joins the recent list, registration starts, the board opens.
 */
export function openOwnSession(id: string, info: { title: string; language: Language; template?: string }): void {
  const store = browserStore();
  const tokens = { facilitator: randomId(), participant: randomId(), viewer: randomId() };
  saveCredentials(store, {
    sessionId: id,
    role: 'facilitator',
    token: tokens.facilitator,
    confirmed: true,
    shareTokens: { participant: tokens.participant, viewer: tokens.viewer },
  });
  upsertRecent(store, { id, title: info.title, openedAt: Date.now() });
  // Not awaited: offline, the board registers when the server turns its sockets away (4404).
  registerOnce(id, { ...(info.template ? { template: info.template } : {}), language: info.language, tokens }).then(
    (result) => result === 'registered' && upsertRecent(store, { id, registered: true }),
  );
  navigate(`/s/${id}`);
}
