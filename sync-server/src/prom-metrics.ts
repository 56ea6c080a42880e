/**
 * The `Metrics` interface backed by prom-client, rendered by `GET /metrics` in the Prometheus
 * text format. Each instance has its own Registry, never prom-client's global one: tests run
 * several servers in one process, and each must count only its own traffic.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics, RejectReason } from './metrics';

/** Metrics that can also be scraped: what `/metrics` needs beyond the `Metrics` interface. */
export interface ScrapableMetrics extends Metrics {
  /** The Content-Type of `render()`'s text (Prometheus exposition format 0.0.4). */
  readonly contentType: string;
  render(): Promise<string>;
}

export function isScrapable(metrics: Metrics): metrics is ScrapableMetrics {
  return typeof (metrics as Partial<ScrapableMetrics>).render === 'function';
}

/**
 * Persist latency buckets, in seconds. A WAL append with synchronous=NORMAL takes tens of
 * microseconds and with FULL one fsync (≈0.5–5 ms on an SSD, tens of ms on a laptop disk or a
 * busy VM); a compaction rewrites a snapshot (up to a few hundred ms for a large phase). The
 * default prom-client buckets start at 5 ms and would lump every healthy append into one bucket;
 * past 1 s the disk is sick and +Inf says so well enough.
 */
export const PERSIST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] as const;

export interface PromMetricsOptions {
  /** Include the process metrics (CPU, memory, event loop lag, GC); default true. */
  readonly processMetrics?: boolean;
}

export class PromMetrics implements ScrapableMetrics {
  readonly registry = new Registry();
  private readonly connections: Gauge;
  private readonly rooms: Gauge;
  private readonly messagesIn: Counter;
  private readonly messagesOut: Counter;
  private readonly bytesIn: Counter;
  private readonly bytesOut: Counter;
  private readonly rejections: Counter<'reason'>;
  private readonly persistSeconds: Histogram<'kind'>;
  private readonly withProcess: boolean;

  constructor(options: PromMetricsOptions = {}) {
    this.withProcess = options.processMetrics ?? true;
    const registers = [this.registry];
    this.connections = new Gauge({ name: 'wcb_connections', help: 'Open websocket connections.', registers });
    this.rooms = new Gauge({ name: 'wcb_rooms', help: 'Rooms loaded in memory.', registers });
    this.messagesIn = new Counter({ name: 'wcb_messages_in_total', help: 'Websocket messages received.', registers });
    this.messagesOut = new Counter({ name: 'wcb_messages_out_total', help: 'Websocket messages sent.', registers });
    this.bytesIn = new Counter({ name: 'wcb_bytes_in_total', help: 'Websocket payload bytes received.', registers });
    this.bytesOut = new Counter({ name: 'wcb_bytes_out_total', help: 'Websocket payload bytes sent.', registers });
    this.rejections = new Counter({
      name: 'wcb_rejections_total',
      help: 'Connections, messages and requests turned away, by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.persistSeconds = new Histogram({
      name: 'wcb_persist_seconds',
      help: 'Time one storage write took, by kind (append, compact).',
      labelNames: ['kind'],
      buckets: [...PERSIST_BUCKETS],
      registers,
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async render(): Promise<string> {
    if (!this.withProcess) return this.registry.metrics();
    return Registry.merge([this.registry, processRegistry()]).metrics();
  }

  connectionOpened(): void {
    this.connections.inc();
  }
  connectionClosed(): void {
    this.connections.dec();
  }
  roomLoaded(): void {
    this.rooms.inc();
  }
  roomUnloaded(): void {
    this.rooms.dec();
  }
  messageIn(bytes: number): void {
    this.messagesIn.inc();
    this.bytesIn.inc(bytes);
  }
  messageOut(bytes: number): void {
    this.messagesOut.inc();
    this.bytesOut.inc(bytes);
  }
  persisted(seconds: number, kind: 'append' | 'compact'): void {
    this.persistSeconds.observe({ kind }, seconds);
  }
  rejected(reason: RejectReason): void {
    this.rejections.inc({ reason });
  }
}

/**
 * The default process metrics live in one registry per process, shared by every server in it:
 * they describe the process, not a server, and each collectDefaultMetrics call starts its own
 * event-loop monitor and GC observer that can never be stopped, so one per server would leak.
 */
let sharedProcessRegistry: Registry | undefined;

function processRegistry(): Registry {
  if (!sharedProcessRegistry) {
    sharedProcessRegistry = new Registry();
    collectDefaultMetrics({ register: sharedProcessRegistry });
  }
  return sharedProcessRegistry;
}
