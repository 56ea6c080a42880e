/**
 * WebSocket close codes the server sends and the client acts on (PROTOCOL.md, "Close codes").
 *
 * The stock y-websocket 3.x client treats 4400-4499 as final (it stops reconnecting and
 * emits 'closed'), and every other code as transient. So a code is in the 44xx range only
 * when retrying the very same request can never succeed; anything a healthy client might
 * hit by bad luck (a flaky proxy mangling a frame, a storage hiccup, a restart) must keep
 * the client reconnecting, and its local-first state re-syncs on the next connection.
 */
export const CloseCode = {
  /** A text frame: the protocol is binary only. Transient: a fixed client may retry. */
  UnsupportedData: 1003,
  /** A binary message we could not decode or apply, or a control record it would leave malformed ('invalid-record'). Transient, see file comment. */
  MalformedMessage: 1007,
  /** Sent by `ws` itself when a frame exceeds maxPayloadBytes. */
  MessageTooBig: 1009,
  /** A bug on our side while handling a message. */
  InternalError: 1011,
  /** The server is shutting down or restarting; reconnect shortly. */
  ServiceRestart: 1012,
  /** The path after /ws/ is not a valid room name. Final. */
  InvalidRoom: 4400,
  /** Missing or wrong token, or the token was rotated ('token rotated'). Final. */
  Unauthorized: 4401,
  /** The upgrade's Origin is not in ALLOWED_ORIGINS ('origin not allowed'). Final. */
  Forbidden: 4403,
  /** The session is not registered. Final for the stock client; ours registers, then reconnects. */
  UnknownSession: 4404,
  /** Loading the room from storage failed; nothing was written. Transient. */
  RoomLoadFailed: 4500,
  /** Persisting an update failed; the room was unloaded. Clients still hold the edit and re-send it. */
  StorageWriteFailed: 4501,
  // --- limits (PROTOCOL.md, "Close codes"): 4413 is final, the 45xx ones are transient ---
  /** The update would grow the room's stored state past maxDocBytes; resending it never fits. Final. */
  DocumentTooLarge: 4413,
  /** The server already holds maxRooms rooms in memory. Transient: rooms unload as people leave. */
  ServerFull: 4503,
  /** The connection sent more messages or bytes than its rate allows. Transient, with backoff. */
  RateLimited: 4529,
  /** Too many open connections from this address. Transient: one closes, another may open. */
  TooManyConnections: 4530,
  /** The room holds maxConnectionsPerRoom connections. Transient. */
  RoomFull: 4531,
  /** Too many failed token attempts from this address; refused unchecked for a while. Transient. */
  TooManyAttempts: 4532,
  /**
   * A phase or votes room of a phase the session's control doc does not define (yet). Transient:
   * a phase the facilitator added offline becomes defined once their control update arrives.
   */
  UnknownPhase: 4533,
  /** The session already has maxRoomsPerSession rooms in memory. Transient: rooms unload as people leave. */
  SessionRoomsFull: 4534,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes the stock client never retries (4400-4499): the same request can never succeed. */
export const isFinalClose = (code: number): boolean => code >= 4400 && code < 4500;

/**
 * The reason of a 1007 that refuses a control record (PROTOCOL.md, "Control records"). Unlike a
 * mangled frame this is no accident: the document that sent it sends the same record on every
 * reconnect, so our client treats it as final and says so (client/src/sync/refusal.ts).
 */
export const INVALID_RECORD_REASON = 'invalid-record';
