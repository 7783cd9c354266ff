/**
 * The simulator page in a real browser: Debian's chromium driven by playwright-core, against the
 * real server on 127.0.0.1. Screenshots go to .artifacts/ (ignored by git).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Skill } from 'ask-sdk-core';
import type { Browser, Page } from 'playwright-core';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { createApp } from '../../server/app';
import { COLOURS, drawPoints } from '../../lambda/src/display/diagram';
import { directiveSvg } from '../../lambda/src/display/svg';
import { simulatorRouter } from '../../server/simulator';
import type { VisualRenderer } from '../../simulator/visual';
import { buildSkill } from '../../lambda/src/skill';
import { launchChromium, pngPixels } from '../../scripts/chromium';
import { BUILD } from '../../scripts/build-output';
import { holdSkill } from '../support/hold-turn';

const root = path.join(__dirname, '../..');
const assetsDir = BUILD.public;
const artifacts = path.join(root, '.artifacts');

const servers: Server[] = [];
let browser: Browser;

async function serve(skill: Skill, renderVisual?: VisualRenderer, clock?: () => number): Promise<string> {
  const router = simulatorRouter({
    skill,
    persistenceAdapter: new MemoryPersistenceAdapter(),
    assetsDir,
    renderVisual,
    clock,
  });
  const app = createApp({ skill, verifyRequests: true, simulator: router });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    });
  });
}

async function openPage(url: string, options: { fakeClock?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // A clock that runs in real time but can be moved forward (page.clock.fastForward).
  if (options.fakeClock) await page.clock.install();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(url) && !request.url().startsWith('data:'))
      problems.push(`external request: ${request.url()}`);
  });
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** The colour of one pixel of a PNG, read with the browser's own decoder on a page of its own. */
async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const page = await browser.newPage();
  try {
    const [colour] = await pngPixels(page, png, [{ x, y }]);
    return colour;
  } finally {
    await page.close();
  }
}

function hex(colour: string): number[] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}

/** Seconds in a spoken answer such as "Paused, with 48 seconds left on a warm-up". */
function secondsIn(text: string | null): number {
  const match = /(\d+) seconds? left/.exec(text ?? '');
  if (!match) throw new Error(`no "N seconds left" in: ${text}`);
  return Number(match[1]);
}

