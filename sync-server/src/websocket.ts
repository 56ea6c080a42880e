import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { parseRoomName } from '@wcb/shared';
import { CloseCode } from './close-codes';
import type { Connection } from './connection';
import type { Logger } from './logger';
import type { RoomRegistry } from './room-registry';

/** `ws://host/ws/<room>`: the stock client appends '/' + room name to its server URL. */
export const WS_PATH = '/ws';

// Under the 60 s idle timeout of common reverse proxies, so a quiet room is never cut by one;
// a peer that vanished without a FIN is dropped after at most two intervals.
const KEEPALIVE_INTERVAL_MS = 30_000;
// Enough for a healthy peer to answer our close frame; a redeploy should not wait longer.
const CLOSE_GRACE_MS = 2_000;
// A peer that stopped reading may lag by a few full-state frames, never without bound:
// past this backlog it is cut off and resyncs when it reconnects.
const BACKLOG_FRAMES = 4;

export interface WebSocketGatewayOptions {
  readonly registry: RoomRegistry;
  readonly logger: Logger;
  readonly maxPayloadBytes: number;
}

class WsConnection implements Connection {
  /** Cleared by each keepalive ping, set again by the pong. */
  alive = true;
  private closing = false;
  readonly closed: Promise<void>;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly backlogLimit: number,
  ) {
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
  }

  get isClosing(): boolean {
    return this.closing;
  }

  canWrite(): boolean {
    return true; // roles arrive in the next issue
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.backlogLimit) {
      // A close frame would queue behind the very backlog that is the problem.
      this.terminate();
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code, reason);
  }

  terminate(): void {
    this.closing = true;
    this.ws.terminate();
  }

  ping(): void {
    this.alive = false;
    this.ws.ping();
  }

  /** Closes politely, then forcibly if the peer does not complete the handshake in time. */
  async shutdown(code: number, reason: string): Promise<void> {
    this.close(code, reason);
    const timer = setTimeout(() => this.terminate(), CLOSE_GRACE_MS);
    await this.closed;
    clearTimeout(timer);
  }
}

/** Accepts websocket upgrades on /ws/<room> and wires each socket to its room. */
export class WebSocketGateway {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<WsConnection>();
  private readonly keepalive: NodeJS.Timeout;
  private nextId = 1;
  private closing = false;

  constructor(private readonly options: WebSocketGatewayOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayloadBytes,
      // Yjs updates are already compact binary; deflate would cost CPU and memory per socket.
      perMessageDeflate: false,
      clientTracking: false,
    });
    this.keepalive = setInterval(() => this.sweep(), KEEPALIVE_INTERVAL_MS);
    this.keepalive.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Only the path: the query string is reserved for credentials and must never be logged.
    const path = (req.url ?? '').split('?', 1)[0] ?? '';
    if (path !== WS_PATH && !path.startsWith(`${WS_PATH}/`)) return rejectUpgrade(socket, 404, 'Not Found');
    if (this.closing) return rejectUpgrade(socket, 503, 'Service Unavailable');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, path.slice(WS_PATH.length + 1)));
  }

  /** Closes every socket with `code` and waits for them (bounded by CLOSE_GRACE_MS). */
  async close(code: number, reason: string): Promise<void> {
    this.closing = true;
    clearInterval(this.keepalive);
    await Promise.all([...this.connections].map((conn) => conn.shutdown(code, reason)));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket, roomName: string): void {
    const { logger, registry } = this.options;
    ws.on('error', (error) => logger.debug('websocket error', { error }));
    // Accept-then-close rather than an HTTP 4xx: browsers hide upgrade status codes from
    // scripts, but a close code reaches the client and stops the stock provider for good.
    if (!parseRoomName(roomName)) {
      logger.info('rejected websocket: invalid room name', { length: roomName.length });
      ws.close(CloseCode.InvalidRoom, 'invalid room');
      return;
    }
    const conn = new WsConnection(`c${this.nextId++}`, ws, BACKLOG_FRAMES * this.options.maxPayloadBytes);
    this.connections.add(conn);
    const room = registry.join(roomName, conn);
    logger.debug('connection opened', { room: roomName, conn: conn.id });

    ws.on('message', (data, isBinary) => {
      if (conn.isClosing) return;
      if (!isBinary) {
        conn.close(CloseCode.UnsupportedData, 'binary messages only');
        room.leave(conn);
        return;
      }
      room.receive(conn, toBytes(data));
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('close', (code) => {
      this.connections.delete(conn);
      room.leave(conn);
      logger.debug('connection closed', { room: roomName, conn: conn.id, code });
    });
  }

  private sweep(): void {
    for (const conn of this.connections) {
      if (conn.alive) conn.ping();
      else conn.terminate();
    }
  }
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
