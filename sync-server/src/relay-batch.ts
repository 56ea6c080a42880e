import * as Y from 'yjs';
import { encodeSyncUpdate } from '@wcb/shared/wire';

export type StoredUpdate = { readonly update: Uint8Array; readonly origin: unknown };

/**
 * The one sync message each member gets for a stored batch: every update of the batch except the
 * member's own, merged into one Yjs update. A plenary room relays hundreds of small updates a
 * second to hundreds of members; one message per member per batch instead of one per update cuts
 * the server's socket writes and every browser's decode work by the batch size. Members are
 * yielded with their message; a member whose own updates are the whole batch gets nothing.
 */
export function* relayBatch<M>(batch: readonly StoredUpdate[], members: Iterable<M>): Generator<[M, Uint8Array]> {
  const origins = new Set(batch.map((b) => b.origin));
  const merged = new Map<unknown, Uint8Array | null>();
  // Keyed by the member it leaves out (or by a value no member is, for everyone's).
  const messageWithout = (origin: unknown): Uint8Array | null => {
    let message = merged.get(origin);
    if (message === undefined) {
      const updates = batch.filter((b) => b.origin !== origin).map((b) => b.update);
      message = updates.length === 0 ? null : encodeSyncUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
      merged.set(origin, message);
    }
    return message;
  };
  for (const member of members) {
    const message = messageWithout(origins.has(member) ? member : EVERYONE);
    if (message) yield [member, message];
  }
}

const EVERYONE = Symbol('everyone');

/** The batch's updates another instance has not stored itself, as one message for the bus. */
export function publishable(batch: readonly StoredUpdate[], storedElsewhere: (origin: unknown) => boolean): Uint8Array | null {
  const updates = batch.filter((b) => !storedElsewhere(b.origin)).map((b) => b.update);
  if (updates.length === 0) return null;
  return encodeSyncUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
}
