import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';

const WAIT_TIMEOUT_MS = 10_000;

/** Anything with on/off listeners: Y.Doc, WebsocketProvider, Awareness, a ws socket. */
export interface Emitter {
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
}

/**
 * Resolves as soon as `check()` holds: now, or right after one of the `sources` events.
 * No polling and no sleeps; the timeout only turns a hang into a readable failure.
 */
export function waitUntil(
  what: string,
  check: () => boolean,
  sources: ReadonlyArray<readonly [Emitter, string]>,
  timeoutMs: number = WAIT_TIMEOUT_MS,
): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const listener = (): void => {
      if (!check()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting until ${what}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      for (const [emitter, event] of sources) emitter.off(event, listener);
    };
    for (const [emitter, event] of sources) emitter.on(event, listener);
  });
}

/** Resolves with the arguments of the next `event` that `accept` takes. */
export function nextEvent<Args extends unknown[]>(
  emitter: Emitter,
  event: string,
  accept: (...args: Args) => boolean = () => true,
): Promise<Args> {
  return new Promise((resolve, reject) => {
    const listener = (...raw: never[]): void => {
      const args = raw as unknown as Args;
      if (!accept(...args)) return;
      cleanup();
      resolve(args);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for '${event}'`));
    }, WAIT_TIMEOUT_MS);
    const cleanup = (): void => {
      clearTimeout(timer);
      emitter.off(event, listener);
    };
    emitter.on(event, listener);
  });
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Resolves on the provider's next `sync(true)`, or at once if it is synced. */
  synced(): Promise<void>;
  destroy(): void;
}

/** A stock y-websocket client in Node, exactly as a third party would use it. */
export function connectClient(
  wsUrl: string,
  room: string,
  options: { doc?: Y.Doc; connect?: boolean; token?: string } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    // The stock client sends params as the query string: /ws/<room>?token=<token>.
    ...(options.token === undefined ? {} : { params: { token: options.token } }),
  });
  return {
    doc,
    provider,
    synced: async () => {
      if (!provider.synced) await nextEvent<[boolean]>(provider, 'sync', (state) => state);
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `doc` satisfies `check`, re-checking on each of its updates. */
export const waitForDoc = (what: string, doc: Y.Doc, check: (doc: Y.Doc) => boolean, timeoutMs?: number): Promise<void> =>
  waitUntil(what, () => check(doc), [[doc, 'update']], timeoutMs);
