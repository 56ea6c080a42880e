/**
 * Sets of Yjs ids as sorted, merged clock ranges per client: which structs a room has received
 * and which it knows to be deleted, without keeping the structs themselves.
 */
export class IdRanges {
  /** client → [start, end) pairs, sorted, non-overlapping, non-adjacent. */
  private readonly clients = new Map<number, number[]>();

  /** Whether every clock in [clock, clock + len) of `client` is in the set. */
  covers(client: number, clock: number, len: number): boolean {
    const ranges = this.clients.get(client);
    if (!ranges) return len === 0;
    const i = this.indexAfter(ranges, clock) - 2;
    return i >= 0 && ranges[i + 1]! >= clock + len;
  }

  /** Whether some clock in [clock, clock + len) of `client` is in the set. */
  intersects(client: number, clock: number, len: number): boolean {
    const ranges = this.clients.get(client);
    if (!ranges || len <= 0) return false;
    const i = this.indexAfter(ranges, clock + len - 1) - 2;
    return i >= 0 && ranges[i + 1]! > clock;
  }

  add(client: number, clock: number, len: number): void {
    if (len <= 0) return;
    let ranges = this.clients.get(client);
    if (!ranges) this.clients.set(client, (ranges = []));
    let start = clock;
    let end = clock + len;
    // The first range that could touch [start, end): the one starting at or before `start`.
    let i = Math.max(0, this.indexAfter(ranges, start) - 2);
    if (i < ranges.length && ranges[i + 1]! < start) i += 2;
    let j = i;
    while (j < ranges.length && ranges[j]! <= end) {
      start = Math.min(start, ranges[j]!);
      end = Math.max(end, ranges[j + 1]!);
      j += 2;
    }
    ranges.splice(i, j - i, start, end);
  }

  /**
   * The state vector of a doc holding these structs: per client, the end of the range starting
   * at clock 0. Structs past a gap wait for their dependency, as Yjs keeps them pending.
   */
  stateVector(): Map<number, number> {
    const sv = new Map<number, number>();
    for (const [client, ranges] of this.clients) if (ranges[0] === 0) sv.set(client, ranges[1]!);
    return sv;
  }

  /** Index of the first range start greater than `clock` (an even index, or length). */
  private indexAfter(ranges: number[], clock: number): number {
    let lo = 0;
    let hi = ranges.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranges[mid * 2]! <= clock) lo = mid + 1;
      else hi = mid;
    }
    return lo * 2;
  }
}
