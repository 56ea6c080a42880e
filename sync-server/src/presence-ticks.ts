// Presence (cursors) is relayed in ticks of this length: 20 per second, under the client's own
// 30 per second, so a moving cursor costs each member one message per tick, not one per mover.
export const PRESENCE_TICK_MS = 50;
// Presence states a member receives per tick at most (1,000 a second). Without a cap a plenary
// where everyone moves costs N states per member per tick, N² in all; capped, a room of any size
// costs each member the same, and past this many movers each cursor still updates every N/50 ticks.
export const PRESENCE_PER_TICK = 50;

/**
 * Coalesces a room's presence changes for one tick: relaying each cursor move to each member at
 * once costs N² messages in a plenary of N people; a tick sends each member one message with
 * every presence that changed in it. Ids to publish (our own peers' changes) are kept apart for
 * the cluster bus.
 */
export class PresenceTicks {
  private readonly changed = new Set<number>();
  private readonly toPublish = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly relay: (ids: number[]) => void,
    private readonly publish: (ids: number[]) => void,
    private readonly tickMs = PRESENCE_TICK_MS,
    private readonly perTick = PRESENCE_PER_TICK,
  ) {}

  /** `ours`: changed by this instance's own peers (or their leaving), so other instances hear it. */
  changedBy(ids: readonly number[], ours: boolean): void {
    for (const id of ids) this.changed.add(id);
    if (ours) for (const id of ids) this.toPublish.add(id);
    this.timer ??= setTimeout(this.tick, this.tickMs);
  }

  /** Sends everything pending at once (the room is retiring: who left must be told now). */
  readonly flush = (): void => this.send(Number.POSITIVE_INFINITY);

  /**
   * The oldest changes first (a Set keeps insertion order, and a state that changes again keeps
   * its place): whatever exceeds the cap waits for the next tick, never starves.
   */
  private readonly tick = (): void => this.send(this.perTick);

  private send(limit: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.changed.size) {
      const ids: number[] = [];
      for (const id of this.changed) {
        if (ids.length >= limit) break;
        ids.push(id);
      }
      for (const id of ids) this.changed.delete(id);
      this.relay(ids);
    }
    // Other instances apply their own cap to their own members.
    if (this.toPublish.size) this.publish([...this.toPublish]);
    this.toPublish.clear();
    if (this.changed.size) this.timer = setTimeout(this.tick, this.tickMs);
  }
}
