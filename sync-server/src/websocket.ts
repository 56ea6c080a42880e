import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { parseRoomName, type Role, type RoomRef } from '@wcb/shared';
import { CloseCode } from '@wcb/shared/wire';
import { DEFAULTS } from './config';
import {
  ConnectionCounter,
  FailureLimiter,
  LimitRefusal,
  MessageRateLimiter,
  clientAddress,
  originAllowed,
  StructBudget,
} from './limits';
import { UPDATE_LIMITS } from './doc-state/update-rules';
import type { Connection, SharedMessages } from './connection';
import type { LogFields, Logger } from './logger';
import { noMetrics, type Metrics, type RejectReason } from './metrics';
import type { Room } from './room';
import type { RoomRegistry } from './room-registry';
import type { SessionStore } from './storage/types';
import { hashToken, queryToken, roleForToken } from './tokens';
import { binaryFrames } from './ws-frames';

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
  /** Where registered sessions and their token hashes live. */
  readonly sessions: SessionStore;
  readonly logger: Logger;
  readonly maxPayloadBytes: number;
  /** Defaults to noMetrics. */
  readonly metrics?: Metrics;
  /** Connection limits; each defaults to its DEFAULTS value (config.ts). */
  readonly limits?: Partial<GatewayLimits>;
  /** Failed token attempts per address, shared with the HTTP API; one of our own if absent. */
  readonly authFailures?: FailureLimiter;
}

export interface GatewayLimits {
  readonly maxConnectionsPerIp: number;
  readonly messageBurst: number;
  readonly messageRate: number;
  readonly messageBytesPerSecond: number;
  readonly authFailuresPerMinute: number;
  readonly trustProxy: number;
  readonly allowedOrigins: readonly string[];
}

/** Who is knocking: read from the upgrade request, before the socket exists. */
interface Caller {
  readonly address: string;
  readonly origin: string | undefined;
  readonly token: string | null;
}

