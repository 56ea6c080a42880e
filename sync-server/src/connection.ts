import type { Role } from '@wcb/shared';

/**
 * One peer of a room as the room sees it: no socket, no HTTP. The websocket layer implements
 * it; tests can implement it with an array.
 */
export interface Connection {
  /** Opaque, for logs only. */
  readonly id: string;
  /**
   * What the peer's token granted. Whether it may write is decided per message by the room
   * (roomAccess over the session's control doc), never fixed at connect time.
   */
  readonly role: Role;
  /** Queues one binary message; a no-op once the connection is closing. */
  send(message: Uint8Array): void;
  /**
   * Holds this connection's writes until uncork(), so the frames queued in between leave in one
   * socket write (a plenary's tick: its updates and its presence). Absent: each send writes.
   */
  cork?(): void;
  uncork?(): void;
  /** Closes with a code from CloseCode; idempotent. */
  close(code: number, reason: string): void;
  /**
   * Charges `structs` Yjs structs to this connection's address (limits.ts, StructBudget); false
   * when the address has used up its budget. Absent: unlimited (tests, tools).
   */
  chargeStructs?(structs: number): boolean;
}
