/**
 * The terminal chat (`npm run chat`): the simulator's conversation on a command line. Each reply's
 * cues are printed in order, each hold once as "[holding 45 s]" (a routine's holds as the skill laid
 * them out, through the cues spoken inside them; other pauses as "[pause 3 s]"); in real time the chat waits through
 * them (Enter skips ahead, typing anything else interrupts, as speaking to a device does), otherwise
 * it moves straight on. With a speaker function (espeak-ng) the speech is also read aloud.
 */
import type { Interface } from 'node:readline';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CUE_SPLIT_MS, type Cue } from './cues';
import { holdLength } from './hold-length';
import type { Hold } from './holds';
import { MAX_SKIP_MS, type DeviceKind, type SimulatorReply, type SimulatorSessionInfo } from './simulator';
import type { Simulator } from './simulator';

export interface ChatOptions {
  simulator: Simulator;
  input: Readable;
  output: Writable;
  device?: DeviceKind;
  /** The person (a token kept between runs, so the skill remembers them). */
  user?: string;
  /** Wait through silences as a device would (otherwise print them and move on). */
  realTime: boolean;
  /** A terminal: a prompt, and a countdown that updates in place. */
  interactive?: boolean;
  /** Reads text aloud; resolves when done. Stopped through the signal when the person interrupts. */
  speak?: (text: string, signal: AbortSignal) => Promise<void>;
  /** Waits (injected so tests need not); resolves early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const HELP = [
  'Type what you would say to the skill, e.g. "open pressure point guide" or "where is kunlun".',
  'Commands: /new (new session)  /forget (forget this user)  /speaker  /screen  /wait (real time on/off)  /quit',
  'While a turn plays in real time: Enter skips ahead; typing anything else interrupts it, as on a device.',
].join('\n');

/** Waits `ms`, or less if the signal aborts. */
export function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/** "FindPointIntent · point: kunlun → BL60" */
export function describeRequest(reply: SimulatorReply): string {
  const { request } = reply;
  if (!request.intent) return request.type;
  const slots = Object.entries(request.slots ?? {}).map(
    ([name, slot]) => `${name}: ${slot.value}${slot.id ? ` → ${slot.id}` : ' (no match)'}`,
  );
  return [request.intent, ...slots].join(' · ');
}

/** Runs the chat until the input ends or the person types /quit. */
export async function runChat(options: ChatOptions): Promise<void> {
  const { simulator, output } = options;
  const sleep = options.sleep ?? sleepFor;
  const interactive = options.interactive ?? false;
  let realTime = options.realTime;
  let session: SimulatorSessionInfo = simulator.open({ user: options.user, device: options.device });
  const write = (text: string): void => {
    output.write(`${text}\n`);
  };

  /** The turn being played: aborting it skips the rest of its waiting. */
  let playing: { skip: AbortController; interrupted: boolean } | undefined;

  async function play(reply: SimulatorReply): Promise<void> {
    const turn = { skip: new AbortController(), interrupted: false };
    playing = turn;
    write(`  [${describeRequest(reply)}]`);
    for (const problem of reply.problems) write(`  ! Alexa would reject this SSML: ${problem}`);
    const started = Date.now();
    let first = true;
    for (const cue of reply.cues) {
      if (turn.interrupted) break;
      if (realTime) await sleep(cue.atMs - (Date.now() - started), turn.skip.signal);
      if (turn.interrupted) break;
      if (cue.kind === 'speech') {
        write(`${first ? 'skill>' : '      '} ${cue.text}`);
        first = false;
        if (options.speak && !turn.skip.signal.aborted) await options.speak(cue.text, turn.skip.signal);
      } else {
        const hold = reply.holds.find((h) => cue.atMs >= h.atMs - 1 && cue.atMs < h.atMs + h.durationMs);
        await showSilence(cue, hold, started, turn.skip.signal);
      }
    }
    if (reply.cues.length === 0) write('skill> (says nothing)');
    if (turn.interrupted) write('       (interrupted)');
    // What was skipped counts as heard: the skill's clock moves to the end of the turn.
    else {
      const skipped = Math.max(0, reply.totalMs - (Date.now() - started));
      await simulator.skipAhead(session.id, Math.min(MAX_SKIP_MS, skipped));
    }
    if (reply.session === 'closed') write('  [session ended: your next words start a new one]');
    if (playing === turn) playing = undefined;
  }

  /**
   * A silence: the start of a hold prints it once ("[holding 1 min]"); a silence later in the same
   * hold (after a "halfway") prints nothing; any other pause prints its length. On a terminal in
   * real time, a hold's silences count the hold's time left down in place.
   */
  async function showSilence(cue: Cue, hold: Hold | undefined, started: number, signal: AbortSignal) {
    if (cue.durationMs < CUE_SPLIT_MS && !hold) return;
    const starts = hold !== undefined && Math.abs(cue.atMs - hold.atMs) <= 1;
    const label = hold
      ? starts
        ? `[holding ${holdLength(hold.durationMs)}]`
        : '[holding]'
      : `[pause ${seconds(cue.durationMs)}]`;
    if (!realTime || !interactive || !hold) {
      if (!hold || starts) write(`       ${label}`);
      return;
    }
    // On a terminal, the hold counts down in place.
    const ends = Date.now() + cue.durationMs;
    const holdEnds = started + hold.atMs + hold.durationMs;
    while (!signal.aborted && Date.now() < ends) {
      output.write(`\r       ${label} ${holdLength(holdEnds - Date.now())} left   `);
      await sleep(Math.min(1000, ends - Date.now()), signal);
    }
    output.write(`\r       ${label}${' '.repeat(20)}\n`);
  }

  async function handle(line: string, rl: Interface): Promise<boolean> {
    const text = line.trim();
    if (!interactive && text !== '') write(`you> ${text}`);
    if (text === '') return true;
    try {
      switch (text.toLowerCase()) {
        case '/quit':
        case '/exit':
          return false;
        case '/help':
          write(HELP);
          return true;
        case '/new': {
          const ended = await simulator.endSession(session.id);
          if (ended && ended.speech) write(`skill> ${ended.speech}`);
          write('  [new session: the next thing you say starts a fresh conversation]');
          return true;
        }
        case '/forget':
          session = await simulator.forgetUser(session.id);
          write('  [forgotten: the skill deleted what it stored about you]');
          return true;
        case '/speaker':
        case '/screen':
          session = await simulator.setDevice(session.id, text.slice(1).toLowerCase());
          write(`  [now on a ${session.device} device: a new session]`);
          return true;
        case '/wait':
          realTime = !realTime;
          write(
            realTime ? '  [real time: holds are waited through]' : '  [skipping ahead: holds are not waited]',
          );
          return true;
        default:
          if (text.startsWith('/')) {
            write(`  [unknown command ${text}: /help lists them]`);
            return true;
          }
          await play(await simulator.say(session.id, text));
          return true;
      }
    } catch (error) {
      write(`  ! ${error instanceof Error ? error.message : String(error)}`);
      return true;
    } finally {
      if (interactive) rl.prompt();
    }
  }

  write(
    `Pressure Point Guide · terminal chat on a ${session.device === 'screen' ? 'screen device (Echo Show)' : 'speaker (Echo Dot)'}. ` +
      (realTime ? 'Holds play in real time (Enter skips ahead).' : 'Holds are skipped (--real-time waits).') +
      ' /help for commands.',
  );
  const rl = createInterface({ input: options.input, output, terminal: interactive, prompt: 'you> ' });
  if (interactive) rl.prompt();
  await new Promise<void>((resolve) => {
    // Lines are handled one at a time, in order; /quit stops the rest.
    let queue = Promise.resolve(true);
    let quit = false;
    rl.on('line', (line) => {
      // Speaking mid-turn: Enter alone skips the waiting; words interrupt the turn.
      if (playing && (realTime || options.speak)) {
        if (line.trim() !== '') playing.interrupted = true;
        playing.skip.abort();
      }
      queue = queue.then((going) => (going && !quit ? handle(line, rl) : false));
      void queue.then((going) => {
        if (!going && !quit) {
          quit = true;
          rl.close();
        }
      });
    });
    rl.on('close', () => {
      void queue.then(() => resolve());
    });
  });
}
