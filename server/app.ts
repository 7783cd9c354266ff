/**
 * The express app for local and self-hosted runs: the same skill object as the Lambda at
 * POST /alexa, and GET /healthz.
 *
 * A request to /alexa goes through, in order: a size limit (413), a JSON check (400), Alexa's
 * timestamp and request signature checks (server/verifier.ts, 400), the skill id check (400), and
 * only then the skill. A refused request never reaches the skill. Nothing from the body is logged
 * or echoed back: refusals answer with a short fixed text and log a fixed reason code only.
 */
import http, { type Server } from 'node:http';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { log } from '../lambda/src/log';
import { skillIdRefusal } from '../lambda/src/skill';
import { AlexaRequestVerifier, VerificationError } from './verifier';

export interface AppOptions {
  skill: Skill;
  /** Check Alexa's request signature and timestamp (on unless explicitly turned off for local use). */
  verifyRequests: boolean;
  /** The verifier to use when verifyRequests is on (tests give one that fetches from 127.0.0.1). */
  verifier?: AlexaRequestVerifier;
  /** The web simulator (page and API, from server/simulator.ts); mounted only when given. */
  simulator?: RequestHandler;
  /**
   * The skill id this endpoint serves. When set, a request for any other skill is refused with 400
   * before the skill runs (the skill built with the same id would also refuse it, but as an error).
   */
  skillId?: string;
  /** Largest request body accepted, in bytes (default 256 KiB; Alexa's requests are a few KiB). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Limits of the HTTP server itself, so slow or idle clients cannot hold connections:
 * - the headers must arrive within 5 s and the whole request within 8 s of its first byte (a body
 *   sent a byte at a time is cut there: Alexa sends a request of a few KB at once, and gives up on
 *   an answer after 8 s anyway); Node checks these every half second;
 * - an idle keep-alive connection is closed after 5 s, any connection with no traffic after 15 s;
 * - at most 256 connections at once (more are closed as they arrive) and 16 KB of headers.
 */
export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  idleTimeoutMs: number;
  maxConnections: number;
  maxHeaderBytes: number;
  checkIntervalMs: number;
}

export const SERVER_LIMITS: Readonly<ServerLimits> = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 8_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 15_000,
  maxConnections: 256,
  maxHeaderBytes: 16 * 1024,
  checkIntervalMs: 500,
};

/** An HTTP server for the app with the limits above (`npm start` and the tests use this). */
export function createServer(app: Express, limits: ServerLimits = SERVER_LIMITS): Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      maxHeaderSize: limits.maxHeaderBytes,
    },
    app,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs, (socket) => socket.destroy());
  return server;
}

/** Why a request was refused, for the log line (never the body or any id from it). */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // One verifier per app: it caches validated certificate chains.
  const verifier = options.verifyRequests ? (options.verifier ?? new AlexaRequestVerifier()) : undefined;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  app.post(
    '/alexa',
    // The signature covers the exact bytes sent, so the body is kept as bytes, whatever its type.
    express.raw({ type: () => true, limit }),
    async (req: Request, res: Response) => {
      const started = process.hrtime.bigint();
      const body: unknown = req.body;
      try {
        if (!Buffer.isBuffer(body) || body.length === 0) throw new Refusal(400, 'empty body');
        const envelope = verifier ? await verify(verifier, body, req.headers) : parseEnvelope(body);
        checkSkillId(envelope, options.skillId);
        const response = await options.skill.invoke(envelope);
        res.json(response);
        log.info('http.alexa', { status: 200, type: requestTypeOf(envelope), ms: elapsed(started) });
      } catch (error) {
        if (error instanceof Refusal) {
          log.warn('http.alexa_refused', { status: error.status, reason: error.reason });
          res.status(error.status).type('text/plain').send(statusText(error.status));
        } else {
          log.error('http.alexa_failed', { error: error instanceof Error ? error.name : 'unknown' });
          res.status(500).type('text/plain').send(statusText(500));
        }
      }
    },
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (options.simulator) app.use(options.simulator);

  const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    const status = httpStatusOf(error);
    if (status === undefined) return next(error);
    const type = (error as { type?: unknown }).type;
    log.warn('http.body_refused', { status, reason: typeof type === 'string' ? type : 'bad body' });
    res.status(status).type('text/plain').send(statusText(status));
  };
  app.use(bodyErrors);
  return app;
}

async function verify(
  verifier: AlexaRequestVerifier,
  body: Buffer,
  headers: Request['headers'],
): Promise<RequestEnvelope> {
  try {
    return (await verifier.verify(body, headers)) as RequestEnvelope;
  } catch (error) {
    throw new Refusal(400, error instanceof VerificationError ? error.code : 'verification failed');
  }
}

function parseEnvelope(body: Buffer): RequestEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Refusal(400, 'body is not a JSON object');
  return parsed as RequestEnvelope;
}

/** The skill's own check (context.System.application.applicationId), as a refusal instead of a throw. */
function checkSkillId(envelope: RequestEnvelope, skillId: string | undefined): void {
  if (!skillId) return;
  const refusal = skillIdRefusal(envelope, skillId);
  if (refusal) throw new Refusal(400, refusal);
}

function requestTypeOf(envelope: RequestEnvelope): string | undefined {
  const type: unknown = (envelope.request as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status: unknown = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function statusText(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request';
    case 413:
      return 'Request body too large';
    case 415:
      return 'Unsupported content encoding';
    default:
      return status >= 500 ? 'Internal error' : 'Request refused';
  }
}

function elapsed(started: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
}
