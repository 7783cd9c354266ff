/**
 * The simulator page in a real browser: Debian's chromium driven by playwright-core, against the
 * real server on 127.0.0.1. Screenshots go to .artifacts/ (ignored by git).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Skill } from 'ask-sdk-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import { createApp } from '../../lambda/src/server/app';
import { simulatorRouter } from '../../lambda/src/server/simulator';
import type { VisualRenderer } from '../../lambda/src/simulator/visual';
import { buildSkill } from '../../lambda/src/skill';
import { holdSkill } from '../support/hold-turn';

const root = path.join(__dirname, '../..');
const assetsDir = path.join(root, 'dist/public');
const artifacts = path.join(root, '.artifacts');
const CHROMIUM = '/usr/bin/chromium';

const servers: Server[] = [];
let browser: Browser;

async function serve(skill: Skill, renderVisual?: VisualRenderer): Promise<string> {
  const router = simulatorRouter({
    skill,
    persistenceAdapter: new MemoryPersistenceAdapter(),
    assetsDir,
    renderVisual,
  });
  const app = createApp({ skill, verifyRequests: true, simulator: router });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      servers.push(server);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    });
  });
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('the simulator page in chromium', () => {
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
});
