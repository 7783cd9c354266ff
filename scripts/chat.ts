/**
 * `npm run chat`: talk to the skill in the terminal, no Echo needed. The same skill object and
 * simulator as the web page; the user's record is kept in DATA_DIR (default .data) like `npm start`,
 * in the simulator's own space of it (simulator/store.ts).
 *
 *   npm run chat                      real time on a terminal (holds are waited through), skip when piped
 *   npm run chat -- --skip            never wait: print "[holding 45 s]" and move on
 *   npm run chat -- --real-time       always wait
 *   npm run chat -- --speak           read the skill's speech aloud with espeak-ng (when installed)
 *   npm run chat -- --screen          talk as an Echo Show instead of an Echo Dot
 *   npm run chat -- --locale en-GB    talk as a device in that market, understood by its own model
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { FilePersistenceAdapter } from '../lambda/src/persistence/file';
import { runChat } from '../simulator/chat';
import { interactionModel } from '../simulator/model';
import { LOCALES, readModel } from './generate-model';
import { Simulator } from '../simulator/simulator';
import { buildSkill } from '../lambda/src/skill';
import { SimulatorStore } from '../simulator/store';

process.env.LOG_LEVEL ??= 'warn';
const argv = process.argv.slice(2);
// --locale xx-XX (or --locale=xx-XX): the market the chat talks as.
let locale = 'en-US';
const localeAt = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
if (localeAt >= 0) {
  const flag = argv[localeAt];
  const inline = flag.startsWith('--locale=');
  locale = inline ? flag.slice('--locale='.length) : (argv[localeAt + 1] ?? '');
  argv.splice(localeAt, inline ? 1 : 2);
}
const args = new Set(argv);
const known = ['--skip', '--real-time', '--speak', '--screen', '--help', '--locale'];
for (const arg of args) {
  if (!known.includes(arg)) {
    console.error(`Unknown option ${arg}. Options: ${known.join(' ')}`);
    process.exit(2);
  }
}
if (args.has('--help')) {
  console.log(`npm run chat [-- --skip | --real-time] [--speak] [--screen] [--locale ${LOCALES.join('|')}]`);
  process.exit(0);
}
// A market with a model is understood by it; any other locale (ja-JP) is sent as it is, with the
// en-US model, and hears the skill's "not in your language yet".
const model = LOCALES.includes(locale) ? readModel(locale) : interactionModel;

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const realTime = args.has('--real-time') || (interactive && !args.has('--skip'));

/** espeak-ng reads a cue aloud; the chat waits until it has finished (or is interrupted). */
function espeak(): ((text: string, signal: AbortSignal) => Promise<void>) | undefined {
  if (spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.error('--speak: espeak-ng is not installed (apt-get install espeak-ng); continuing silently.');
    return undefined;
  }
  return (text, signal) =>
    new Promise((resolve) => {
      const child = spawn('espeak-ng', ['-s', '150', '--', text], { stdio: 'ignore' });
      const stop = (): void => {
        child.kill();
      };
      signal.addEventListener('abort', stop, { once: true });
      child.on('error', () => resolve());
      child.on('exit', () => {
        signal.removeEventListener('abort', stop);
        resolve();
      });
    });
}

// The chat's user lives in the simulator's own space of the store (capped, expiring), never among
// real Alexa users, as on the web page.
const persistenceAdapter = new SimulatorStore(
  new FilePersistenceAdapter(path.resolve(process.env.DATA_DIR ?? '.data')),
);
const skill = buildSkill({ persistenceAdapter, skillId: process.env.SKILL_ID || undefined });
const simulator = new Simulator({
  skill,
  model,
  locale,
  persistenceAdapter,
  applicationId: process.env.SKILL_ID || undefined,
  maxSessions: 1,
});

runChat({
  simulator,
  input: process.stdin,
  output: process.stdout,
  device: args.has('--screen') ? 'screen' : 'speaker',
  // One person per machine: the skill remembers them between runs, as a device's owner.
  user: 'terminal-chat-user',
  realTime,
  interactive,
  speak: args.has('--speak') ? espeak() : undefined,
})
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
