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

  private lastSent = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly relay: (ids: number[]) => void,
    private readonly publish: (ids: number[]) => void,
    private readonly tickMs = PRESENCE_TICK_MS,
    private readonly perTick = PRESENCE_PER_TICK,
    /**
     * How much longer than a tick the own timer waits: in a plenary, presence rides on the
     * room's relay ticks (sendIfDue) and the timer only covers a room where nothing else moves.
     */
    private readonly graceMs: () => number = () => 0,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `ours`: changed by this instance's own peers (or their leaving), so other instances hear it. */
  changedBy(ids: readonly number[], ours: boolean): void {
    for (const id of ids) this.changed.add(id);
    if (ours) for (const id of ids) this.toPublish.add(id);
    this.timer ??= setTimeout(this.tick, this.tickMs + this.graceMs());
  }

  /**
   * Sends through `relay` what a tick would, if a tick is due (something changed and a tick's
   * length has passed since the last send): so presence can share a socket write with updates.
   */
  sendIfDue(relay: (ids: number[]) => void): void {
    if (this.changed.size === 0 || this.now() - this.lastSent < this.tickMs) return;
    this.send(this.perTick, relay);
  }

  /** Sends everything pending at once (the room is retiring: who left must be told now). */
  readonly flush = (): void => this.send(Number.POSITIVE_INFINITY);

  /**
   * The oldest changes first (a Set keeps insertion order, and a state that changes again keeps
   * its place): whatever exceeds the cap waits for the next tick, never starves.
   */
  private readonly tick = (): void => this.send(this.perTick);

  private send(limit: number, relay = this.relay): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastSent = this.now();
    if (this.changed.size) {
      const ids: number[] = [];
      for (const id of this.changed) {
        if (ids.length >= limit) break;
        ids.push(id);
      }
      for (const id of ids) this.changed.delete(id);
      relay(ids);
    }
    // Other instances apply their own cap to their own members.
    if (this.toPublish.size) this.publish([...this.toPublish]);
    this.toPublish.clear();
    if (this.changed.size) this.timer = setTimeout(this.tick, this.tickMs + this.graceMs());
  }
}
