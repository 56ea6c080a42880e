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
   * Queues messages that many connections receive alike, in one write (see SharedMessages).
   * Absent: each is sent with send().
   */
  sendShared?(shared: SharedMessages): void;
  /** Closes with a code from CloseCode; idempotent. */
  close(code: number, reason: string): void;
  /**
   * Charges `structs` Yjs structs to this connection's address (limits.ts, StructBudget); false
   * when the address has used up its budget. Absent: unlimited (tests, tools).
   */
  chargeStructs?(structs: number): boolean;
}

/**
 * Messages that many connections of a room receive alike: a relay, a presence tick, or both in a
 * plenary's tick. A transport encodes them once for all (websocket.ts frames them once, and every
 * socket gets the same bytes in one write) instead of once per connection: a plenary's sends, one
 * per member per tick, were its largest cost.
 */
export class SharedMessages {
  private encoded: unknown = null;

  constructor(readonly messages: readonly Uint8Array[]) {}

  /** `encode` runs for the first connection that asks; the others get its result. */
  encodedBy<T>(encode: (messages: readonly Uint8Array[]) => T): T {
    return (this.encoded ??= encode(this.messages)) as T;
  }
}

/** Sends `shared` to `conn` whichever way the connection takes it. */
export function sendShared(conn: Connection, shared: SharedMessages): void {
  if (conn.sendShared) conn.sendShared(shared);
  else for (const message of shared.messages) conn.send(message);
}
