/**
 * The web simulator on the express server: the page at `/` (with its script and style under
 * `/simulator/`), and a JSON API under `/simulator/api/` that runs typed words through the same
 * skill object as `/alexa`. Only mounted when the simulator is enabled (SIMULATOR=off turns it off).
 *
 * API (all bodies JSON; errors are `{ "error": "…" }` with 400, 404, 413 or 500, never a crash):
 *   POST /simulator/api/sessions               {user?, device?: "speaker"|"screen"} → session
 *   GET  /simulator/api/sessions/:id                                                   → session
 *   POST /simulator/api/sessions/:id/say       {text}                                 → reply
 *   POST /simulator/api/sessions/:id/end                                               → {ended, session}
 *   POST /simulator/api/sessions/:id/forget                                            → session
 *   POST /simulator/api/sessions/:id/device    {device: "speaker"|"screen"}           → session
 *   POST /simulator/api/sessions/:id/skip      {ms}  (skip ahead: the session's clock moves on) → session
 *   POST /simulator/api/sessions/:id/press     {arguments, id?} (a screen button: its UserEvent)  → reply
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PersistenceAdapter, Skill } from 'ask-sdk-core';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { log } from '../lambda/src/log';
import { buildSkill } from '../lambda/src/skill';
import type { InteractionModelJson } from '../simulator/envelope';
import { interactionModel } from '../simulator/model';
import { interactionModels } from '../simulator/models.generated';
import {
  MAX_SKIP_MS,
  MAX_UTTERANCE_CHARACTERS,
  InvalidInputError,
  Simulator,
  UnknownSessionError,
  type SimulatorOptions,
} from '../simulator/simulator';
import { SimulatorStore, type SimulatorStoreOptions } from '../simulator/store';
import type { VisualRenderer } from '../simulator/visual';

export interface SimulatorRouterOptions {
  skill: Skill;
  /** The skill's store, so "forget this user" deletes the stored record. */
  persistenceAdapter?: PersistenceAdapter;
  /** Where the built page lives (index.html, simulator.js, simulator.css): `dist/public`. */
  assetsDir: string;
  model?: InteractionModelJson;
  maxSessions?: number;
  renderVisual?: VisualRenderer;
  applicationId?: string;
  clock?: SimulatorOptions['clock'];
  alexaApi?: SimulatorOptions['alexaApi'];
}

export interface LocalSimulatorOptions extends Omit<SimulatorRouterOptions, 'skill' | 'persistenceAdapter'> {
  /** The store Alexa's users live in; simulator users get their own space in it. */
  persistenceAdapter?: PersistenceAdapter;
  skillId?: string;
  store?: SimulatorStoreOptions;
}

/**
 * The simulator as `npm start` serves it: a skill object of its own (the same `buildSkill`) whose
 * records go to the simulator's own space in the store (simulator/store.ts: apart from Alexa's
 * users, at most 1,000, expiring after 7 days), never to Alexa's users' records.
 */
export function localSimulator(options: LocalSimulatorOptions): { router: Router; store?: SimulatorStore } {
  const store = options.persistenceAdapter
    ? new SimulatorStore(options.persistenceAdapter, options.store)
    : undefined;
  const skill = buildSkill({ persistenceAdapter: store, skillId: options.skillId });
  const router = simulatorRouter({
    ...options,
    skill,
    persistenceAdapter: store,
    applicationId: options.applicationId ?? options.skillId,
  });
  return { router, store };
}

/** Request bodies are tiny (a sentence); anything larger is refused before it is parsed. */
const MAX_BODY = '16kb';

/**
 * Content-Security-Policy of the page: everything from this server, nothing from anywhere else
 * (no CDN, no fonts, no analytics); SVG diagrams arrive as data: images.
 */
const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}

function body(req: Request): Record<string, unknown> {
  const value: unknown = req.body;
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadRequest('The body must be a JSON object.');
  return value as Record<string, unknown>;
}

