import * as Y from 'yjs';
import type { DocListener, DocState } from './types';
import { UpdateGuard } from './update-guard';
import { sanitizeAll } from './sanitize';

/** When a LiveDoc may keep its state encoded instead of as a Y.Doc (see LiveDoc.freeze). */
export interface FreezePolicy {
  /** How long after its last write (or its rebuild) the doc is encoded again. It is encoded at load. */
  readonly quietMs: number;
  /** Runs just before the Y.Doc is dropped: what the owner reads from it must be read now. */
  readonly beforeFreeze: (doc: Y.Doc) => void;
}

/**
 * A room's state as a Y.Doc: for rooms whose content the server itself reads (control rooms).
 *
 * With a FreezePolicy the Y.Doc exists only while the room is being written: a quiet doc is kept
 * as its encoded state (a control room's template is ~57 KB as a Y.Doc, ~2.5 KB encoded, and a
 * facilitator writes it a few times a minute), answers syncs from those bytes, and is rebuilt by
 * the next write or the next reader of `doc`.
 */
export class LiveDoc implements DocState {
  private readonly guard = new UpdateGuard();
  private live: Y.Doc | null;
  /** The state while no Y.Doc is held. */
  private frozen: Uint8Array | null = null;
  private readonly listeners: DocListener[] = [];
  private quietTimer: NodeJS.Timeout | null = null;

  /**
   * `checkWrite`: a further gate, run after the update rules and before anything is applied
   * (control rooms: control-guard.ts); throws InvalidUpdate to refuse the update.
   */
  constructor(
    doc: Y.Doc = new Y.Doc(),
    private readonly checkWrite: ((doc: Y.Doc, update: Uint8Array, origin: unknown) => void) | null = null,
    private readonly freezePolicy: FreezePolicy | null = null,
  ) {
    this.live = doc;
  }

  /** The state as a Y.Doc, rebuilt from its encoding if the doc was frozen. */
  get doc(): Y.Doc {
    return this.live ?? this.thaw(this.frozen!);
  }

  /** Whether the state is held encoded (no Y.Doc) right now. */
  get isFrozen(): boolean {
    return this.live === null;
  }

  stateVector(): Uint8Array {
    return this.live ? Y.encodeStateVector(this.live) : Y.encodeStateVectorFromUpdate(this.frozen!);
  }

  diff(stateVector?: Uint8Array): Uint8Array {
    if (this.live) return Y.encodeStateAsUpdate(this.live, stateVector);
    return stateVector ? Y.diffUpdate(this.frozen!, stateVector) : this.frozen!;
  }

  apply(update: Uint8Array, origin: unknown, counted = false): void {
    const checked = this.guard.inspect(update, counted);
    const doc = this.doc;
    // Nothing to check in an update that neither adds nor deletes (the step 2 every reader sends).
    if (this.checkWrite && (checked.structs.length > 0 || checked.ds.clients.size > 0)) this.checkWrite(doc, update, origin);
    Y.applyUpdate(doc, update, origin);
    this.guard.record(checked);
    this.freezeWhenQuiet();
  }

  load(updates: readonly Uint8Array[]): string[] {
    const { parts, problems } = sanitizeAll(updates);
    applyAll(this.doc, parts);
    // Not a closure over the Y.Doc: it would keep a frozen doc alive.
    this.guard.loaded(() => this.snapshot());
    // Nobody has written yet: readers are answered from the encoding.
    if (this.freezePolicy) this.freeze();
    return problems;
  }

  onUpdate(listener: DocListener): void {
    this.listeners.push(listener);
    this.live?.on('update', listener);
  }

  offUpdate(listener: DocListener): void {
    const at = this.listeners.indexOf(listener);
    if (at >= 0) this.listeners.splice(at, 1);
    this.live?.off('update', listener);
  }

  hasUnstoredPending(): boolean {
    if (!this.live) return false; // only a doc without pending structs is frozen
    return this.live.store.pendingStructs !== null || this.live.store.pendingDs !== null;
  }

  snapshot(): Uint8Array {
    return this.live ? Y.encodeStateAsUpdate(this.live) : this.frozen!;
  }

  byteLength(): number {
    return this.snapshot().byteLength;
  }

  collectedByteLength(): number {
    return this.byteLength(); // a Y.Doc collects deleted content as it goes
  }

  /**
   * Drops the Y.Doc and keeps its encoded state; false if it cannot (updates waiting for a
   * missing dependency exist only in the Y.Doc). Safe at any time between two calls: nothing
   * outside holds the Y.Doc across a turn of the event loop.
   */
  freeze(): boolean {
    this.clearQuietTimer();
    const doc = this.live;
    if (!doc || this.hasUnstoredPending()) return false;
    this.freezePolicy?.beforeFreeze(doc);
    this.frozen = Y.encodeStateAsUpdate(doc);
    for (const listener of this.listeners) doc.off('update', listener);
    doc.destroy();
    this.live = null;
    return true;
  }

  destroy(): void {
    this.clearQuietTimer();
    this.live?.destroy();
    this.live = null;
    this.frozen = null;
  }

  private thaw(state: Uint8Array): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state); // before the listeners: rebuilding is not a change
    for (const listener of this.listeners) doc.on('update', listener);
    this.live = doc;
    this.frozen = null;
    this.freezeWhenQuiet();
    return doc;
  }

  private freezeWhenQuiet(): void {
    if (!this.freezePolicy) return;
    this.clearQuietTimer();
    this.quietTimer = setTimeout(() => this.freeze(), this.freezePolicy.quietMs);
    this.quietTimer.unref();
  }

  private clearQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }
}

/** One transaction: listeners attach after the load, and observers run once. */
function applyAll(doc: Y.Doc, parts: readonly Uint8Array[]): void {
  doc.transact(() => parts.forEach((u) => Y.applyUpdate(doc, u)));
}
