/**
 * The room bus: how server instances sharing one database tell each other about rooms
 * (ARCHITECTURE.md, "Scale-out"; PROTOCOL.md, "Cluster bus"). One channel per room; what travels
 * is a frame (frame.ts) around an ordinary y-websocket message.
 */

/** Called with each frame another instance published on a room's channel. */
export type BusHandler = (frame: Uint8Array) => void;

export interface RoomBus {
  /** This instance's id: frames carry it so an instance can ignore its own. */
  readonly instanceId: string;
  /** False for the single-instance no-op bus: rooms then skip all cluster work. */
  readonly clustered: boolean;
  /** Fire and forget: a lost frame is healed by the next reconcile, never retried here. */
  publish(room: string, frame: Uint8Array): void;
  /** Resolves once frames published from now on reach `handler` (or the wait gave up; see impl). */
  subscribe(room: string, handler: BusHandler): Promise<void>;
  unsubscribe(room: string, handler: BusHandler): void;
  /**
   * Called after the bus lost its connection and got it back: frames published meanwhile are
   * gone, so subscribers reconcile. Returns a function that removes the listener.
   */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/** The bus of a lone instance (no REDIS_URL): nobody to talk to. */
export function localBus(instanceId: string): RoomBus {
  return {
    instanceId,
    clustered: false,
    publish: () => {},
    subscribe: async () => {},
    unsubscribe: () => {},
    onReconnect: () => () => {},
    close: async () => {},
  };
}
