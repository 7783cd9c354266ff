/**
 * Renders every point's SVG in Debian's headless Chromium and checks, pixel by pixel, that the marker
 * is drawn where the data puts it (and the body around it), then saves screenshots to .artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { points } from '../../lambda/src/core/catalogue';
import { COLOURS, drawPoints } from '../../lambda/src/display/diagram';
import { pointSvg } from '../../lambda/src/display/svg';
import { launchChromium, pngPixels } from '../../scripts/chromium';

const ARTIFACTS = path.join(__dirname, '../../.artifacts/diagrams');
const SCALE = 2; // rendered at twice the view's size: 480 × 800 CSS pixels

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 240 * SCALE, height: 400 * SCALE } });
});

afterAll(async () => {
  await browser?.close();
});

function hex(colour: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
}

/** Pixels of a screenshot of the test page. */
const pixels = (png: Buffer, at: Array<{ x: number; y: number }>) => pngPixels(page, png, at);

const close = (actual: number[], expected: [number, number, number]) =>
  actual.every((v, i) => Math.abs(v - expected[i]) <= 12);

describe('SVG diagrams in headless Chromium', () => {
  it.each(points.map((p) => p.code))('%s: the marker is visible at its coordinates', async (code) => {
    const svg = pointSvg(code, { width: 240 * SCALE })!;
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const png = await page.screenshot({ path: path.join(ARTIFACTS, `${code.replace(/\s+/g, '-')}.png`) });
    const drawing = drawPoints([code])!;
    const marks = drawing.marks.map((m) => ({ x: m.x * SCALE, y: m.y * SCALE }));
    // Each mark's centre is the marker colour; a point well outside the body is the background.
    const [corner, ...atMarks] = await pixels(png, [{ x: 4, y: 4 }, ...marks]);
    expect(close(corner, hex(COLOURS.background))).toBe(true);
    for (const colour of atMarks)
      expect({ code, colour, isMarker: close(colour, hex(COLOURS.mark)) }).toMatchObject({ isMarker: true });
  });

  it('draws the body itself: a spot on the torso is body-coloured, not marker or background', async () => {
    const svg = pointSvg('BL 23', { width: 240 * SCALE })!;
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const png = await page.screenshot();
    const [torso] = await pixels(png, [{ x: 100 * SCALE, y: 150 * SCALE }]);
    expect(close(torso, hex(COLOURS.body))).toBe(true);
  });
});