function utterance(req: Request): string {
  const text = body(req).text;
  if (typeof text !== 'string') throw new BadRequest('Send {"text": "what you would say"}.');
  const trimmed = text.trim();
  if (trimmed === '') throw new BadRequest('Say something: the text is empty.');
  if (trimmed.length > MAX_UTTERANCE_CHARACTERS)
    throw new BadRequest(
      `That is too long to say in one go (at most ${MAX_UTTERANCE_CHARACTERS} characters).`,
    );
  return trimmed;
}

/** The simulator's routes, to mount on the app with `app.use(...)`. */
export function simulatorRouter(options: SimulatorRouterOptions): Router {
  const simulator = new Simulator({
    skill: options.skill,
    model: options.model ?? interactionModel,
    models: options.model ? undefined : interactionModels,
    persistenceAdapter: options.persistenceAdapter,
    maxSessions: options.maxSessions,
    renderVisual: options.renderVisual,
    applicationId: options.applicationId,
    clock: options.clock,
    alexaApi: options.alexaApi,
  });
  const router = express.Router();
  const page = path.join(options.assetsDir, 'index.html');

  router.get('/', (_req, res) => {
    res.set({
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (!existsSync(page)) {
      res
        .status(503)
        .type('text')
        .send('The simulator page is not built yet: run `npm run build` (npm start does).');
      return;
    }
    res.sendFile(page);
  });
  router.use(
    '/simulator',
    express.static(options.assetsDir, {
      index: false,
      setHeaders: (res) => res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }),
    }),
  );

  const api = express.Router();
  api.use(express.json({ limit: MAX_BODY, strict: true }));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.get('/locales', (_req, res) => {
    res.json({ locales: simulator.locales });
  });
  api.post('/sessions', (req, res) => {
    const { user, device, locale } = body(req);
    res.status(201).json(simulator.open({ user, device, locale }));
  });
  api.get('/sessions/:id', (req, res) => {
    res.json(simulator.describe(req.params.id));
  });
  api.post('/sessions/:id/say', async (req, res) => {
    simulator.describe(req.params.id);
    res.json(await simulator.say(req.params.id, utterance(req)));
  });
  api.post('/sessions/:id/end', async (req, res) => {
    const ended = await simulator.endSession(req.params.id);
    res.json({ ended: ended ?? null, session: simulator.describe(req.params.id) });
  });
  api.post('/sessions/:id/forget', async (req, res) => {
    res.json(await simulator.forgetUser(req.params.id));
  });
  api.post('/sessions/:id/device', async (req, res) => {
    const { device } = body(req);
    if (device !== 'speaker' && device !== 'screen')
      throw new BadRequest('device must be "speaker" or "screen".');
    res.json(await simulator.setDevice(req.params.id, device));
  });
  api.post('/sessions/:id/skip', async (req, res) => {
    const { ms } = body(req);
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_SKIP_MS)
      throw new BadRequest(`ms must be a number of milliseconds from 0 to ${MAX_SKIP_MS}.`);
    res.json(await simulator.skipAhead(req.params.id, ms));
  });
  api.post('/sessions/:id/press', async (req, res) => {
    const { arguments: args, id } = body(req);
    if (!Array.isArray(args))
      throw new BadRequest('Send {"arguments": [...]}: the SendEvent arguments of the button pressed.');
    res.json(await simulator.press(req.params.id, args, id));
  });
  api.use((_req, res) => {
    res.status(404).json({ error: 'No such simulator API.' });
  });
  // Express recognises an error handler by its four parameters.
  api.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    const type = (error as { type?: unknown }).type;
    if (error instanceof UnknownSessionError) res.status(404).json({ error: error.message });
    else if (error instanceof BadRequest || error instanceof InvalidInputError)
      res.status(400).json({ error: error.message });
    else if (type === 'entity.too.large')
      res.status(413).json({ error: `Request bodies are limited to ${MAX_BODY}.` });
    else if (typeof status === 'number' && status >= 400 && status < 500)
      res.status(400).json({ error: 'The body must be valid JSON.' });
    else {
      log.error('simulator.error', {
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
      });
      res.status(500).json({ error: 'The skill failed on that request; see the server log.' });
    }
  });
  router.use('/simulator/api', api);
  return router;
}