function problemsOf(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

async function say(page: Page, text: string): Promise<void> {
  await page.fill('#say', text);
  await page.press('#say', 'Enter');
}

beforeAll(async () => {
  if (!existsSync(path.join(assetsDir, 'simulator.js')))
    throw new Error('dist/public is missing: run npm run build (npm test does)');
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('the simulator page in chromium', () => {
  it('talks as a device in the locale picked: en-AU hears its own emergency number', async () => {
    const url = await serve(buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() }));
    const page = await openPage(url);
    const options = await page.locator('#locale option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN']));
    await page.selectOption('#locale', 'en-AU');
    await page.locator('#log li.system', { hasText: 'Now a device in en-AU' }).waitFor();
    await say(page, 'I have numbness between my legs');
    const answer = page.locator('.turn.skill').last();
    await answer.locator('.cue').first().waitFor();
    expect(await answer.textContent()).toMatch(/call 000/);
    expect(await answer.textContent()).not.toMatch(/911/);
    expect(problemsOf(page)).toEqual([]);
  });

  it('answers "where is kunlun" about the ankle; new session and device controls work', async () => {
    const url = await serve(buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() }));
    const page = await openPage(url);

    await say(page, 'where is kunlun');
    const answer = page.locator('.turn.skill').last();
    await answer.locator('.cue').first().waitFor();
    expect(await answer.textContent()).toMatch(/B L 60.*outer ankle bone/);
    expect(await page.locator('.turn.you .meta').last().textContent()).toMatch(
      /FindPointIntent · point: kunlun → BL60/,
    );
    expect(await page.textContent('#session-state')).toMatch(/listening/);

    await page.click('text=tell me more');
    await page.locator('.turn.skill').nth(1).locator('.cue').first().waitFor();
    expect(await page.locator('.turn.skill').nth(1).textContent()).toMatch(/more on B L 60/);

    await page.click('#new-session');
    await page.waitForSelector('body[data-session="closed"]');
    await say(page, 'tell me more');
    await page.locator('.turn.skill').nth(2).locator('.cue').first().waitFor();
    expect(await page.locator('.turn.skill').nth(2).textContent()).toMatch(/Which point do you mean/);

    expect(await page.isVisible('#screen')).toBe(false);
    await page.click('#device-screen');
    await page.waitForSelector('body[data-device="screen"]');
    expect(await page.getAttribute('#device-screen', 'aria-pressed')).toBe('true');
    expect(await page.isVisible('#screen')).toBe(true);
    await say(page, 'which point helps sciatica');
    // Without an APL document, an Echo Show shows the speech as text.
    await page.locator('#display .fallback').waitFor();
    expect(await page.textContent('#display')).toMatch(/For sciatica/);
    await page.screenshot({ path: path.join(artifacts, 'simulator.png') });

    await page.click('#device-speaker');
    await page.waitForSelector('body[data-device="speaker"]');
    expect(await page.isVisible('#screen')).toBe(false);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('plays an APLA hold turn in real time with a countdown ring, and typing mid-turn interrupts it', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';
    const url = await serve(holdSkill({ shouldEndSession: false, holdMs: 8000 }), () => svg);
    const page = await openPage(url);
    await page.click('#device-screen');
    await page.waitForSelector('body[data-device="screen"]');
    await say(page, 'next');

    const ring = page.locator('.hold').last();
    await ring.waitFor();
    const first = Number(await ring.getAttribute('data-remaining-ms'));
    await page.waitForTimeout(1500);
    const later = Number(await ring.getAttribute('data-remaining-ms'));
    expect(first).toBeGreaterThan(later);
    expect(first - later).toBeGreaterThan(1000);
    expect(Number(await ring.locator('.seconds').textContent())).toBeLessThanOrEqual(
      Math.ceil(later / 1000) + 1,
    );
    expect(await page.locator('.turn.skill').last().textContent()).not.toMatch(/Release/);
    expect(await page.isVisible('#playing')).toBe(true);
    // The screen shows the display's diagram and text.
    expect(await page.getAttribute('#display img.diagram', 'src')).toMatch(/^data:image\/svg\+xml/);
    expect(await page.textContent('#display .lines')).toMatch(/Sea of Vitality, BL 23.*Step 2 of 5/);
    await page.screenshot({ path: path.join(artifacts, 'simulator-hold.png') });

    await say(page, 'pause');
    await page.locator('.turn.skill').nth(1).locator('.cue').first().waitFor();
    const interrupted = await page.locator('.turn.skill').first().textContent();
    expect(interrupted).toMatch(/\(interrupted\)/);
    expect(interrupted).not.toMatch(/Release/);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
  it('on the Screen device, "where is kunlun" shows the BL 60 diagram with its marker visible', async () => {
    const skill = buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() });
    const page = await openPage(await serve(skill, (directive) => directiveSvg(directive)));
    await page.click('#device-screen');
    await page.waitForSelector('body[data-device="screen"]');
    await say(page, 'where is kunlun');

    const image = page.locator('#display img.diagram');
    await image.waitFor();
    const src = (await image.getAttribute('src')) ?? '';
    expect(src).toMatch(/^data:image\/svg\+xml/);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toMatch(/<title id="title">Diagram of [^<]*BL 60/);
    expect(svg).toContain(`fill="${COLOURS.mark}" class="mark"`);
    expect(await page.textContent('#display .lines')).toMatch(/BL 60 · Kunlun Mountains/);

    // The marker's centre, as drawn on the page (the image is scaled to fit its box, centred).
    await image.evaluate((img: HTMLImageElement) => img.decode());
    const natural = await image.evaluate((img: HTMLImageElement) => ({
      width: img.naturalWidth,
      height: img.naturalHeight,
    }));
    const box = (await image.boundingBox())!;
    const drawing = drawPoints(['BL 60'])!;
    const scale = Math.min(box.width / natural.width, box.height / natural.height);
    const toPage = natural.width / drawing.width;
    const [mark] = drawing.marks;
    const x = box.x + (box.width - natural.width * scale) / 2 + mark.x * toPage * scale;
    const y = box.y + (box.height - natural.height * scale) / 2 + mark.y * toPage * scale;
    const png = await page.screenshot({ path: path.join(artifacts, 'simulator-screen-kunlun.png') });
    const colour = await pixel(png, x, y);
    const marker = hex(COLOURS.mark);
    expect({ colour, isMarker: colour.every((v, i) => Math.abs(v - marker[i]) <= 24) }).toMatchObject({
      isMarker: true,
    });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('runs a real routine: screening, holds in real time, pause mid-hold, how long is left, resume', async () => {
    // The page's clock and the server's move forward together past the 30 s spoken introduction;
    // every hold is then watched in real time.
    let skew = 0;
    const skill = buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() });
    const url = await serve(skill, undefined, () => Date.now() + skew);
    const page = await openPage(url, { fakeClock: true });
    const turn = (n: number) => page.locator('.turn.skill .body').nth(n);
    const skipAhead = async (ms: number) => {
      skew += ms;
      await page.clock.fastForward(ms);
    };

    await say(page, 'start a routine');
    await turn(0).locator('.cue').first().waitFor();
    expect(await turn(0).textContent()).toMatch(/safety check.*\?/);
    expect(await page.locator('.turn.you .meta').last().textContent()).toMatch(/^StartRoutineIntent/);

    await say(page, 'no');
    await turn(1).locator('.cue').first().waitFor();
    expect(await turn(1).textContent()).toMatch(/Let's do the general lower back routine/);
    // In real time: the safety line comes about 7 s later, not at once.
    await page.waitForTimeout(1000);
    expect(await turn(1).textContent()).not.toMatch(/Stop straight away/);
    expect(await page.isVisible('#playing')).toBe(true);

    // 45 s in (after the full stop rules and what a finger-width is, said in the session's first
    // routine): the warm-up was announced, "Begin." said, and its hold is counting down: one ring for
    // the hold (none for the settle pause before "Begin."), labelled with the hold's time left.
    await skipAhead(44_000);
    const ring = turn(1).locator('.hold').first();
    await ring.waitFor();
    expect(await ring.getAttribute('data-duration-ms')).toBe('60000');
    expect(await ring.locator('.label').textContent()).toMatch(/^\d+ s left$/);
    expect(await turn(1).textContent()).toMatch(/Stop straight away.*First, a warm-up.*Begin\./);
    const first = Number(await ring.getAttribute('data-remaining-ms'));
    await page.waitForTimeout(1500);
    const later = Number(await ring.getAttribute('data-remaining-ms'));
    expect(first).toBeLessThanOrEqual(60_000);
    expect(first - later).toBeGreaterThan(1000);
    expect(later).toBeGreaterThan(0);
    expect(await turn(1).textContent()).not.toMatch(/Halfway/);
    await page.screenshot({ path: path.join(artifacts, 'simulator-routine-hold.png') });

    // "pause" mid-hold: the turn stops where it was; the skill says how much of the warm-up is left.
    await say(page, 'pause');
    await turn(2).locator('.cue').first().waitFor();
    expect(await turn(1).textContent()).toMatch(/\(interrupted\)/);
    expect(await turn(1).textContent()).not.toMatch(/Halfway/);
    expect(await ring.getAttribute('class')).toMatch(/\bover\b/);
    const paused = await turn(2).textContent();
    expect(paused).toMatch(/^Paused, with \d+ seconds left on a warm-up\./);
    const left = secondsIn(paused);
    expect(left).toBeGreaterThan(20);
    expect(left).toBeLessThanOrEqual(60);

    // Paused, time stands still: the same amount left a while later.
    await skipAhead(20_000);
    await say(page, 'how long is left');
    await turn(3).locator('.cue').first().waitFor();
    expect(await turn(3).textContent()).toMatch(/paused/i);
    expect(secondsIn(await turn(3).textContent())).toBe(left);

    // "resume": back into the warm-up hold, with no more than was left, counting down again.
    await say(page, 'resume');
    await turn(4).locator('.cue').first().waitFor();
    expect(await turn(4).textContent()).toMatch(/Back to a warm-up/);
    const resumed = turn(4).locator('.hold').first();
    await resumed.waitFor({ timeout: 15_000 });
    const resumedMs = Number(await resumed.getAttribute('data-remaining-ms'));
    expect(resumedMs).toBeGreaterThan(0);
    expect(resumedMs).toBeLessThanOrEqual(left * 1000);
    await page.waitForTimeout(1500);
    expect(Number(await resumed.getAttribute('data-remaining-ms'))).toBeLessThan(resumedMs - 1000);

    await say(page, 'how long is left');
    await turn(5).locator('.cue').first().waitFor();
    expect(await turn(4).textContent()).toMatch(/\(interrupted\)/);
    expect(await turn(5).textContent()).toMatch(/seconds left on this hold/);
    expect(secondsIn(await turn(5).textContent())).toBeLessThan(left);

    // "Skip ahead" shows the rest of the hold at once and counts it as heard: the hold is over.
    await page.click('#skip');
    expect(await turn(5).textContent()).toMatch(
      /And stop\..*Next, B L 23.*Say next when you're ready for Will's Chamber/,
    );
    await say(page, 'how long is left');
    await turn(6).locator('.cue').first().waitFor();
    expect(await turn(6).textContent()).toMatch(/finished that hold/);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('on the Screen device, a routine turn shows each point’s diagram when its page comes up', async () => {
    // As `npm start` wires it: every page of a routine turn drawn on its own.
    let skew = 0;
    const skill = buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() });
    const url = await serve(
      skill,
      (directive, n) => directiveSvg(directive, { page: n }),
      () => Date.now() + skew,
    );
    const page = await openPage(url, { fakeClock: true });
    const turn = (n: number) => page.locator('.turn.skill .body').nth(n);
    const skipAhead = async (ms: number) => {
      skew += ms;
      await page.clock.fastForward(ms);
    };
    const display = page.locator('#display');
    const diagram = display.locator('img.diagram');
    /** The title of the diagram on the screen ("Diagram of the back, with BL 23 marked"). */
    const diagramTitle = async (): Promise<string> => {
      const src = (await diagram.getAttribute('src')) ?? '';
      const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
      return /<title id="title">([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
    };

    await page.click('#device-screen');
    await page.waitForSelector('body[data-device="screen"]');
    await say(page, 'start the quick routine');
    await turn(0).locator('.cue').first().waitFor();
    await say(page, 'no');
    await turn(1).locator('.cue').first().waitFor();

    // The turn starts on its first page: the warm-up, words and no diagram.
    expect(await display.getAttribute('data-page')).toBe('0');
    expect(await display.locator('.lines').textContent()).toMatch(
      /Quick routine.*Step 1 of 6.*Rub your lower back/,
    );
    expect(await diagram.count()).toBe(0);

    // 50 s in: still the warm-up (its hold runs to about 68 s, after the full stop rules and what a
    // finger-width is, said in the session's first routine; its second half after "Keep it going.");
    // BL 23's page has not come up.
    await skipAhead(50_000);
    await turn(1).locator('.hold[data-duration-ms="30000"]').waitFor();
    expect(await display.getAttribute('data-page')).toBe('0');
    expect(await diagram.count()).toBe(0);

    // Past the warm-up: BL 23 is announced, and its page comes up with its diagram.
    await skipAhead(30_000);
    await diagram.waitFor();
    expect(await diagramTitle()).toMatch(/Diagram of the back, with BL 23 marked/);
    expect(await display.getAttribute('data-page')).toBe('1');
    expect(await display.locator('.lines').textContent()).toMatch(/Step 2 of 6.*BL 23 · Sea of Vitality/);
    // In step with the audio: the log has reached BL 23's announcement, not BL 52's.
    expect(await turn(1).textContent()).toMatch(/Next, B L 23/);
    expect(await turn(1).textContent()).not.toMatch(/Next, B L 52/);
    const bl23 = await diagram.getAttribute('src');

    // Later in the same turn: BL 23's hold is over, BL 52 comes up and the diagram changes with it.
    await skipAhead(90_000);
    await page.waitForSelector('#display[data-page="2"] img.diagram');
    expect(await diagramTitle()).toMatch(/Diagram of the back, with BL 52 marked/);
    expect(await diagram.getAttribute('src')).not.toBe(bl23);
    expect(await display.locator('.lines').textContent()).toMatch(/Step 3 of 6.*BL 52 · Will's Chamber/);
    expect(await turn(1).textContent()).toMatch(/Next, B L 52/);
    expect(await page.isVisible('#playing')).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'simulator-routine-screen.png') });

    // "pause" interrupts the turn: the screen shows the paused response's single page.
    await say(page, 'pause');
    await turn(2).locator('.cue').first().waitFor();
    expect(await turn(1).textContent()).toMatch(/\(interrupted\)/);
    await page.waitForSelector('#display[data-page="0"] img.diagram');
    expect(await diagramTitle()).toMatch(/BL 52 marked/);
    expect(await display.locator('.lines').textContent()).toMatch(/Step 3 of 6.*BL 52.*Paused/);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('on the Screen device, the routine screen has a countdown bar and Pause/Resume buttons that work', async () => {
    let skew = 0;
    const skill = buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() });
    const url = await serve(
      skill,
      (directive, n) => directiveSvg(directive, { page: n }),
      () => Date.now() + skew,
    );
    const page = await openPage(url, { fakeClock: true });
    const turn = (n: number) => page.locator('.turn.skill .body').nth(n);
    const skipAhead = async (ms: number) => {
      skew += ms;
      await page.clock.fastForward(ms);
    };
    const display = page.locator('#display');
    const bar = display.locator('.bar');
    const fraction = async () => Number(await bar.getAttribute('data-fraction'));

    await page.click('#device-screen');
    await page.waitForSelector('body[data-device="screen"]');
    await say(page, 'start the quick routine');
    await turn(0).locator('.cue').first().waitFor();
    await say(page, 'no');
    await turn(1).locator('.cue').first().waitFor();

    // The warm-up's page: its bar full (the hold has not started), and the document's two buttons.
    const buttons = display.locator('button.apl-button');
    expect(await buttons.allTextContents()).toEqual(['Pause', 'Next']);
    expect(JSON.parse((await buttons.first().getAttribute('data-event')) ?? '')).toEqual([
      'intent',
      'AMAZON.PauseIntent',
    ]);
    expect(await fraction()).toBe(1);

    // 45 s in: the warm-up's 30 s hold started at about 37 s (after the first routine's full stop rules
    // and what a finger-width is); the bar and the ring count it down together.
    await skipAhead(45_000);
    const ring = turn(1).locator('.hold').first();
    await ring.waitFor();
    await page.waitForTimeout(500);
    const early = await fraction();
    expect(early).toBeLessThan(0.9);
    expect(early).toBeGreaterThan(0.6);
    // Read in one go: the ring's time left and its label, drawn in the same frame.
    const [ringLeft, ringLabel] = await ring.evaluate((node) => [
      Number(node.getAttribute('data-remaining-ms')),
      node.querySelector('.label')?.textContent ?? '',
    ]);
    expect(Math.abs(early * 30_000 - Number(ringLeft))).toBeLessThan(1000);
    expect(ringLabel).toBe(`${Math.ceil(Number(ringLeft) / 1000)} s left`);
    await page.waitForTimeout(1500);
    expect(await fraction()).toBeLessThan(early - 0.03);
    await page.screenshot({ path: path.join(artifacts, 'simulator-routine-bar.png') });

    // Touch Pause on the screen: the device sends the UserEvent, the skill pauses the routine.
    await buttons.first().click();
    await turn(2).locator('.cue').first().waitFor();
    expect(await page.locator('.turn.you').last().textContent()).toMatch(/touch “Pause” on the screen/);
    expect(await page.locator('.turn.you .meta').last().textContent()).toMatch(
      /Alexa\.Presentation\.APL\.UserEvent · \["intent","AMAZON\.PauseIntent"\]/,
    );
    const paused = await turn(2).textContent();
    expect(paused).toMatch(/^Paused, with \d+ seconds left on a warm-up/);
    const left = secondsIn(paused);
    expect(await turn(1).textContent()).toMatch(/\(interrupted\)/);
    expect(await ring.locator('.label').textContent()).toMatch(/^stopped with \d+ s left$/);
    // The paused screen: "Paused", the bar standing at what is left, and Resume in place of Pause.
    await page.waitForSelector('#display button.apl-button:text("Resume")');
    expect(await display.locator('.lines').textContent()).toMatch(/Step 1 of 6.*Paused/);
    expect(await buttons.allTextContents()).toEqual(['Resume', 'Next']);
    const standing = await fraction();
    expect(Math.abs(standing * 30 - left)).toBeLessThanOrEqual(1);
    await skipAhead(10_000);
    expect(await fraction()).toBe(standing);

    // Touch Resume: back into the warm-up with what was left, and the bar empties again from there.
    await buttons.first().click();
    await turn(3).locator('.cue').first().waitFor();
    expect(await turn(3).textContent()).toMatch(/^Back to/);
    const resumed = turn(3).locator('.hold').first();
    await resumed.waitFor({ timeout: 15_000 });
    // The whole of what was left, which the skill said to the second.
    const resumedMs = Number(await resumed.getAttribute('data-duration-ms'));
    expect(Math.abs(resumedMs - left * 1000)).toBeLessThan(1000);
    await page.waitForTimeout(1500);
    expect(await fraction()).toBeLessThan(standing);
    expect(await buttons.allTextContents()).toEqual(['Pause', 'Next']);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  }, 90_000);
});
