import type http from 'node:http';
import type { Socket } from 'node:net';
import { ConnectionCounter } from './limits';

/** How long a request may take to arrive (PROTOCOL.md, "Limits"). */
export interface HttpTimeouts {
  /** Until the last header line. */
  readonly headersMs: number;
  /** Until the whole request, body included. */
  readonly requestMs: number;
}

export const HTTP_TIMEOUTS: HttpTimeouts = {
  // Headers take a round trip or two, even from a phone on venue Wi-Fi; a socket that dribbles
  // them (slowloris) is cut after 10 s instead of Node's 60.
  headersMs: 10_000,
  // The largest body is an import of a few MB: a minute covers a slow upload.
  requestMs: 60_000,
};
// How often Node looks for requests past those timeouts; its default, 30 s, would triple them.
export const TIMEOUT_CHECK_MS = 1_000;
// Open sockets one address may hold: its WebSockets (at most maxConnectionsPerIp) and as many
// again for page loads, API calls and idle keep-alive sockets of the same browsers.
const SOCKETS_PER_ALLOWED_WEBSOCKET = 2;

/**
 * Bounds what an address can hold open before it has sent a single valid request: Node's own
 * timeouts for slow requests, and a cap on open sockets per address, so a script cannot exhaust
 * the server's file descriptors (everyone's) with sockets that never finish a request. Behind a
 * reverse proxy every socket comes from the proxy: the cap is then the proxy's to enforce.
 */
export function guardHttp(server: http.Server, options: { timeouts: HttpTimeouts; maxConnectionsPerIp: number; trustProxy: number }): void {
  server.headersTimeout = options.timeouts.headersMs;
  server.requestTimeout = options.timeouts.requestMs;
  if (options.trustProxy > 0) return;
  const open = new ConnectionCounter(SOCKETS_PER_ALLOWED_WEBSOCKET * options.maxConnectionsPerIp);
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (!open.acquire(address)) return void socket.destroy();
    socket.once('close', () => open.release(address));
  });
}
