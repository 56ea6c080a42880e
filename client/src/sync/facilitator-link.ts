import { sessionLink, strongestConfirmed } from '../lib/credentials';
import type { KeyValueStore } from '../lib/storage';

/**
 * The link that opens this session as its facilitator on another device: this device's own
 * facilitator token, once the server has confirmed it (or this device created the session).
 * Null for anyone else, and for a facilitator token still unconfirmed: a guess must not be handed
 * on as the facilitator's link.
 */
export function facilitatorLink(store: KeyValueStore, sessionId: string, origin: string): string | null {
  const held = strongestConfirmed(store, sessionId);
  return held?.role === 'facilitator' ? sessionLink(origin, sessionId, held.token) : null;
}
