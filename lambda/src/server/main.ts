/**
 * `npm start`: serves the skill on 127.0.0.1:${PORT:-3000}. Settings come from the environment:
 * PORT, HOST, DATA_DIR (default .data), SKILL_ID, and ALEXA_SKIP_VERIFICATION=true for local tools
 * that cannot sign requests.
 */
import path from 'node:path';
import { log } from '../log';
import { FilePersistenceAdapter } from '../persistence/file';
import { buildSkill } from '../skill';
import { createApp } from './app';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const verifyRequests = process.env.ALEXA_SKIP_VERIFICATION !== 'true';
const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');

const skill = buildSkill({
  persistenceAdapter: new FilePersistenceAdapter(dataDir),
  skillId: process.env.SKILL_ID || undefined,
});
const app = createApp({ skill, verifyRequests });

if (!verifyRequests) {
  log.warn('server.verification_off', {
    message:
      'ALEXA_SKIP_VERIFICATION=true: request signatures are NOT checked. Use this only on your own machine.',
  });
}

const server = app.listen(port, host, () => {
  log.info('server.listening', { url: `http://${host}:${port}/alexa`, verifyRequests });
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
