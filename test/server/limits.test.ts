/**
 * The HTTP server's own limits, on `npm start`'s server as a real process, over real sockets
 * (issue 12, finding 13): a body sent a byte every 5 s is cut within 10 s, headers that never
 * finish within 7 s, an idle keep-alive connection after about 5 s, and connections past the cap
 * are closed as they arrive while the others are served.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVER_LIMITS } from '../../server/app';
import { runServer, type ServerProcess } from '../support/server-process';

let server: ServerProcess;
let port: number;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ppg-limits-'));
  server = runServer({ DATA_DIR: dir });
  port = Number(new URL(String((await server.waitFor('server.listening')).url)).port);
});
afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
});

interface Connection {
  socket: net.Socket;
  /** Everything the server sent. */
  received: () => string;
  /** Resolves with the ms from connecting to the server closing the connection. */
  closed: Promise<number>;
}

function connect(): Promise<Connection> {
  return connectTo(port);
}

function connectTo(to: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port: to });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.on('error', () => undefined); // a reset is one way of being cut
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

/** Writes one byte every `everyMs` until the connection closes; returns a stop function. */
function drip(socket: net.Socket, everyMs: number): () => void {
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write('x');
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
  return () => clearInterval(timer);
}

describe('server limits (npm start)', () => {
  it.concurrent('cuts a body sent one byte every 5 s within 10 s', async () => {
    const { socket, closed, received } = await connect();
    socket.write(
      'POST /alexa HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{',
    );
    const stop = drip(socket, 5_000);
    const ms = await closed;
    stop();
    expect(ms).toBeLessThan(10_000);
    expect(ms).toBeGreaterThanOrEqual(SERVER_LIMITS.requestTimeoutMs - 100);
    // Node answers 408 when it can; the connection is gone either way.
    if (received() !== '') expect(received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it.concurrent('cuts headers that never finish within 7 s', async () => {
    const { socket, closed } = await connect();
    socket.write('POST /alexa HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const stop = drip(socket, 1_000);
    const ms = await closed;
    stop();
    expect(ms).toBeLessThan(SERVER_LIMITS.headersTimeoutMs + 2_000);
  });

  it.concurrent('closes an idle keep-alive connection after about 5 s', async () => {
    const { socket, closed, received } = await connect();
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    const ms = await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 200/);
    expect(ms).toBeGreaterThanOrEqual(SERVER_LIMITS.keepAliveTimeoutMs - 100);
    expect(ms).toBeLessThan(SERVER_LIMITS.keepAliveTimeoutMs + 2_000);
  });

  it(`holds at most ${SERVER_LIMITS.maxConnections} connections: more are closed at once, the others served`, async () => {
    // A server of its own, so the other tests' connections do not count.
    const own = runServer({ DATA_DIR: dir });
    const ownPort = Number(new URL(String((await own.waitFor('server.listening')).url)).port);
    const connect = (): Promise<Connection> => connectTo(ownPort);
    const held: Connection[] = [];
    for (let i = 0; i < SERVER_LIMITS.maxConnections; i++) held.push(await connect());
    // Every held connection is accepted: each answers a request.
    held[0].socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(held[0].received()).toMatch(/^HTTP\/1\.1 200/);

    const extra = await connect();
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const ms = await extra.closed;
    expect(ms).toBeLessThan(1_000);
    expect(extra.received()).toBe('');

    // A held connection still works; once some are closed, new ones are accepted again.
    const last = held[held.length - 1];
    last.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(last.received()).toMatch(/^HTTP\/1\.1 200/);
    for (const connection of held) connection.socket.destroy();
    await Promise.all(held.map((c) => c.closed));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await fetch(`http://127.0.0.1:${ownPort}/healthz`);
    expect(res.status).toBe(200);
    own.child.kill('SIGTERM');
    expect(await own.exited).toBe(0);
  });
});
