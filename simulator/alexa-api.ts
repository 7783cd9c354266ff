/**
 * A local stand-in for the Alexa APIs the skill calls, on 127.0.0.1 (the tests use it, and
 * `npm run fake-alexa-api` serves it for the simulator): the Reminders API
 * (POST/GET /v1/alerts/reminders, DELETE /v1/alerts/reminders/{alertToken}) and the device settings
 * time zone (GET /v2/devices/{deviceId}/settings/System.timeZone). It checks the bearer token the
 * request envelope carried (context.System.apiAccessToken), keeps the reminders it was given,
 * records every request it received, and can be told to answer an operation with a status (401,
 * 403, 429, 500…), to never answer ("hang"), or to answer with a body that is not JSON ("garbage").
 *
 * Reminders API: https://developer.amazon.com/docs/alexa/smapi/alexa-reminders-api-reference.html
 * Device settings API: https://developer.amazon.com/docs/alexa/smapi/alexa-settings-api-reference.html
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Operation = 'create' | 'list' | 'delete' | 'timeZone';
export type Behaviour = number | 'hang' | 'garbage';

export interface Received {
  method: string;
  path: string;
  operation?: Operation;
  authorization?: string;
  contentType?: string;
  /** The parsed JSON body, or the raw text if it did not parse; undefined without a body. */
  body?: unknown;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

export interface StoredReminder {
  alertToken: string;
  createdTime: string;
  updatedTime: string;
  status: 'ON' | 'COMPLETED';
  version: string;
  trigger: unknown;
  alertInfo: unknown;
  pushNotification: unknown;
}

export class FakeAlexaApi {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();
  private next = 1;
  readonly received: Received[] = [];
  readonly reminders = new Map<string, StoredReminder>();
  /** The token requests must carry as `Authorization: Bearer <token>`. */
  token = 'test-token';
  /** Whether the user has granted the reminders permission: without it, reminder calls get 401. */
  granted = true;
  /** The device's time zone; null answers 204 with no body. */
  timeZone: string | null = 'Europe/London';
  /** Per operation: how to answer instead of the documented success. */
  readonly behaviour: Partial<Record<Operation, Behaviour>> = {};
  /** After this many successful deletes, every further delete gets `status`. */
  failDeletesAfter?: { count: number; status: number };

  /** Requests it was told to leave unanswered whose connection the caller still holds open. */
  get hangingCount(): number {
    return this.hanging.size;
  }

  get url(): string {
    const address = this.server?.address();
    if (!address || typeof address === 'string') throw new Error('FakeAlexaApi is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return this;
  }

  /** Closes the server and every connection, including requests it was told to leave hanging. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forgets what was received and every behaviour; keeps reminders unless told. */
  reset({ reminders = false } = {}): void {
    this.received.length = 0;
    for (const key of Object.keys(this.behaviour)) delete this.behaviour[key as Operation];
    this.failDeletesAfter = undefined;
    if (reminders) this.reminders.clear();
  }

  /** The requests of one operation. */
  calls(operation: Operation): Received[] {
    return this.received.filter((r) => r.operation === operation);
  }

  /** Puts a reminder in the store as the API would have made it. */
  add(trigger: unknown, status: 'ON' | 'COMPLETED' = 'ON'): string {
    const alertToken = `alert-${this.next++}`;
    const now = new Date().toISOString();
    this.reminders.set(alertToken, {
      alertToken,
      createdTime: now,
      updatedTime: now,
      status,
      version: '1',
      trigger,
      alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text: 'x' }] } },
      pushNotification: { status: 'ENABLED' },
    });
    return alertToken;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        body = raw;
      }
    }
    const path = (req.url ?? '').split('?')[0];
    const method = req.method ?? '';
    const operation = operationOf(method, path);
    this.received.push({
      method,
      path,
      operation,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
      at: Date.now(),
    });
    if (!operation) return json(res, 404, { code: 'NOT_FOUND', message: 'no such endpoint' });
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return json(res, 401, { code: 'UNAUTHORIZED', message: 'bad or missing bearer token' });
    const behaviour = this.behaviour[operation];
    if (behaviour === 'hang') {
      // Never answers; the caller giving up (or stop()) closes the connection.
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      return;
    }
    if (behaviour === 'garbage') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"alertToken": <html>oops');
      return;
    }
    if (typeof behaviour === 'number')
      return json(res, behaviour, { code: 'ERROR', message: `told to answer ${behaviour}` });

    if (operation === 'timeZone') {
      if (this.timeZone === null) {
        res.writeHead(204);
        res.end();
        return;
      }
      return json(res, 200, this.timeZone);
    }
    if (!this.granted) return json(res, 401, { code: 'UNAUTHORIZED', message: 'permission not granted' });
    if (operation === 'create') {
      const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const alertToken = this.add(b.trigger);
      const stored = this.reminders.get(alertToken) as StoredReminder;
      stored.alertInfo = b.alertInfo;
      stored.pushNotification = b.pushNotification;
      return json(res, 200, {
        alertToken,
        createdTime: stored.createdTime,
        updatedTime: stored.updatedTime,
        status: 'ON',
        version: '1',
        href: `/v1/alerts/reminders/${alertToken}`,
      });
    }
    if (operation === 'list') {
      const alerts = [...this.reminders.values()];
      return json(res, 200, { totalCount: String(alerts.length), alerts, links: null });
    }
    // delete
    const limit = this.failDeletesAfter;
    if (limit && this.calls('delete').length > limit.count)
      return json(res, limit.status, { code: 'ERROR', message: 'told to fail' });
    const alertToken = decodeURIComponent(path.slice('/v1/alerts/reminders/'.length));
    if (!this.reminders.delete(alertToken))
      return json(res, 404, { code: 'NOT_FOUND', message: 'no such alert' });
    res.writeHead(200);
    res.end();
  }
}

function operationOf(method: string, path: string): Operation | undefined {
  if (path === '/v1/alerts/reminders') {
    if (method === 'POST') return 'create';
    if (method === 'GET') return 'list';
  }
  if (method === 'DELETE' && /^\/v1\/alerts\/reminders\/[^/]+$/.test(path)) return 'delete';
  if (method === 'GET' && /^\/v2\/devices\/[^/]+\/settings\/System\.timeZone$/.test(path)) return 'timeZone';
  return undefined;
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
