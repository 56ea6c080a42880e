import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

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
  private readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly syncedPromise: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code: number) => resolve(code)));
    let markSynced!: () => void;
    this.syncedPromise = new Promise((resolve) => (markSynced = resolve));
    this.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
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
    });
    this.ws.once('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.ws.send(encoding.toUint8Array(encoder));
    });
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
    if (this.onValues) {
      // Every update's own value, also of those a merged message carries several of for one key.
      for (const struct of Y.decodeUpdate(update).structs) {
        if (struct.id.client === this.doc.clientID || !(struct instanceof Y.Item)) continue;
        const [value] = struct.content.getContent() as unknown[];
        this.updatesCounted += 1;
        this.onValues(value);
      }
      return;
    }
    // A message may merge several updates (ours does, per stored batch): each set is one clock
    // tick of its writer. The reference server echoes updates to their sender: not deliveries.
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, start] of from) {
      if (client !== this.doc.clientID) this.updatesCounted += to.get(client)! - start;
    }
  }

  /** Counting mode: also hands over the value each received update wrote (a probe's timestamps). */
  onValues: ((value: unknown) => void) | null = null;

  /** Publishes this client's awareness state (e.g. a cursor), as the provider does on change. */
  setAwareness(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.send(encoding.toUint8Array(encoder));
  }

  private send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  close(): void {
    this.awareness.destroy();
    this.ws.close();
    this.doc.destroy();
  }
}
