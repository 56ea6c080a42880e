import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { startTestServer, type TestServer } from './helpers/test-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(options: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const s = await startTestServer(options);
  cleanups.push(() => s.stop());
  return s;
}

/** A bare TCP socket to the server, with everything it receives and a promise of its end. */
async function rawSocket(url: string): Promise<{ socket: Socket; received: () => string; ended: Promise<void> }> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  cleanups.push(() => socket.destroy());
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  socket.on('error', () => {}); // a socket the server cut may report ECONNRESET
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => text, ended };
}

/** A request on a new socket, tried again while the server still refuses the socket outright. */
async function healthzThroughNewSocket(url: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const next = await rawSocket(url);
    next.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await next.ended;
    if (next.received() !== '') return next.received();
  }
  return 'refused every time';
}

describe('what an address can hold open on the HTTP port', () => {
  it('cuts a request whose headers never finish (slowloris) once the headers timeout passes', async () => {
    const s = await server({ httpTimeouts: { headersMs: 300, requestMs: 1_000 } });
    const slow = await rawSocket(s.url);
    slow.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    await slow.ended;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    // The server itself is fine.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('refuses sockets past twice the per-address WebSocket limit, and takes new ones when some close', async () => {
    const s = await server({ config: { maxConnectionsPerIp: 3 } });
    const held = await Promise.all(Array.from({ length: 6 }, () => rawSocket(s.url)));
    const extra = await rawSocket(s.url);
    await extra.ended; // destroyed on arrival
    expect(extra.received()).toBe('');
    // The six held sockets are still open: one of them can still make a request.
    held[0]!.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await held[0]!.ended;
    expect(held[0]!.received()).toMatch(/^HTTP\/1\.1 200/);
    // Once the server has seen it close, the address has room for one more.
    expect(await healthzThroughNewSocket(s.url)).toMatch(/^HTTP\/1\.1 200/);
  });
});
