/**
 * What a room keeps of its Yjs document (ARCHITECTURE.md, "Room state"). Two implementations
 * pass one contract suite (tests/unit/doc-state-contract.test.ts):
 * - LiveDoc: a Y.Doc, for control rooms, whose content the server reads (locks, voting);
 * - EncodedDoc: the state as one merged update plus id ranges, for phase and votes rooms,
 *   whose content the server only stores and relays; a fraction of a Y.Doc's memory.
 */
export type DocListener = (update: Uint8Array, origin: unknown) => void;

export interface DocState {
  /** Our state vector (the payload of a sync step 1). */
  stateVector(): Uint8Array;
  /** What a peer with `stateVector` lacks (a sync step 2 payload); everything without one. Throws on a malformed vector. */
  diff(stateVector?: Uint8Array): Uint8Array;
  /**
   * Integrates an update from `origin` and tells the listeners what was new in it. Content
   * already held tells nobody anything. Throws on a malformed update. `counted`: the caller
   * already counted its structs against UPDATE_LIMITS (countStructs), so the gate skips that scan.
   */
  apply(update: Uint8Array, origin: unknown, counted?: boolean): void;
  /**
   * Stored updates at load, as one change (the room attaches its own listener after it). Content
   * an older version stored that the update gate refuses is dropped (doc-state/sanitize.ts);
   * returns a line per drop, for the log.
   */
  load(updates: readonly Uint8Array[]): string[];
  /** Called after every apply that brought something new. */
  onUpdate(listener: DocListener): void;
  offUpdate(listener: DocListener): void;
  /**
   * Whether some content is held only in memory: a Y.Doc keeps updates with missing
   * dependencies pending and never emits them, so only a snapshot can store them.
   */
  hasUnstoredPending(): boolean;
  /** The whole state for a compaction snapshot, deleted content garbage-collected. */
  snapshot(): Uint8Array;
  /** The encoded size of the state in bytes (exact, may cost a merge). */
  byteLength(): number;
  /** The size once deleted content is garbage-collected (a full pass over the state). */
  collectedByteLength(): number;
  destroy(): void;
}
