import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (installed by scripts/system-deps.sh); never a browser downloaded by a tool. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium for the browser tests and the README screenshots. Without the
 * background-networking flags it keeps trying to reach Google's hosts, which this closed network
 * refuses.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (npm test does)`);
  return chromium.launch({
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
}

/** RGB of pixels of a PNG, read with the browser's own decoder (a canvas), so no PNG library is needed. */
export async function pngPixels(
  page: Page,
  png: Buffer,
  at: Array<{ x: number; y: number }>,
): Promise<number[][]> {
  return page.evaluate(
    async ({ data, spots }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return spots.map((s) =>
        Array.from(context.getImageData(Math.round(s.x), Math.round(s.y), 1, 1).data.slice(0, 3)),
      );
    },
    { data: png.toString('base64'), spots: at },
  );
}