class WsConnection implements Connection {
  /** Cleared by each keepalive ping, set again by the pong. */
  alive = true;
  /** Charges decoded structs to this connection's address (set by the gateway). */
  chargeStructs?: (structs: number) => boolean;
  /** Set once the token is checked, before the connection joins its room. Least privilege until then. */
  role: Role = 'viewer';
  /** The session and the hash of the token this connection authenticated with (for revocation). */
  sessionId: string | null = null;
  tokenHash: string | null = null;
  private closing = false;
  readonly closed: Promise<void>;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    /** The upgraded socket `ws` writes its frames to; shared messages are written to it directly. */
    private readonly socket: Duplex,
    private readonly backlogLimit: number,
    private readonly metrics: Metrics = noMetrics,
  ) {
    this.closed = new Promise((resolve) =>
      ws.once('close', () => {
        // Also when the peer closed first: a connection still authenticating must not join.
        this.closing = true;
        resolve();
      }),
    );
  }

  get isClosing(): boolean {
    return this.closing;
  }

  send(message: Uint8Array): void {
    if (!this.writable()) return;
    this.ws.send(message);
    this.metrics.messageOut(message.byteLength);
  }

  /**
   * Framed once for every member (ws-frames.ts), one socket write here. The bytes keep their
   * place among ws's own: with compression off (the gateway's setting) and no Blobs sent, ws
   * writes each frame to the socket at once and queues nothing.
   */
  sendShared(shared: SharedMessages): void {
    if (!this.writable()) return;
    this.socket.write(shared.encodedBy(binaryFrames));
    for (const message of shared.messages) this.metrics.messageOut(message.byteLength);
  }

  /** Open and keeping up; a peer whose unread backlog passed the limit is cut off here. */
  private writable(): boolean {
    if (this.closing || this.ws.readyState !== WebSocket.OPEN) return false;
    if (this.ws.bufferedAmount <= this.backlogLimit) return true;
    // A close frame would queue behind the very backlog that is the problem.
    this.metrics.rejected('backlog');
    this.terminate();
    return false;
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
/** One accepted connection on its way into its room. */
type ConnectionLink = {
  readonly conn: WsConnection;
  readonly roomName: string;
  readonly address: string;
  room: Room | null;
  /** What arrived before the room was joined, and its size. */
  early: Uint8Array[];
  earlyBytes: number;
};

const deliver = (room: Room, conn: WsConnection, bytes: Uint8Array): void => {
  if (!conn.isClosing) room.receive(conn, bytes);
};

export class WebSocketGateway {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<WsConnection>();
  private readonly keepalive: NodeJS.Timeout;
  private nextId = 1;
  private closing = false;
  /** Per session: bumped by every revocation, so an authentication that raced one starts over. */
  private readonly revocations = new Map<string, number>();
  private readonly limits: GatewayLimits;
  private readonly perAddress: ConnectionCounter;
  private readonly authFailures: FailureLimiter;
  private readonly structs = new StructBudget(UPDATE_LIMITS.maxStructs);

  constructor(private readonly options: WebSocketGatewayOptions) {
    this.limits = { ...DEFAULTS, ...options.limits };
    this.perAddress = new ConnectionCounter(this.limits.maxConnectionsPerIp);
    this.authFailures = options.authFailures ?? new FailureLimiter(this.limits.authFailuresPerMinute);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxPayloadBytes,
      // Yjs updates are already compact binary; deflate would cost CPU and memory per socket.
      perMessageDeflate: false,
      clientTracking: false,
      // Pings are answered in receiveMessages, within the connection's message rate: answered by
      // ws itself, a ping flood was a pong written per frame, outside every limit.
      autoPong: false,
    });
    this.keepalive = setInterval(() => this.sweep(), KEEPALIVE_INTERVAL_MS);
    this.keepalive.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Only the path: the query string carries the token and must never be logged.
    const path = (req.url ?? '').split('?', 1)[0] ?? '';
    if (path !== WS_PATH && !path.startsWith(`${WS_PATH}/`)) return rejectUpgrade(socket, 404, 'Not Found');
    if (this.closing) return rejectUpgrade(socket, 503, 'Service Unavailable');
    const caller: Caller = {
      address: clientAddress(req, this.limits.trustProxy),
      origin: req.headers.origin,
      token: queryToken(req.url),
    };
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket, path.slice(WS_PATH.length + 1), caller));
  }

  /**
   * Closes, with 4401 'token rotated', every connection of `sessionId` with `role` whose token
   * hash is not `currentHash`: called right after a rotation stored the new hash.
   */
  revoke(sessionId: string, role: Role, currentHash: string): number {
    this.revocations.set(sessionId, (this.revocations.get(sessionId) ?? 0) + 1);
    let closed = 0;
    for (const conn of this.connections) {
      if (conn.sessionId === sessionId && conn.role === role && conn.tokenHash !== currentHash) {
        conn.close(CloseCode.Unauthorized, 'token rotated');
        closed += 1;
      }
    }
    return closed;
  }

  /** Closes every socket with `code` and waits for them (bounded by CLOSE_GRACE_MS). */
  async close(code: number, reason: string): Promise<void> {
    this.closing = true;
    clearInterval(this.keepalive);
    await Promise.all([...this.connections].map((conn) => conn.shutdown(code, reason)));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket, socket: Duplex, roomName: string, caller: Caller): void {
    const { logger } = this.options;
    const metrics = this.options.metrics ?? noMetrics;
    ws.on('error', (error: Error & { code?: string }) => {
      // `ws` closes a frame past maxPayload with 1009 itself; this is where we hear of it.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') metrics.rejected('too-big');
      logger.debug('websocket error', { error });
    });
    const ref = this.admit(ws, roomName, caller);
    if (!ref) return;
    const { address } = caller;
    ws.once('close', () => this.perAddress.release(address));
    const conn = new WsConnection(`c${this.nextId++}`, ws, socket, BACKLOG_FRAMES * this.options.maxPayloadBytes, metrics);
    conn.chargeStructs = (structs) => this.structs.take(address, structs);
    this.connections.add(conn);
    metrics.connectionOpened();
    const link: ConnectionLink = { conn, roomName, address, room: null, early: [], earlyBytes: 0 };
    this.receiveMessages(ws, link);
    ws.on('close', (code) => {
      this.connections.delete(conn);
      metrics.connectionClosed();
      link.room?.leave(conn);
      logger.debug('connection closed', { room: roomName, conn: conn.id, code });
    });
    void this.authenticate(conn, ref, caller.token, address).then(
      (ok) => (ok && !conn.isClosing ? this.join(link) : undefined),
      (error: unknown) => {
        logger.error('session lookup failed', { room: roomName, conn: conn.id, error });
        conn.close(CloseCode.RoomLoadFailed, 'room load failed');
      },
    );
  }

  /**
   * The checks made before anything is allocated for a connection, each refusal one close frame.
   * Accept-then-close rather than an HTTP 4xx: browsers hide upgrade status codes from scripts,
   * but a close code reaches the client and stops the stock provider for good. Takes the
   * address's connection slot when it admits.
   */
  private admit(ws: WebSocket, roomName: string, caller: Caller): RoomRef | null {
    const { logger } = this.options;
    const metrics = this.options.metrics ?? noMetrics;
    const { address } = caller;
    const refuse = (code: number, reason: string, metric: RejectReason, message: string, fields: LogFields = { room: roomName, address }): null => {
      logger.info(message, fields);
      metrics.rejected(metric);
      ws.close(code, reason);
      return null;
    };
    const ref = parseRoomName(roomName);
    if (!ref) return refuse(CloseCode.InvalidRoom, 'invalid room', 'invalid-room', 'rejected websocket: invalid room name', { length: roomName.length });
    if (!originAllowed(caller.origin, this.limits.allowedOrigins)) {
      return refuse(CloseCode.Forbidden, 'origin not allowed', 'origin', 'rejected websocket: origin not allowed');
    }
    if (this.authFailures.blocked(address)) {
      return refuse(CloseCode.TooManyAttempts, 'too many attempts', 'auth-rate-limited', 'rejected websocket: too many failed token attempts');
    }
    if (!this.perAddress.acquire(address)) {
      return refuse(CloseCode.TooManyConnections, 'too many connections', 'connections-per-ip', 'rejected websocket: too many connections from this address');
    }
    return ref;
  }

  /** Frames: binary only, within the rate; held (up to one payload) until the room is joined. */
  private receiveMessages(ws: WebSocket, link: ConnectionLink): void {
    const { logger } = this.options;
    const metrics = this.options.metrics ?? noMetrics;
    const { conn } = link;
    const rate = new MessageRateLimiter({
      burst: this.limits.messageBurst,
      perSecond: this.limits.messageRate,
      bytesPerSecond: this.limits.messageBytesPerSecond,
      maxFrameBytes: this.options.maxPayloadBytes,
    });
    const closeFor = (code: number, reason: string, metric: RejectReason) => {
      conn.close(code, reason);
      metrics.rejected(metric);
      link.room?.leave(conn);
    };
    // Every frame counts against the rate, control frames too: each costs a handler, a ping a write.
    const withinRate = (bytes: number): boolean => {
      if (rate.allow(bytes)) return true;
      logger.warn('closing connection: message rate exceeded', { room: link.roomName, conn: conn.id, address: link.address });
      closeFor(CloseCode.RateLimited, 'rate limited', 'update-rate');
      return false;
    };
    ws.on('ping', (data) => {
      if (!conn.isClosing && withinRate(data.byteLength)) ws.pong(data);
    });
    ws.on('pong', (data) => {
      if (!conn.isClosing && withinRate(data.byteLength)) conn.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      if (conn.isClosing) return;
      if (!isBinary) return closeFor(CloseCode.UnsupportedData, 'binary messages only', 'text-frame');
      const bytes = toBytes(data);
      metrics.messageIn(bytes.byteLength);
      if (!withinRate(bytes.byteLength)) return;
      if (link.room) return deliver(link.room, conn, bytes);
      // The stock client sends its step 1 at once; it waits here while the token is checked.
      link.earlyBytes += bytes.byteLength;
      if (link.earlyBytes <= this.options.maxPayloadBytes) link.early.push(bytes);
      else closeFor(CloseCode.MessageTooBig, 'too much data before authentication', 'too-big');
    });
  }

  /** Joins the authenticated connection to its room and hands it what it sent meanwhile. */
  private async join(link: ConnectionLink): Promise<void> {
    const { logger } = this.options;
    const { conn, roomName } = link;
    try {
      const joined = await this.options.registry.join(roomName, conn);
      // Closed while its room loaded: it joined after its close handler ran.
      if (conn.isClosing) return joined.leave(conn);
      link.room = joined;
      logger.debug('connection opened', { room: roomName, conn: conn.id, role: conn.role });
      for (const message of link.early.splice(0)) deliver(joined, conn, message);
    } catch (error) {
      if (error instanceof LimitRefusal) {
        logger.info(`rejected websocket: ${error.reason}`, { room: roomName, conn: conn.id });
        (this.options.metrics ?? noMetrics).rejected(error.metric);
        conn.close(error.closeCode, error.reason);
        return;
      }
      logger.error('joining a room failed', { room: roomName, conn: conn.id, error });
      conn.close(CloseCode.InternalError, 'internal error');
      link.room?.leave(conn);
    }
  }

  /**
   * Resolves true once `conn` carries its session, role and token hash; otherwise closes it
   * (4404 unknown session, 4401 unauthorized) and resolves false. Never logs the token.
   */
  private async authenticate(conn: WsConnection, ref: RoomRef, token: string | null, address: string): Promise<boolean> {
    const { sessions, logger } = this.options;
    for (;;) {
      const epoch = this.revocations.get(ref.sessionId) ?? 0;
      const session = await sessions.getSession(ref.sessionId);
      if (conn.isClosing) return false;
      // A rotation finished while we read: our copy of the hashes may be stale, read again.
      if ((this.revocations.get(ref.sessionId) ?? 0) !== epoch) continue;
      if (!session) {
        logger.info('rejected websocket: unknown session', { conn: conn.id });
        conn.close(CloseCode.UnknownSession, 'unknown session');
        (this.options.metrics ?? noMetrics).rejected('unknown-session');
        return false;
      }
      const role = roleForToken(token, session.tokenHashes);
      if (!role || token === null) {
        const cause = token ? 'wrong token' : 'no token';
        logger.info('rejected websocket: unauthorized', { session: ref.sessionId, conn: conn.id, cause });
        conn.close(CloseCode.Unauthorized, 'unauthorized');
        (this.options.metrics ?? noMetrics).rejected('unauthorized');
        this.authFailures.failed(address);
        if (this.authFailures.blocked(address)) logger.warn('too many failed token attempts', { address });
        return false;
      }
      // Set in the same turn as the epoch check: a later revoke() sees this connection.
      conn.role = role;
      conn.sessionId = ref.sessionId;
      conn.tokenHash = hashToken(token);
      return true;
    }
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
