/**
 * One peer of a room as the room sees it: no socket, no HTTP. The websocket layer implements
 * it; tests can implement it with an array.
 */
export interface Connection {
  /** Opaque, for logs only. */
  readonly id: string;
  /**
   * Whether the peer may change the room's doc right now. Always true until roles exist
   * (viewers, facilitator-only control room, locked phases); asked for every message.
   */
  canWrite(): boolean;
  /** Queues one binary message; a no-op once the connection is closing. */
  send(message: Uint8Array): void;
  /** Closes with a code from CloseCode; idempotent. */
  close(code: number, reason: string): void;
}
