import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { IdRanges } from './id-ranges';
import { UpdateGuard, type CheckedUpdate } from './update-guard';
import { sanitizeAll } from './sanitize';
import type { DocListener, DocState } from './types';

// Merging is O(state); integrated updates wait in a list until this many, or until a peer asks.
const MERGE_AFTER = 32;
// Garbage collection needs a Y.Doc for a moment; it runs once deleted content may have doubled
// the state since the last collection (plus this slack, so small rooms are not hydrated often).
export const COLLECT_SLACK_BYTES = 16 * 1024;
// Y.mergeUpdates slows down quadratically with thousands of parts (a log a crash left
// uncompacted); past this many, loading goes through a Y.Doc for a moment instead.
const HYDRATE_ABOVE = 64;

/**
 * A room's state without a Y.Doc (issue 6: a Y.Doc spends ~450 bytes per struct, 3 MB for a
 * 500-note phase). It keeps the state as one merged update, plus which ids it has received and
 * which it knows deleted, so that it can answer a state vector, tell new content from known
 * content, and diff for a peer exactly as a Y.Doc would, at a fraction of the memory.
 *
 * A difference from a Y.Doc: an update whose dependencies are missing is new content here; it is
 * stored and relayed at once (receivers keep it pending), where a Y.Doc holds it back.
 */
export class EncodedDoc implements DocState {
  private merged: Uint8Array = Y.mergeUpdates([]);
  /** Integrated since the last merge. */
  private tail: Uint8Array[] = [];
  private readonly received = new IdRanges();
  private readonly deleted = new IdRanges();
  private readonly listeners = new Set<DocListener>();
  /** Size of the state after the last garbage collection. */
  private collected = 0;
  private readonly guard = new UpdateGuard();

