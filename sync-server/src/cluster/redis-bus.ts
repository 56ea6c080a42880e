import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { BusHandler, RoomBus } from './bus';

export interface RedisBusOptions {
  readonly url: string;
  readonly instanceId: string;
  readonly logger: Logger;
}

export const channelOf = (room: string): string => `wcb:room:${room}`;
const CHANNEL_PREFIX = 'wcb:room:';
// A room waits this long for its subscription before loading without it: with Redis down the
// room still serves its local peers, and the reconcile after Redis returns catches it up.
const SUBSCRIBE_WAIT_MS = 3_000;

/**
 * Redis pub/sub: one publishing and one subscribing connection per instance (a connection in
 * subscribe mode can do nothing else). Publishing never queues while disconnected: frames
 * would pile up in memory and arrive stale; the reconcile on reconnect replaces them.
 */
// Loaded when the first bus is made: a lone instance (no REDIS_URL) never pays for the client's memory.
const require = createRequire(import.meta.url);

export class RedisRoomBus implements RoomBus {
  readonly clustered = true;
  readonly instanceId: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<BusHandler>>();
  private readonly reconnectListeners = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: RedisBusOptions) {
    this.instanceId = options.instanceId;
    const { url, logger } = options;
    const { Redis: Client } = require('ioredis') as typeof import('ioredis');
    this.pub = new Client(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.sub = new Client(url, { maxRetriesPerRequest: null });
    for (const [name, conn] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      // ioredis reconnects by itself; without a listener an error event would crash the process.
      conn.on('error', (error: unknown) => logger.warn('redis connection error', { connection: name, error }));
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.dispatch(channel, message));
    // A reconcile needs both connections: the publisher to ask, the subscriber to hear the
    // answers. Whichever of the two comes back last starts the round that succeeds.
    for (const conn of [this.pub, this.sub]) {
      let connectedBefore = false;
      conn.on('ready', () => {
        if (connectedBefore) this.afterReconnect();
        connectedBefore = true;
      });
    }
  }

  publish(room: string, frame: Uint8Array): void {
    if (this.closed) return;
    const data = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
    this.pub.publish(channelOf(room), data).catch((error: unknown) => {
      this.options.logger.debug('bus publish dropped', { room, error });
    });
  }

  async subscribe(room: string, handler: BusHandler): Promise<void> {
    if (this.closed) return;
    let set = this.handlers.get(room);
    if (!set) {
      set = new Set();
      this.handlers.set(room, set);
    }
    set.add(handler);
    // SUBSCRIBE is idempotent and ordered with UNSUBSCRIBE on the same connection, so a room
    // reopening right after it retired ends up subscribed. The reply means "frames from now on".
    const subscribed = this.sub.subscribe(channelOf(room)).then(() => 'subscribed' as const);
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), SUBSCRIBE_WAIT_MS);
    });
    try {
      const outcome = await Promise.race([subscribed, gaveUp]);
      if (outcome === 'timeout') this.options.logger.warn('bus subscribe is slow; room loads without it', { room });
    } catch (error) {
      this.options.logger.warn('bus subscribe failed; room loads without it', { room, error });
    } finally {
      clearTimeout(timer);
    }
  }

  unsubscribe(room: string, handler: BusHandler): void {
    const set = this.handlers.get(room);
    if (!set?.delete(handler) || set.size > 0) return;
    this.handlers.delete(room);
    if (!this.closed) {
      this.sub.unsubscribe(channelOf(room)).catch((error: unknown) => {
        this.options.logger.debug('bus unsubscribe failed', { room, error });
      });
    }
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    this.reconnectListeners.clear();
    await Promise.all([quit(this.pub), quit(this.sub)]);
  }

  private dispatch(channel: Buffer, message: Buffer): void {
    const name = channel.toString('utf8');
    if (!name.startsWith(CHANNEL_PREFIX)) return;
    const set = this.handlers.get(name.slice(CHANNEL_PREFIX.length));
    if (!set) return;
    const frame = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    for (const handler of [...set]) handler(frame);
  }

  /**
   * ioredis re-sends SUBSCRIBE for every channel right after 'ready'; our own SUBSCRIBE queued
   * behind those answers only once they are active, so the reconcile replies are not missed.
   */
  private afterReconnect(): void {
    setImmediate(() => {
      if (this.closed) return;
      const channels = [...this.handlers.keys()].map(channelOf);
      const resubscribed = channels.length > 0 ? this.sub.subscribe(...channels) : Promise.resolve();
      resubscribed.then(
        () => {
          this.options.logger.info('bus reconnected; reconciling rooms', { rooms: channels.length });
          for (const listener of [...this.reconnectListeners]) listener();
        },
        (error: unknown) => this.options.logger.warn('bus resubscribe failed', { error }),
      );
    });
  }
}

/** QUIT flushes what we already published; without a connection it would wait for one forever. */
async function quit(conn: Redis): Promise<void> {
  if (conn.status !== 'ready') {
    conn.disconnect();
    return;
  }
  try {
    await conn.quit();
  } catch {
    conn.disconnect();
  }
}
