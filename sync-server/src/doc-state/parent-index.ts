/**
 * Which shared type every item of a room lives in, kept as clock runs per client, plus the
 * nesting depth of every shared type. Yjs writes an item's parent only when the item has no
 * neighbours; otherwise the parent is its left (or right) neighbour's. Knowing the parent of
 * every id the room holds is what lets an update's new types be placed, and their nesting
 * bounded, without a Y.Doc (update-guard.ts).
 */

/** A parent: a root type's name, a shared type by its item's id, or one of two markers. */
export type ParentRef = `root:${string}` | `type:${number}:${number}` | typeof GONE | typeof UNKNOWN;
/** The item's neighbour was garbage-collected: Yjs integrates the item nowhere. */
export const GONE = 'gone';
/** Not held by the room (yet): Yjs would keep the item pending. */
export const UNKNOWN = 'unknown';

export const rootRef = (name: string): ParentRef => `root:${name}`;
export const typeRef = (client: number, clock: number): ParentRef => `type:${client}:${clock}`;

interface Runs {
  starts: number[];
  ends: number[];
  parents: ParentRef[];
}

export class ParentIndex {
  private readonly clients = new Map<number, Runs>();
  /** Depth of each shared type (a root type is 0, a type in it 1); Infinity when unknowable. */
  private readonly typeDepths = new Map<ParentRef, number>();

  /** The parent of the item holding `clock`, GONE for a collected range, UNKNOWN if not held. */
  parentOf(client: number, clock: number): ParentRef {
    const runs = this.clients.get(client);
    if (!runs) return UNKNOWN;
    const i = lastAtOrBefore(runs.starts, clock);
    return i >= 0 && runs.ends[i]! > clock ? runs.parents[i]! : UNKNOWN;
  }

  /** Whether some item of [clock, clock + len) of `client` is recorded. */
  holds(client: number, clock: number): boolean {
    return this.parentOf(client, clock) !== UNKNOWN;
  }

  depthOf(parent: ParentRef): number | undefined {
    if (parent.startsWith('root:')) return 0;
    return this.typeDepths.get(parent);
  }

  isType(ref: ParentRef): boolean {
    return this.typeDepths.has(ref);
  }

  recordType(ref: ParentRef, depth: number): void {
    if (!this.typeDepths.has(ref)) this.typeDepths.set(ref, depth);
  }

  /** Records [clock, clock + len) of `client` as living in `parent`; clocks already held keep theirs. */
  add(client: number, clock: number, len: number, parent: ParentRef): void {
    if (len <= 0) return;
    let runs = this.clients.get(client);
    if (!runs) this.clients.set(client, (runs = { starts: [], ends: [], parents: [] }));
    let start = clock;
    const end = clock + len;
    let i = lastAtOrBefore(runs.starts, start);
    if (i >= 0 && runs.ends[i]! > start) start = runs.ends[i]!;
    i += 1;
    // Fill each gap between held runs up to `end`.
    while (start < end) {
      const nextStart = i < runs.starts.length ? runs.starts[i]! : Infinity;
      const gapEnd = Math.min(end, nextStart);
      if (gapEnd > start) i += insertRun(runs, i, start, gapEnd, parent);
      if (nextStart >= end) break;
      start = runs.ends[i]!;
      i += 1;
    }
  }
}

/** Index of the last start at or before `clock`, or -1. */
function lastAtOrBefore(starts: readonly number[], clock: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Returns how many runs were inserted: 0 when the previous run grew instead. */
function insertRun(runs: Runs, i: number, start: number, end: number, parent: ParentRef): number {
  // Typing appends to the previous run: one run per stretch of a client's items in one parent.
  const prev = i - 1;
  if (prev >= 0 && runs.ends[prev] === start && runs.parents[prev] === parent) {
    runs.ends[prev] = end;
    return 0;
  }
  runs.starts.splice(i, 0, start);
  runs.ends.splice(i, 0, end);
  runs.parents.splice(i, 0, parent);
  return 1;
}
