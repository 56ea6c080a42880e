import * as Y from 'yjs';
import { encodeSyncUpdate } from '@wcb/shared/wire';

export type StoredUpdate = { readonly update: Uint8Array; readonly origin: unknown };

/**
 * What each member gets for a stored batch: every update of the batch except the member's own.
 * Members with no update in the batch share one message, the batch merged into one Yjs update: a
 * plenary relays hundreds of small updates a second to hundreds of members, and one message per
 * member per batch cuts the server's socket writes and every browser's decode work by the batch
 * size. A writer gets the others' updates one message each (all in one socket write, see
 * SharedMessages): merging the batch without its own for every writer was one merge per writer,
 * and as batches grow under load that grew with the square of the batch (a quarter of the
 * server's time at 1,000 clients in rooms of 25). Members are yielded with their messages; the
 * same array for every member who gets the same; a member whose own updates are the whole batch
 * gets nothing.
 */
export function* relayBatch<M>(batch: readonly StoredUpdate[], members: Iterable<M>): Generator<[M, readonly Uint8Array[]]> {
  const origins = new Set(batch.map((b) => b.origin));
  let everyone: readonly Uint8Array[] | null = null;
  let each: readonly Uint8Array[] | null = null;
  for (const member of members) {
    if (!origins.has(member)) {
      everyone ??= [encodeSyncUpdate(batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update)))];
      yield [member, everyone];
      continue;
    }
    each ??= batch.map((b) => encodeSyncUpdate(b.update));
    const others = each.filter((_, i) => batch[i]!.origin !== member);
    if (others.length > 0) yield [member, others];
  }
}

/** The batch's updates another instance has not stored itself, as one message for the bus. */
export function publishable(batch: readonly StoredUpdate[], storedElsewhere: (origin: unknown) => boolean): Uint8Array | null {
  const updates = batch.filter((b) => !storedElsewhere(b.origin)).map((b) => b.update);
  if (updates.length === 0) return null;
  return encodeSyncUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
}
