import type { Page, WebSocketRoute } from 'playwright-core';

/**
 * Stands between one device's control-room websockets and the real server, to say what the
 * server says when a control record from this device breaks its checks (close 1007
 * `invalid-record`, PROTOCOL.md "Control records"), and to count how often the device comes back.
 */
export class ControlSockets {
  private readonly open = new Set<WebSocketRoute>();
  /** Control sockets this page opened since install. */
  opened = 0;

  private constructor(readonly page: Page) {}

  /** Routes the control room's sockets opened from now on (call before the board opens). */
  static async install(page: Page): Promise<ControlSockets> {
    const sockets = new ControlSockets(page);
    await page.routeWebSocket(
      (url) => url.pathname.endsWith('/control'),
      (ws) => {
        sockets.opened += 1;
        ws.connectToServer();
        sockets.open.add(ws);
        ws.onClose(() => sockets.open.delete(ws));
      },
    );
    return sockets;
  }

  /** Closes every open control socket as the server does for a malformed control record. */
  async refuseRecord(): Promise<void> {
    if (this.open.size === 0) throw new Error('no control socket open');
    await Promise.all([...this.open].map((ws) => ws.close({ code: 1007, reason: 'invalid-record' })));
  }
}
