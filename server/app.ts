/**
 * The express app for local and self-hosted runs: the same skill object as the Lambda at
 * POST /alexa, and GET /healthz.
 *
 * A request to /alexa goes through, in order: a size limit (413), Alexa's request signature and
 * timestamp checks from ask-sdk-express-adapter (400), a JSON check (400), the skill id check
 * (400), and only then the skill. A refused request never reaches the skill. Nothing from the body
 * is logged or echoed back: refusals answer with a short fixed text and log the reason only.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { SkillRequestSignatureVerifier, TimestampVerifier, type Verifier } from 'ask-sdk-express-adapter';
import express, {
  type ErrorRequestHandler,
  type Express,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { log } from '../lambda/src/log';

export interface AppOptions {
  skill: Skill;
  /** Check Alexa's request signature and timestamp (on unless explicitly turned off for local use). */
  verifyRequests: boolean;
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
  // Verifiers are made once per app: the signature verifier caches downloaded certificate chains.
  const verifiers: Verifier[] = options.verifyRequests
    ? [new SkillRequestSignatureVerifier(), new TimestampVerifier()]
    : [];
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  app.post(
    '/alexa',
    // The signature covers the exact bytes sent, so the body is kept as text, whatever its type.
    express.text({ type: () => true, limit }),
    async (req: Request, res: Response) => {
      const started = process.hrtime.bigint();
      const body: unknown = req.body;
      try {
        if (typeof body !== 'string' || body === '') throw new Refusal(400, 'empty body');
        await verify(verifiers, body, req.headers);
        const envelope = parseEnvelope(body);
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

async function verify(verifiers: Verifier[], body: string, headers: IncomingHttpHeaders): Promise<void> {
  try {
    await Promise.all(verifiers.map((verifier) => verifier.verify(body, headers)));
  } catch (error) {
    throw new Refusal(400, `verification failed: ${error instanceof Error ? error.message : 'unknown'}`);
  }
}

function parseEnvelope(body: string): RequestEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Refusal(400, 'body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Refusal(400, 'body is not a JSON object');
  return parsed as RequestEnvelope;
}

/** The application id Alexa puts in the envelope (context, or the session for older requests). */
function applicationIdOf(envelope: RequestEnvelope): unknown {
  const fromContext: unknown = (
    envelope.context as { System?: { application?: { applicationId?: unknown } } }
  )?.System?.application?.applicationId;
  if (fromContext !== undefined) return fromContext;
  return (envelope.session as { application?: { applicationId?: unknown } } | undefined)?.application
    ?.applicationId;
}

function checkSkillId(envelope: RequestEnvelope, skillId: string | undefined): void {
  if (!skillId) return;
  if (applicationIdOf(envelope) !== skillId) throw new Refusal(400, 'skill id does not match SKILL_ID');
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
