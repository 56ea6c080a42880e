import type { Page, WebSocketRoute } from 'playwright-core';

/**
 * Stands between one device's phase-room websockets and the real server, to say what a server
 * being changed elsewhere will say: a refused write (y-protocols auth message, permission denied,
 * with a reason) or a transient close. Everything else passes through untouched.
 */
export class PhaseSockets {
  private readonly open = new Set<WebSocketRoute>();
  private unknownPhase = false;

  private constructor(readonly page: Page) {}

  /** Routes the phase rooms' sockets opened from now on (call before the board opens). */
  static async install(page: Page): Promise<PhaseSockets> {
    const sockets = new PhaseSockets(page);
    await page.routeWebSocket(
      (url) => url.pathname.includes('/phase/'),
      (ws) => {
        if (sockets.unknownPhase) {
          void ws.close({ code: 4533, reason: 'unknown phase' });
          return;
        }
        ws.connectToServer();
        sockets.open.add(ws);
        ws.onClose(() => sockets.open.delete(ws));
      },
    );
    return sockets;
  }

  /** Sends `02 00 <varString reason>` to the board, as the server does when it drops a write. */
  deny(reason: string): void {
    const bytes = Buffer.from(reason, 'utf8');
    if (bytes.length > 127) throw new Error('reason too long for a one-byte length');
    const message = Buffer.concat([Buffer.from([2, 0, bytes.length]), bytes]);
    if (this.open.size === 0) throw new Error('no phase socket open');
    for (const ws of this.open) ws.send(message);
  }

  /** While on: every phase socket is closed with 4533 (the server does not know the phase yet). */
  async refuseUnknownPhase(on: boolean): Promise<void> {
    this.unknownPhase = on;
    if (on) await Promise.all([...this.open].map((ws) => ws.close({ code: 4533, reason: 'unknown phase' })));
  }
}
