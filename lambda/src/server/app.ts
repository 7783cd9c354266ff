/**
 * The express app for local and self-hosted runs: the same skill object as the Lambda, behind
 * ask-sdk-express-adapter at POST /alexa.
 */
import type { Skill } from 'ask-sdk-core';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import express, { type Express, type RequestHandler } from 'express';

export interface AppOptions {
  skill: Skill;
  /** Check Alexa's request signature and timestamp (on unless explicitly turned off for local use). */
  verifyRequests: boolean;
  /** The web simulator (page and API, from server/simulator.ts); mounted only when given. */
  simulator?: RequestHandler;
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  const adapter = new ExpressAdapter(options.skill, options.verifyRequests, options.verifyRequests);
  app.post('/alexa', adapter.getRequestHandlers());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (options.simulator) app.use(options.simulator);
  return app;
}
