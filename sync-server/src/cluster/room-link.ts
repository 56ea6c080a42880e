import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type { Logger } from '../logger';
import { MessageType, SyncStep } from '@wcb/shared/wire';
import { encodeSyncStep1, validateAwarenessUpdate } from '../protocol';
import type { DocStorage } from '../storage/types';
import type { RoomBus } from './bus';
import type { DocState } from '../doc-state/types';
import { decodeFrame, encodeFrame, type Frame } from './frame';

/**
 * Transaction origin of an update another instance published: it persisted the update before
 * publishing, so this instance relays it to its own peers without appending it again.
 */
export const CLUSTER_ORIGIN = 'cluster';
/**
 * Transaction origin of a reconcile answer (a sync step 2 from another instance). It is
 * appended here: such a diff may hold an update whose append is still pending (or failed) on
 * the instance that answered, and reconciles are rare, so the duplicate row costs nothing.
 */
export const RECONCILE_ORIGIN = 'cluster-reconcile';

/** Yjs's encoding of "no structs, no deletions": a step 2 with nothing in it. */
const EMPTY_UPDATE_BYTES = 2;

/**
 * A room's presence on the bus (ARCHITECTURE.md, "Scale-out"): forwards what the room
 * persisted, applies what other instances published, and reconciles with them by a sync step 1
 * after loading and after every bus reconnect, so a frame Redis dropped is never missed for good.
 */
export class RoomLink {
  private state: 'idle' | 'loading' | 'ready' | 'left' = 'idle';
  private stopReconnects: (() => void) | null = null;

  constructor(
    private readonly bus: RoomBus,
    private readonly room: string,
    private readonly doc: DocState,
    private readonly awareness: Awareness,
    private readonly logger: Logger,
  ) {}

  get clustered(): boolean {
    return this.bus.clustered;
  }

  /** Before reading storage: from now on, nothing another instance publishes is missed. */
  async join(): Promise<void> {
    if (!this.bus.clustered || this.state !== 'idle') return;
    this.state = 'loading';
    await this.bus.subscribe(this.room, this.onFrame);
  }

  /** The stored state is in the doc: ask the other instances for whatever storage lacked. */
  ready(): void {
    if (this.state !== 'loading') return;
    this.state = 'ready';
    this.stopReconnects = this.bus.onReconnect(() => this.reconcile());
    this.reconcile();
  }

  /** Stops receiving. Publishing goes on: the room may still flush appends others must hear of. */
  leave(): void {
    if (this.state === 'idle' || this.state === 'left') return;
    this.state = 'left';
    this.stopReconnects?.();
    this.bus.unsubscribe(this.room, this.onFrame);
  }

  /** A sync update (or awareness) message this instance produced; updates only once persisted. */
  publish(message: Uint8Array, target = ''): void {
    if (!this.bus.clustered) return;
    this.bus.publish(this.room, encodeFrame({ origin: this.bus.instanceId, target, message }));
  }

  private reconcile(): void {
    if (this.state === 'ready') this.publish(encodeSyncStep1(this.doc));
  }

  private readonly onFrame = (bytes: Uint8Array): void => {
    if (this.state !== 'loading' && this.state !== 'ready') return;
    const frame = decodeFrame(bytes);
    const self = this.bus.instanceId;
    if (!frame || frame.origin === self || (frame.target !== '' && frame.target !== self)) return;
    try {
      this.handle(frame);
    } catch (error) {
      // Another instance of ours sent it, so this is a bug or a version skew, not an attack.
      this.logger.warn('ignored a malformed bus frame', { room: this.room, from: frame.origin, error });
    }
  };

  private handle({ origin, target, message }: Frame): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Awareness) {
      const update = decoding.readVarUint8Array(decoder);
      validateAwarenessUpdate(update);
      applyAwarenessUpdate(this.awareness, update, CLUSTER_ORIGIN);
      return;
    }
    if (type !== MessageType.Sync) return;
    const step = decoding.readVarUint(decoder);
    if (step === SyncStep.Step1) {
      // Until loaded our doc lacks the stored state: answering would only send noise.
      if (this.state !== 'ready') return;
      const stateVector = decoding.readVarUint8Array(decoder);
      const diff = this.doc.diff(stateVector);
      if (diff.byteLength > EMPTY_UPDATE_BYTES) this.publish(encodeStep2(diff), origin);
      // A broadcast ask gets our state vector back, so the asker also sends what we lack;
      // a targeted one is already that answer, and answering it again would never end.
      if (target === '') this.publish(encodeSyncStep1(this.doc), origin);
    } else if (step === SyncStep.Step2 || step === SyncStep.Update) {
      const update = decoding.readVarUint8Array(decoder);
      this.doc.apply(update, step === SyncStep.Step2 ? RECONCILE_ORIGIN : CLUSTER_ORIGIN);
    }
  }
}

function encodeStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncStep.Step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * A snapshot for compaction when several instances append to one room: our doc alone may lack
 * updates another instance appended (their frames still in flight), so deleting the log up to
 * the newest seq would lose them. The snapshot is our doc merged with everything stored, and
 * the seq read *before* that load bounds what it covers (storage hands out a room's seqs in
 * commit order, see postgres.ts).
 */
export async function coveringSnapshot(
  storage: DocStorage,
  room: string,
  doc: DocState,
): Promise<{ snapshot: Uint8Array; throughSeq: number }> {
  const { lastSeq } = await storage.stats(room);
  const stored = await storage.load(room);
  const merged = new Y.Doc();
  try {
    Y.applyUpdate(merged, doc.diff());
    merged.transact(() => stored.forEach((update) => Y.applyUpdate(merged, update)));
    return { snapshot: Y.encodeStateAsUpdate(merged), throughSeq: lastSeq };
  } finally {
    merged.destroy();
  }
}
