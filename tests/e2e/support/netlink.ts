import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * One simulated device's network link to the server: a TCP relay on its own loopback port.
 *
 * Why: Chromium's offline emulation (context.setOffline) fails new requests, but it only *pauses*
 * websockets that are already open and delivers their buffered frames when it goes back online,
 * and it does not apply to the service worker's own fetches. A laptop whose Wi-Fi drops loses its
 * sockets. So "going offline" in these tests is both: setOffline(true) (navigator.onLine, the
 * offline event, failing fetches) and cut() here (every open connection is reset, new ones are
 * refused until restore()).
 *
 * `stall()` is the other way a network fails: packets stop, but nothing closes. Open connections
 * stay open and carry nothing either way until `unstall()` delivers what was held back, in
 * order (TCP would retransmit it), as when a laptop walks out of Wi-Fi range and back, or a
 * router hangs. Neither the browser nor the socket notice; only a heartbeat can.
 */
export class NetLink {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private up = true;
  private stalled = false;
  // Bytes held back while stalled, per direction, in arrival order.
  private readonly held: { to: net.Socket; data: Buffer }[] = [];
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.accept(client));
  }

  static async open(targetUrl: string): Promise<NetLink> {
    const url = new URL(targetUrl);
    const link = new NetLink({ host: url.hostname, port: Number(url.port) });
    await new Promise<void>((resolve, reject) => {
      link.server.once('error', reject);
      link.server.listen(0, '127.0.0.1', () => resolve());
    });
    link.port = (link.server.address() as AddressInfo).port;
    return link;
  }

  /** The base URL a browser on this link uses (its own origin: own IndexedDB, own service worker). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isUp(): boolean {
    return this.up;
  }

  /** Drops every open connection (reset, as a lost network does) and refuses new ones. */
  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.up = true;
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  /** Stops carrying bytes without closing anything (new connections are held too). */
  stall(): void {
    this.stalled = true;
  }

  /** Carries again, first everything held back. */
  unstall(): void {
    this.stalled = false;
    for (const { to, data } of this.held.splice(0)) if (!to.destroyed) to.write(data);
  }

  async close(): Promise<void> {
    this.held.length = 0;
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    if (!this.up) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(this.target.port, this.target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.setNoDelay(true);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    this.forward(client, upstream);
    this.forward(upstream, client);
  }

  private forward(from: net.Socket, to: net.Socket): void {
    from.on('data', (data: Buffer) => {
      if (this.stalled) this.held.push({ to, data });
      else to.write(data);
    });
    from.on('end', () => to.end());
  }
}
