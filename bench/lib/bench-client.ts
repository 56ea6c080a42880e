import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@wcb/shared/wire';
import { FrameSocket } from './frame-socket';

const MESSAGE_SYNC = MessageType.Sync;
const MESSAGE_AWARENESS = MessageType.Awareness;

/**
 * What one relayed update carries, per writer: how many clock ticks, and the values its items
 * wrote. Every member of a room receives the same bytes, so a load-generator process parses
 * each distinct update once (this cache) instead of once per client it holds: parsing was its
 * largest cost in a 500-client plenary and made the generator, not the server, the limit.
 */
type UpdateContent = { client: number; ticks: number; values: unknown[] }[];
const parsed = new Map<string, UpdateContent>();
// Enough for every update a paced relay has in flight to a worker's rooms at once.
const PARSED_CACHE_SIZE = 256;

function contentOf(update: Uint8Array, withValues: boolean): UpdateContent {
  const key = (withValues ? 'v' : 't') + Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
  const hit = parsed.get(key);
  if (hit) return hit;
  const content = withValues ? valuesOf(update) : ticksOf(update);
  if (parsed.size >= PARSED_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, content);
  return content;
}

function ticksOf(update: Uint8Array): UpdateContent {
  const { from, to } = Y.parseUpdateMeta(update);
  return [...from].map(([client, start]) => ({ client, ticks: to.get(client)! - start, values: [] }));
}

function valuesOf(update: Uint8Array): UpdateContent {
  const byClient = new Map<number, unknown[]>();
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const values = byClient.get(struct.id.client) ?? [];
    values.push((struct.content.getContent() as unknown[])[0]);
    byClient.set(struct.id.client, values);
  }
  return [...byClient].map(([client, values]) => ({ client, ticks: values.length, values }));
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes on one machine. */
export const now = (): number => performance.timeOrigin + performance.now();

/**
 * A load-test client speaking the y-websocket protocol directly (what the stock provider sends,
 * without its timers), so a few processes can hold hundreds of clients. Works against our server
 * and the reference one alike.
 */
export class BenchClient {
  readonly doc = new Y.Doc();
  /**
   * After the first sync, a counting client only counts the updates others send it (and awareness
   * messages) instead of applying them: a load generator can then hold hundreds of receivers
   * without becoming the bottleneck, while a few full clients per room measure latency.
   */
  counting = false;
  /** Updates received from other clients (counting mode), and awareness messages received (always). */
  updatesCounted = 0;
  awarenessCounted = 0;
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  synced = false;
  private readonly ws: FrameSocket;
  readonly opened: Promise<void>;
  readonly syncedPromise: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string) {
    this.ws = new FrameSocket(url);
    this.opened = this.ws.opened;
    this.closed = this.ws.closed;
    let markSynced!: () => void;
    this.syncedPromise = new Promise((resolve) => (markSynced = resolve));
    this.ws.onMessage = (data) => {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      // Nothing in a benchmark reads others' presence: after the sync it is counted, not applied.
      if (this.synced && (this.counting || type === MESSAGE_AWARENESS)) {
        this.count(type, decoder);
        return;
      }
      if (type === MESSAGE_SYNC) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
        if (encoding.length(encoder) > 1) this.ws.send(encoding.toUint8Array(encoder));
        if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
          this.synced = true;
          markSynced();
        }
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
      }
    };
    this.ws.onOpen = () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.ws.send(encoding.toUint8Array(encoder));
    };
    // Local changes go out as they happen, like the stock provider.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
  }

  private count(type: number, decoder: decoding.Decoder): void {
    if (type === MESSAGE_AWARENESS) {
      this.awarenessCounted += 1;
      return;
    }
    if (type !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return;
    const update = decoding.readVarUint8Array(decoder);
    // A message may merge several updates (ours does, per stored batch): each set is one clock
    // tick of its writer (a probe also reads each one's value, several per key included). The
    // reference server echoes updates to their sender: not deliveries.
    for (const { client, ticks, values } of contentOf(update, this.onValues !== null)) {
      if (client === this.doc.clientID) continue;
      this.updatesCounted += ticks;
      if (this.onValues) values.forEach(this.onValues);
    }
  }

  /** Counting mode: also hands over the value each received update wrote (a probe's timestamps). */
  onValues: ((value: unknown) => void) | null = null;

  private awarenessClock = 0;

  /**
   * Publishes this client's awareness state (e.g. a cursor): the bytes the provider sends on
   * change (one entry: client id, clock, JSON state), encoded directly. Going through an
   * Awareness instance cost a 500-client generator a seventh of its time.
   */
  setAwareness(state: Record<string, unknown>): void {
    const entry = encoding.createEncoder();
    encoding.writeVarUint(entry, 1);
    encoding.writeVarUint(entry, this.doc.clientID);
    encoding.writeVarUint(entry, ++this.awarenessClock);
    encoding.writeVarString(entry, JSON.stringify(state));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry));
    this.send(encoding.toUint8Array(encoder));
  }

  private send(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  close(): void {
    this.awareness.destroy();
    this.ws.close();
    this.doc.destroy();
  }
}
