// Presence (cursors) is relayed in ticks of this length: 20 per second, under the client's own
// 30 per second, so a moving cursor costs each member one message per tick, not one per mover.
export const PRESENCE_TICK_MS = 50;

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
  ) {}

  /** `ours`: changed by this instance's own peers (or their leaving), so other instances hear it. */
  changedBy(ids: readonly number[], ours: boolean): void {
    for (const id of ids) this.changed.add(id);
    if (ours) for (const id of ids) this.toPublish.add(id);
    this.timer ??= setTimeout(this.flush, this.tickMs);
  }

  readonly flush = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.changed.size) this.relay([...this.changed]);
    if (this.toPublish.size) this.publish([...this.toPublish]);
    this.changed.clear();
    this.toPublish.clear();
  };
}
