/**
 * What the server counts, as an interface: the websocket gateway, rooms and storage report
 * through it, and `/metrics` renders whatever implementation the server was built with
 * (prom-metrics.ts). Tests and tools that do not care pass `noMetrics`.
 */

/** Why a connection, message or request was turned away; one label value each. */
export type RejectReason =
  | 'invalid-room'
  | 'unknown-session'
  | 'unauthorized'
  | 'auth-rate-limited'
  | 'origin'
  | 'text-frame'
  | 'malformed'
  | 'too-big'
  | 'doc-too-large'
  | 'update-rate'
  | 'connections-per-ip'
  | 'connections-per-room'
  | 'rooms-full'
  | 'session-rooms'
  | 'session-bytes'
  | 'unknown-phase'
  | 'load-failed'
  | 'write-denied'
  | 'backlog'
  | 'create-rate-limited'
  | 'sessions-full'
  | 'storage-full';

export interface Metrics {
  connectionOpened(): void;
  connectionClosed(): void;
  roomLoaded(): void;
  roomUnloaded(): void;
  messageIn(bytes: number): void;
  messageOut(bytes: number): void;
  /** Seconds one storage append (or compaction) took. */
  persisted(seconds: number, kind: 'append' | 'compact'): void;
  rejected(reason: RejectReason): void;
}

const noop = (): void => {};
export const noMetrics: Metrics = Object.freeze({
  connectionOpened: noop,
  connectionClosed: noop,
  roomLoaded: noop,
  roomUnloaded: noop,
  messageIn: noop,
  messageOut: noop,
  persisted: noop,
  rejected: noop,
});
