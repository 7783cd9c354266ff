/**
 * The progress chart in the web simulator, in Debian's chromium (playwright-core) against the real
 * server on 127.0.0.1: "show my progress" on the screen device draws the chart the skill's APL
 * document carries, and every day's before and after marks are drawn, in their colours, where the
 * stored scores put them on the 0–10 axis. Screenshots go to .artifacts/ (ignored by git).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Browser, Page } from 'playwright-core';
import { addDays, chartDays, daysBetween } from '../../lambda/src/core/progress/chart-days';
import type { ScoreEntry } from '../../lambda/src/core/progress/types';
import { CHART_COLOURS, drawChart } from '../../lambda/src/display/chart-drawing';
import { directiveSvg } from '../../lambda/src/display/svg';
import { MemoryPersistenceAdapter } from '../../lambda/src/persistence/memory';
import type { StoredRecord } from '../../lambda/src/persistence/types';
import { createApp } from '../../server/app';
import { simulatorRouter } from '../../server/simulator';
import { buildSkill } from '../../lambda/src/skill';
import { launchChromium, pngPixels } from '../../scripts/chromium';
import { BUILD } from '../../scripts/build-output';

const artifacts = path.join(__dirname, '../../.artifacts');
const TODAY = '2026-11-25';
const NOW = Date.parse(`${TODAY}T18:00:00Z`);
const SCALE = 2; // device pixels per CSS pixel, so each mark covers several pixels

/** Three weeks of evening check-ins with a few days missed; before 5–8 and after 1–4 never meet. */
const ENTRIES: ScoreEntry[] = Array.from({ length: 24 }, (_, i) => i)
  .filter((i) => i % 5 !== 2)
  .map((i) => ({
    date: addDays(TODAY, -i),
    routine: i % 2 ? 'evening' : 'quick',
    before: 5 + (i % 4),
    after: 1 + ((i + 1) % 4),
  }));

/** A store in which every user already has the check-ins above (the simulator's user id is random). */
class StoreWithScores extends MemoryPersistenceAdapter {
  override async read(envelope: RequestEnvelope): Promise<StoredRecord> {
    const stored = await super.read(envelope);
    return stored.version === 0
      ? { record: { progress: { v: 1, consent: 'yes', scores: ENTRIES } }, version: 0 }
      : stored;
  }
}

let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  if (!existsSync(path.join(BUILD.public, 'simulator.js')))
    throw new Error('dist/public is missing: run npm run build (npm test does)');
  mkdirSync(artifacts, { recursive: true });
  const store = new StoreWithScores();
  const skill = buildSkill({ persistenceAdapter: store });
  const router = simulatorRouter({
    skill,
    persistenceAdapter: store,
    assetsDir: BUILD.public,
    renderVisual: (directive, page) => directiveSvg(directive, { page }),
    clock: () => NOW,
  });
  const app = createApp({ skill, verifyRequests: true, simulator: router });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const close = (actual: number[], colour: string) =>
  actual.every((v, i) => Math.abs(v - parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16)) <= 12);

async function showChart(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: SCALE });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#device-screen');
  await page.waitForSelector('body[data-device="screen"]');
  await page.fill('#say', 'show my progress');
  await page.press('#say', 'Enter');
  await page.locator('#display img.diagram').waitFor();
  await page.locator('#display img.diagram').evaluate((img: HTMLImageElement) => img.decode());
  return page;
}

describe('the progress chart in the simulator, in chromium', () => {
  it('draws every day’s before and after mark where the stored scores put it', async () => {
    const page = await showChart();
    try {
      expect(await page.textContent('#display .lines')).toMatch(
        /Your last 28 days.*Before: [\d.]+ on average/,
      );
      expect(await page.locator('.turn.skill').last().textContent()).toMatch(/you practised on 19 days/);
      const image = page.locator('#display img.diagram');
      const box = (await image.boundingBox())!;
      const png = await page.screenshot({ path: path.join(artifacts, 'progress-chart.png') });

      // Where the data puts each mark, worked out here from the scores: the day's column on the
      // 28-day axis, the score's height on the 0–10 axis, in the plot area of the drawing.
      const days = chartDays(ENTRIES, TODAY);
      expect(days).toHaveLength(19);
      const { width, height, plot } = drawChart({
        days: [],
        today: TODAY,
        window: 28,
        labels: { before: '', after: '', ticks: [] },
      });
      // The image keeps the drawing's proportions (object-fit: contain), centred in its box.
      const scale = Math.min(box.width / width, box.height / height);
      const offsetX = box.x + (box.width - width * scale) / 2;
      const offsetY = box.y + (box.height - height * scale) / 2;
      const expected = days.flatMap((day) => {
        const column = 27 - daysBetween(day.date, TODAY)!;
        const x = plot.left + ((column + 0.5) * plot.width) / 28;
        return (['before', 'after'] as const).map((series) => ({
          series,
          date: day.date,
          x: (offsetX + x * scale) * SCALE,
          y: (offsetY + (plot.top + plot.height * (1 - day[series]! / 10)) * scale) * SCALE,
        }));
      });
      expect(expected).toHaveLength(38);
      const colours = await pngPixels(page, png, expected);
      const found = expected.map((mark, i) => ({
        date: mark.date,
        series: mark.series,
        drawn: close(colours[i], CHART_COLOURS[mark.series]),
      }));
      expect(found).toEqual(expected.map((m) => ({ date: m.date, series: m.series, drawn: true })));

      // A missed day's column has no mark: at 5 (a before value) and 2 (an after value), background.
      const missed = 27 - 2;
      const gapX = (offsetX + (plot.left + ((missed + 0.5) * plot.width) / 28) * scale) * SCALE;
      const gap = await pngPixels(
        page,
        png,
        [5.5, 2.5].map((v) => ({
          x: gapX,
          y: (offsetY + (plot.top + plot.height * (1 - v / 10)) * scale) * SCALE,
        })),
      );
      for (const colour of gap) expect(close(colour, CHART_COLOURS.background)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
