import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { FilePersistenceAdapter } from '../../lambda/src/persistence/file';
import { launchRequest } from '../../simulator/envelope';
import { SimulatorStore } from '../../simulator/store';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runChat } from '../../simulator/chat';
import { Simulator } from '../../simulator/simulator';
import { holdSkill } from '../support/hold-turn';
import { model } from '../support/model';

const root = path.join(__dirname, '../..');

/** Runs `npm run chat`'s script as a process, its stdin piped from `input`. */
function chatProcess(
  args: string[],
  input: string,
  dataDir: string,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/chat.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

/**
 * The chat in process. `sleep` records each wait and returns at once; with `holdUntilAborted`, the
 * first long wait lasts until the person interrupts it.
 */
function chatWith(options: { realTime: boolean; holdUntilAborted?: boolean }) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const waits: number[] = [];
  let held = false;
  const simulator = new Simulator({ skill: holdSkill({ shouldEndSession: false }), model });
  const done = runChat({
    simulator,
    input,
    output,
    realTime: options.realTime,
    sleep: (ms, signal) => {
      if (ms > 0) waits.push(ms);
      if (!options.holdUntilAborted || held || ms < 10_000) return Promise.resolve();
      held = true;
      return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
    },
  });
  return { input, done, waits, output: () => text };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error('timed out');
}

describe('the terminal chat', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ppg-chat-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('talks to the real skill with piped stdin: kunlun, a follow-up, /forget, /quit', async () => {
    const { code, out } = await chatProcess(
      ['--skip'],
      'open pressure point guide\nwhere is kunlun\ntell me more\n/forget\nopen pressure point guide\n/quit\nhelp\n',
      dataDir,
    );
    expect(code).toBe(0);
    expect(out).toMatch(
      /you> where is kunlun\n {2}\[FindPointIntent · point: kunlun → BL60\]\nskill> Kunlun Mountains, B L 60.*ankle/,
    );
    expect(out).toMatch(/you> tell me more\n {2}\[PointDetailIntent\]\nskill> Here's more on B L 60/);
    // The first-use note, again after /forget: the stored record was deleted.
    expect(out.match(/not medical advice/g)).toHaveLength(2);
    expect(out).toMatch(/\[forgotten/);
    // Nothing after /quit is sent.
    expect(out).not.toMatch(/you> help/);
  });

  it('keeps its user in the simulator’s own space of the store, never among Alexa users', async () => {
    const { code } = await chatProcess(['--skip'], 'open pressure point guide\n/quit\n', dataDir);
    expect(code).toBe(0);
    const files = new FilePersistenceAdapter(dataDir);
    const user = launchRequest({ userId: 'amzn1.ask.account.SIMULATOR-terminal-chat-user' });
    // What an Alexa user of that id would read: nothing.
    expect(await files.getAttributes(user)).toEqual({});
    expect(await new SimulatorStore(files).getAttributes(user)).toMatchObject({ welcomed: true });
  });

  it('runs a guided routine with piped stdin: screening, holds shown as [holding N s], next goes on', async () => {
    const { code, out } = await chatProcess(
      [],
      'start the quick routine\nno\nnext\nhow long is left\n',
      dataDir,
    );
    expect(code).toBe(0);
    expect(out).toMatch(
      /you> start the quick routine\n {2}\[StartRoutineIntent · routine: quick → quick\]\nskill> One safety check first\./,
    );
    const routine = out.slice(out.indexOf('you> no'), out.indexOf('you> next'));
    expect(routine).toMatch(/\[AMAZON\.NoIntent\]\nskill> Let's do the quick routine\./);
    // The warm-up: "Begin.", then its 30 s hold (with a cue inside it, never 25 s of silence),
    // skipped ahead (piped input never waits).
    expect(routine).toMatch(/Begin\.\n {7}\[holding 30 s\]\n {7}Keep it going\.\n {7}And stop\./);
    // One line per hold, with the hold's whole length (cues spoken inside it do not split it), and
    // the settle pause before each "press" is a pause, not a hold.
    expect(routine.match(/\[holding [^\]]*\]/g)).toEqual([
      '[holding 30 s]',
      '[holding 1 min]',
      '[holding 45 s]',
    ]);
    expect(routine.match(/\[pause 3 s\]/g)).toHaveLength(3);
    expect(routine).toMatch(/Say next when you're ready for Commanding Middle\.\n$/);
    // Skipped turns count as heard: "next" goes on to the point the skill just named.
    const next = out.slice(out.indexOf('you> next'), out.indexOf('you> how long is left'));
    expect(next).toMatch(/\[AMAZON\.NextIntent\]\nskill> Next, B L 40/);
    expect(out.slice(out.indexOf('you> how long is left'))).toMatch(
      /\[TimeLeftIntent\]\nskill> You've finished that hold\. About .* of holds to go/,
    );
  });

  it('rejects an unknown option', async () => {
    const { code } = await chatProcess(['--loud'], '', dataDir);
    expect(code).toBe(2);
  });

  it('prints holds and waits through them in real time', async () => {
    const chat = chatWith({ realTime: true });
    chat.input.end('next\n');
    await chat.done;
    expect(chat.output()).toMatch(
      /skill> Step two\.\n {6} Press now\.\n {7}\[holding 45 s\]\n {6} Release\./,
    );
    // The wait before "Release." covers the 45 s hold (and the speech before it).
    expect(Math.max(...chat.waits)).toBeGreaterThanOrEqual(45_000);
  });

  it('skips ahead without waiting when not in real time', async () => {
    const chat = chatWith({ realTime: false });
    chat.input.end('next\n');
    await chat.done;
    expect(chat.output()).toMatch(/\[holding 45 s\]\n {6} Release\./);
    expect(chat.waits).toEqual([]);
  });

  it('lets the person interrupt a hold by typing, as on a device', async () => {
    const chat = chatWith({ realTime: true, holdUntilAborted: true });
    chat.input.write('next\n');
    await until(() => chat.output().includes('Press now.'));
    chat.input.end('pause\n');
    await chat.done;
    const out = chat.output();
    const first = out.slice(0, out.indexOf('you> pause'));
    expect(first).toMatch(/\(interrupted\)/);
    expect(first).not.toMatch(/Release/);
    expect(out.slice(out.indexOf('you> pause'))).toMatch(/Step two/);
  });
});