  stateVector(): Uint8Array {
    const sv = this.received.stateVector();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, sv.size);
    // Highest client first, as Y.encodeStateVector writes it.
    for (const [client, clock] of [...sv].sort((a, b) => b[0] - a[0])) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
    }
    return encoding.toUint8Array(encoder);
  }

  diff(stateVector?: Uint8Array): Uint8Array {
    const state = this.flush();
    // A newcomer's vector is empty ([0]): it gets the whole state as it is, without a re-encode.
    return stateVector && !isEmptyVector(stateVector) ? Y.diffUpdate(state, stateVector) : state;
  }

  apply(update: Uint8Array, origin: unknown, counted = false): void {
    const checked = this.guard.inspect(update, counted);
    const fresh = this.novelPart(update, checked);
    this.guard.record(checked);
    if (!fresh) return;
    this.tail.push(fresh);
    if (this.tail.length >= MERGE_AFTER) this.flush();
    for (const listener of this.listeners) listener(fresh, origin);
  }

  load(updates: readonly Uint8Array[]): string[] {
    const { parts: stored, problems } = sanitizeAll(updates);
    // The empty update ([0, 0]) adds nothing; a lone snapshot, the usual load, needs no merge.
    const parts = [this.flush(), ...stored].filter((u) => u.byteLength > 2);
    this.merged = parts.length <= HYDRATE_ABOVE ? mergeOrRepair(parts) : collectOrRepair(parts);
    this.index(this.merged);
    const loaded = this.merged;
    this.guard.loaded(() => loaded);
    this.collected = this.merged.byteLength;
    // As a Y.Doc's one load transaction: heard by listeners already attached (a size estimate).
    for (const listener of this.listeners) listener(this.merged, null);
    return problems;
  }

  onUpdate(listener: DocListener): void {
    this.listeners.add(listener);
  }

  offUpdate(listener: DocListener): void {
    this.listeners.delete(listener);
  }

  hasUnstoredPending(): boolean {
    return false; // new content with missing dependencies is emitted, hence stored, like any other
  }

  snapshot(): Uint8Array {
    const state = this.flush();
    if (state.byteLength <= 2 * this.collected + COLLECT_SLACK_BYTES) return state;
    this.merged = collect([state]);
    this.collected = this.merged.byteLength;
    return this.merged;
  }

  byteLength(): number {
    return this.flush().byteLength;
  }

  collectedByteLength(): number {
    // The collected state holds the same ids, so what was received and deleted stays as recorded.
    try {
      this.merged = collect([this.flush()]);
    } catch {
      return this.merged.byteLength; // state an older version stored that a Y.Doc cannot take whole
    }
    this.collected = this.merged.byteLength;
    return this.collected;
  }

  destroy(): void {
    this.listeners.clear();
    this.tail = [];
    this.merged = Y.mergeUpdates([]);
  }

  /**
   * Records which ids `state` holds and deletes. Without a gap (the usual case) each client's
   * structs are one range, read from the update's metadata; a gap means decoding every struct.
   */
  private index(state: Uint8Array): void {
    const { from, to } = Y.parseUpdateMeta(state);
    const vector = Y.encodeStateVectorFromUpdate(state);
    const contiguous = Y.decodeStateVector(vector);
    const gapless = [...from].every(([client, clock]) => clock === 0 && contiguous.get(client) === to.get(client));
    if (gapless) {
      for (const [client, end] of to) this.received.add(client, 0, end);
    } else {
      const { structs } = Y.decodeUpdate(state);
      for (const s of structs) if (!(s instanceof Y.Skip)) this.received.add(s.id.client, s.id.clock, s.length);
    }
    // Stripped of every struct we hold, the state is little more than its delete set.
    const { ds } = Y.decodeUpdate(Y.diffUpdate(state, vector));
    for (const [client, items] of ds.clients) for (const { clock, len } of items) this.deleted.add(client, clock, len);
  }

  /**
   * The part of `update` this state lacks, or null if it has all of it. The update was decoded
   * and checked by the guard: a malformed or hostile one threw there and is never stored.
   */
  private novelPart(update: Uint8Array, checked: CheckedUpdate): Uint8Array | null {
    const structs = checked.structs.filter((s) => !(s instanceof Y.Skip));
    const { ds } = checked;
    let newStructs = false;
    let knownStructs = false;
    for (const { id, length } of structs) {
      if (!this.received.covers(id.client, id.clock, length)) newStructs = true;
      if (this.received.intersects(id.client, id.clock, length)) knownStructs = true;
    }
    let newDeletes = false;
    for (const [client, items] of ds.clients) {
      for (const { clock, len } of items) if (!this.deleted.covers(client, clock, len)) newDeletes = true;
    }
    if (!newStructs && !newDeletes) return null;
    // Trimmed against what we hold before recording it: a reconnecting peer's update may repeat some.
    const fresh = knownStructs ? Y.diffUpdate(update, this.stateVector()) : update;
    for (const { id, length } of structs) this.received.add(id.client, id.clock, length);
    for (const [client, items] of ds.clients) for (const { clock, len } of items) this.deleted.add(client, clock, len);
    return fresh;
  }

  private flush(): Uint8Array {
    if (this.tail.length === 0) return this.merged;
    this.merged = mergeOrRepair([this.merged, ...this.tail]);
    this.tail = [];
    return this.merged;
  }
}

const isEmptyVector = (stateVector: Uint8Array): boolean => stateVector.byteLength === 1 && stateVector[0] === 0;

/** The state of many updates through a Y.Doc, which also collects their deleted content. */
function collect(parts: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => parts.forEach((u) => Y.applyUpdate(doc, u)));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

function collectOrRepair(parts: Uint8Array[]): Uint8Array {
  try {
    return collect(parts);
  } catch {
    return mergeOrRepair(parts);
  }
}

/**
 * Every part decoded when it arrived, so merging them should not fail; should Yjs still refuse
 * a combination, the parts are applied one by one to a Y.Doc instead, which keeps every part
 * that integrates rather than wedging the room on one.
 */
function mergeOrRepair(parts: Uint8Array[]): Uint8Array {
  try {
    return Y.mergeUpdates(parts);
  } catch {
    const doc = new Y.Doc();
    try {
      for (const part of parts) {
        try {
          Y.applyUpdate(doc, part);
        } catch {
          // skipped: the part that cannot be combined with the rest
        }
      }
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }
}
