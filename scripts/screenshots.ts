/**
 * `npm run screenshots`: redraws the README's pictures of the web simulator and the terminal chat
 * (docs/images/simulator.png, simulator-routine.png, simulator-progress.png, chat.png) from the real
 * skill, with Debian's chromium.
 * Run `npm run build` first (the page is served from dist/public). Re-run it when the skill changes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { RequestEnvelope } from 'ask-sdk-model';
import { addDays } from '../lambda/src/core/progress/chart-days';
import type { ScoreEntry } from '../lambda/src/core/progress/types';
import { MemoryPersistenceAdapter } from '../lambda/src/persistence/memory';
import type { StoredRecord } from '../lambda/src/persistence/types';
import { createApp } from '../server/app';
import { directiveSvg } from '../lambda/src/display/svg';
import { launchChromium } from './chromium';
import { simulatorRouter } from '../server/simulator';
import { runChat } from '../simulator/chat';
import { interactionModel } from '../simulator/model';
import { Simulator } from '../simulator/simulator';
import { buildSkill } from '../lambda/src/skill';

process.env.LOG_LEVEL ??= 'silent';
const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs/images');
const PAGE_SCRIPT = ['open pressure point guide', 'which point helps sciatica', 'where is kunlun'];
/**
 * A guided routine on the screen device, pictured 100 s in: into the BL 23 hold, its one ring
 * counting the hold's time left down, and BL 23's page of the routine screen (the turn's second
 * page) with its diagram, its countdown bar and its Pause and Next buttons.
 */
const ROUTINE_SCRIPT = ['start the quick routine', 'no'];
const ROUTINE_AT_MS = 100_000;
/**
 * "Show my progress" for a user with four weeks of check-ins (a few days missed, pain easing over
 * the weeks), on the screen device, on 25 November 2026.
 */
const PROGRESS_DAY = '2026-11-25';
const PROGRESS_NOW = Date.parse(`${PROGRESS_DAY}T19:00:00Z`);
const PROGRESS_SCORES: ScoreEntry[] = Array.from({ length: 28 }, (_, i) => i)
  .filter((i) => ![3, 9, 10, 17, 24].includes(i))
  .map((i) => ({
    date: addDays(PROGRESS_DAY, -i),
    routine: i % 2 ? 'evening' : 'quick',
    before: Math.min(10, 4 + Math.round(i / 7) + (i % 3 === 0 ? 1 : 0)),
    after: Math.min(10, 2 + Math.round(i / 9) + (i % 4 === 1 ? 1 : 0)),
  }));

/** A store in which every user already has the check-ins above (the simulator's user id is random). */
class StoreWithScores extends MemoryPersistenceAdapter {
  override async read(envelope: RequestEnvelope): Promise<StoredRecord> {
    const stored = await super.read(envelope);
    return stored.version === 0 ? { record: { scores: PROGRESS_SCORES }, version: 0 } : stored;
  }
}

/** The progress chart on the simulator's screen device. */
async function progressScreenshot(browser: Awaited<ReturnType<typeof launchChromium>>): Promise<void> {
  const persistenceAdapter = new StoreWithScores();
  const skill = buildSkill({ persistenceAdapter });
  const app = createApp({
    skill,
    verifyRequests: true,
    simulator: simulatorRouter({
      skill,
      persistenceAdapter,
      assetsDir: path.join(ROOT, 'dist/public'),
      renderVisual: (directive, page) => directiveSvg(directive, { page }),
      clock: () => PROGRESS_NOW,
    }),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#device-screen');
    await page.waitForSelector('body[data-device="screen"]');
    await page.fill('#say', 'show my progress');
    await page.press('#say', 'Enter');
    await page.locator('.turn.skill').first().locator('.cue').first().waitFor();
    await page.locator('#display img.diagram').waitFor();
    await page.screenshot({ path: path.join(OUT, 'simulator-progress.png') });
    await page.close();
  } finally {
    server.close();
  }
}

const CHAT_SCRIPT = [
  'open pressure point guide',
  'where is b l twenty three',
  'how long do I hold it',
  'stop',
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function chatTranscript(): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const persistenceAdapter = new MemoryPersistenceAdapter();
  const simulator = new Simulator({ skill: buildSkill({ persistenceAdapter }), model: interactionModel });
  const done = runChat({ simulator, input, output, realTime: false });
  input.end(CHAT_SCRIPT.map((line) => `${line}\n`).join(''));
  await done;
  return `$ npm run chat\n${text}`;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/public/simulator.js'))) throw new Error('Run npm run build first.');
  mkdirSync(OUT, { recursive: true });
  const persistenceAdapter = new MemoryPersistenceAdapter();
  const skill = buildSkill({ persistenceAdapter });
  const app = createApp({
    skill,
    verifyRequests: true,
    simulator: simulatorRouter({
      skill,
      persistenceAdapter,
      assetsDir: path.join(ROOT, 'dist/public'),
      renderVisual: (directive, page) => directiveSvg(directive, { page }),
    }),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#device-screen');
    await page.waitForSelector('body[data-device="screen"]');
    for (const [index, text] of PAGE_SCRIPT.entries()) {
      await page.fill('#say', text);
      await page.press('#say', 'Enter');
      await page.locator('.turn.skill').nth(index).locator('.cue').first().waitFor();
    }
    await page.screenshot({ path: path.join(OUT, 'simulator.png') });
    await page.close();

    // The routine: the page's clock runs in real time and is moved forward to mid-hold.
    const routine = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await routine.clock.install();
    await routine.goto(url);
    await routine.waitForSelector('body[data-ready="true"]');
    await routine.click('#device-screen');
    await routine.waitForSelector('body[data-device="screen"]');
    for (const [index, text] of ROUTINE_SCRIPT.entries()) {
      await routine.fill('#say', text);
      await routine.press('#say', 'Enter');
      await routine.locator('.turn.skill').nth(index).locator('.cue').first().waitFor();
    }
    await routine.clock.fastForward(ROUTINE_AT_MS);
    await routine.locator('.hold:not(.over)').waitFor();
    await routine.locator('#display img.diagram').waitFor();
    await routine.locator('#display .bar').waitFor();
    await routine.waitForTimeout(300);
    await routine.screenshot({ path: path.join(OUT, 'simulator-routine.png') });

    await progressScreenshot(browser);

    const transcript = await chatTranscript();
    const terminal = await browser.newPage({ viewport: { width: 1000, height: 560 } });
    await terminal.setContent(
      `<body style="margin:0;background:#1e1e1e"><pre style="margin:0;padding:16px;color:#e6e6e6;` +
        `font:14px/1.45 'DejaVu Sans Mono',monospace;white-space:pre-wrap">${escapeHtml(transcript)}</pre></body>`,
    );
    await terminal.screenshot({ path: path.join(OUT, 'chat.png'), fullPage: true });
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `wrote ${path.relative(ROOT, OUT)}/simulator.png, simulator-routine.png, simulator-progress.png and chat.png`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
