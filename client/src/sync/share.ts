import { createSignal, type Accessor } from 'solid-js';
import { loadCredentials, sessionLink, updateShareTokens, type ShareTokens } from '../lib/credentials';
import type { KeyValueStore } from '../lib/storage';
import { rotateToken } from './api';

export type ShareRole = keyof ShareTokens;
export const SHARE_ROLES: readonly ShareRole[] = ['participant', 'viewer'];

/** The facilitator's participant and viewer links, and replacing either with a new token. */
export type Share = {
  links: Accessor<Record<ShareRole, string> | null>;
  rotate(role: ShareRole): Promise<void>;
};

export function createShare(store: KeyValueStore, sessionId: string, origin: string): Share {
  const [tokens, setTokens] = createSignal(loadCredentials(store, sessionId)?.shareTokens ?? null);
  return {
    links() {
      const t = tokens();
      return t ? { participant: sessionLink(origin, sessionId, t.participant), viewer: sessionLink(origin, sessionId, t.viewer) } : null;
    },
    async rotate(role) {
      const credentials = loadCredentials(store, sessionId);
      if (!credentials?.shareTokens || credentials.role !== 'facilitator') throw new Error('only the facilitator can rotate links');
      const token = await rotateToken(sessionId, credentials.token, role);
      const next = { ...credentials.shareTokens, [role]: token };
      updateShareTokens(store, sessionId, next);
      setTokens(next);
    },
  };
}
