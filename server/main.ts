/**
 * `npm start`: serves the skill on 127.0.0.1:${PORT:-3000}. Settings come from the environment:
 * PORT, HOST, SKILL_ID, DYNAMODB_TABLE (with the standard AWS settings) or DATA_DIR (default
 * .data), LOG_LEVEL, SIMULATOR (the web simulator at /: on by default only while HOST is a loopback
 * address; SIMULATOR=on serves it on any HOST, SIMULATOR=off never), and
 * ALEXA_SKIP_VERIFICATION=true for local tools that cannot sign requests (only allowed while HOST
 * is a loopback address), and SIMULATOR_ALEXA_API (the Alexa API base URL the simulator's requests
 * name, such as the local fake `npm run fake-alexa-api` serves, for trying reminders offline).
 *
 * Start-up fails with one clear log line and exit code 1 when a setting is wrong or the store is
 * not usable. SIGTERM and SIGINT stop accepting connections, let requests in flight finish, and
 * exit 0; requests still running after the grace period are cut and the exit code is 1.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { directiveSvg } from '../lambda/src/display/svg';
import { log } from '../lambda/src/log';
import { persistenceFromEnvironment } from '../lambda/src/persistence/from-environment';
import { hasReadinessCheck } from '../lambda/src/persistence/types';
import { buildSkill } from '../lambda/src/skill';
import { createApp, createServer } from './app';
import { localSimulator } from './simulator';

const GRACE_MS = 10_000;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const HOUR_MS = 3600_000;

function fail(event: string, message: string): never {
  log.error(event, { message });
  process.exit(1);
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail('server.bad_setting', `PORT must be a port number, not "${env.PORT}".`);
  const host = env.HOST?.trim() || '127.0.0.1';
  const verifyRequests = env.ALEXA_SKIP_VERIFICATION !== 'true';
  const skillId = env.SKILL_ID?.trim() || undefined;
  const simulatorSetting = env.SIMULATOR?.trim().toLowerCase() || undefined;
  if (simulatorSetting !== undefined && simulatorSetting !== 'on' && simulatorSetting !== 'off')
    fail('server.bad_setting', `SIMULATOR must be "on" or "off", not "${env.SIMULATOR}".`);
  // The simulator skips signature checks by design: it is a tool for your own machine, served on
  // another HOST only when asked for by name.
  const simulatorOn = simulatorSetting === 'on' || (simulatorSetting === undefined && LOOPBACK.has(host));
  // Where the simulator's requests say Alexa's APIs are (reminders): a local fake, for trying them offline.
  const simulatorAlexaApi = env.SIMULATOR_ALEXA_API?.trim() || undefined;
  if (simulatorAlexaApi !== undefined && !/^https?:\/\/[^\s/]+\/?$/.test(simulatorAlexaApi))
    fail(
      'server.bad_setting',
      `SIMULATOR_ALEXA_API must be a base URL such as http://127.0.0.1:3001, not "${simulatorAlexaApi}".`,
    );

  if (!verifyRequests) {
    if (!LOOPBACK.has(host))
      fail(
        'server.bad_setting',
        `ALEXA_SKIP_VERIFICATION=true is for your own machine only; it is refused with HOST=${host}. ` +
          'Serve Alexa with verification on, or bind to 127.0.0.1.',
      );
    log.warn('server.verification_off', {
      message:
        '!!! ALEXA_SKIP_VERIFICATION=true: request signatures and timestamps are NOT checked. ' +
        'Anyone who can reach this port can call the skill. Use this only on your own machine. !!!',
    });
  }

  const persistenceAdapter = persistenceFromEnvironment(env, { dataDir: '.data' });
  if (hasReadinessCheck(persistenceAdapter)) {
    try {
      await persistenceAdapter.checkReady();
    } catch (error) {
      fail('server.storage_not_ready', error instanceof Error ? error.message : String(error));
    }
  }

  const skill = buildSkill({ persistenceAdapter, skillId });
  // Simulator users get their own space in the store: capped, expiring, apart from Alexa's users.
  const local = simulatorOn
    ? localSimulator({
        persistenceAdapter,
        skillId,
        assetsDir: path.join(__dirname, 'public'),
        // The screen device's diagrams: a point screen's point, each page of a routine turn, as SVG.
        renderVisual: (directive, page) => directiveSvg(directive, { page }),
        alexaApi: simulatorAlexaApi,
      })
    : undefined;
  const simulatorStore = local?.store;
  if (simulatorStore) {
    // Expired simulator users go at start and every hour (and at each simulator call), in the
    // background: a slow store must not hold up serving Alexa.
    const sweep = (): void =>
      void simulatorStore.sweep().then(
        (deleted) => deleted > 0 && log.info('simulator.expired', { deleted }),
        (error: unknown) =>
          log.warn('simulator.sweep_failed', { error: error instanceof Error ? error.name : 'unknown' }),
      );
    sweep();
    setInterval(sweep, HOUR_MS).unref();
  }
  const simulator = local?.router;
  if (simulatorOn && !LOOPBACK.has(host)) {
    log.warn('simulator.exposed', {
      message:
        'SIMULATOR=on with a HOST that is not loopback: anyone who reaches this port can use the skill ' +
        'through the simulator, without Alexa signatures.',
    });
  }
  const app = createApp({ skill, verifyRequests, skillId, simulator });
  const server = createServer(app);
  server.listen(port, host);
  server.on('error', (error: NodeJS.ErrnoException) =>
    fail('server.listen_failed', `Cannot listen on ${host}:${port} (${error.code ?? error.message}).`),
  );
  server.on('listening', () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    log.info('server.listening', {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/alexa`,
      verifyRequests,
      skillIdEnforced: skillId !== undefined,
      storage: persistenceAdapter?.constructor.name ?? 'none',
    });
    if (simulatorOn) log.info('simulator.listening', { url: `http://${host}:${actualPort}/` });
  });
  stopOnSignals(server);
}

function stopOnSignals(server: Server): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping', { signal });
    // Stops accepting and closes idle keep-alive connections; requests in flight run to the end.
    server.close(() => {
      log.info('server.stopped');
      process.exit(0);
    });
    // A keep-alive connection whose request just finished becomes idle: close those as they appear.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 50).unref();
    setTimeout(() => {
      log.warn('server.stop_forced', { graceMs: GRACE_MS });
      server.closeAllConnections();
      process.exit(1);
    }, GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) =>
  fail('server.start_failed', error instanceof Error ? error.message : String(error)),
);
