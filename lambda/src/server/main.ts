/**
 * `npm start`: serves the skill on 127.0.0.1:${PORT:-3000}. Settings come from the environment:
 * PORT, HOST, DATA_DIR (default .data), SKILL_ID, ALEXA_SKIP_VERIFICATION=true for local tools
 * that cannot sign requests, and SIMULATOR=off to stop serving the web simulator at /.
 */
import path from 'node:path';
import { directiveSvg } from '../display/svg';
import { log } from '../log';
import { FilePersistenceAdapter } from '../persistence/file';
import { buildSkill } from '../skill';
import { createApp } from './app';
import { simulatorRouter } from './simulator';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const verifyRequests = process.env.ALEXA_SKIP_VERIFICATION !== 'true';
const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');

const persistenceAdapter = new FilePersistenceAdapter(dataDir);
const skillId = process.env.SKILL_ID || undefined;
const skill = buildSkill({ persistenceAdapter, skillId });
const simulatorOn = !/^(off|false|0|no)$/i.test(process.env.SIMULATOR ?? 'on');
const simulator = simulatorOn
  ? simulatorRouter({
      skill,
      persistenceAdapter,
      applicationId: skillId,
      assetsDir: path.join(__dirname, 'public'),
      // The screen device's diagram: the point or routine step the APL document shows, as SVG.
      renderVisual: (directive) => directiveSvg(directive),
    })
  : undefined;
const app = createApp({ skill, verifyRequests, simulator });

if (!verifyRequests) {
  log.warn('server.verification_off', {
    message:
      'ALEXA_SKIP_VERIFICATION=true: request signatures are NOT checked. Use this only on your own machine.',
  });
}

if (simulatorOn && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
  log.warn('simulator.exposed', {
    message:
      'The web simulator is on and HOST is not loopback: set SIMULATOR=off on a shared or public host.',
  });
}

const server = app.listen(port, host, () => {
  log.info('server.listening', { url: `http://${host}:${port}/alexa`, verifyRequests });
  if (simulatorOn) log.info('simulator.listening', { url: `http://${host}:${port}/` });
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
