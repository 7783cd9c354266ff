/**
 * Writes docs/diagrams/<code>.svg for every point in the catalogue: the same drawing the skill shows
 * on screens, for the README. Generated from data/diagrams.json; never edited by hand.
 *
 *   tsx scripts/generate-diagrams.ts          write the images
 *   tsx scripts/generate-diagrams.ts --check  exit 1 if a committed image differs or is missing
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { points } from '../lambda/src/core/catalogue';
import { pointSvg } from '../lambda/src/display/svg';

export const ROOT = path.resolve(__dirname, '..');
export const DIAGRAM_DIR = path.join(ROOT, 'docs', 'diagrams');

/** The file name for a point's diagram: "BL 23" → "bl-23.svg". */
export function diagramFile(code: string): string {
  return `${code.toLowerCase().replace(/\s+/g, '-')}.svg`;
}

/** Every diagram image, by file name. */
export function generateDiagrams(): Map<string, string> {
  const files = new Map<string, string>();
  for (const point of points) {
    const svg = pointSvg(point.code, { width: 240 });
    if (!svg) throw new Error(`${point.code} has no diagram in data/diagrams.json`);
    files.set(diagramFile(point.code), svg);
  }
  return files;
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const files = generateDiagrams();
  let stale = false;
  if (!check) mkdirSync(DIAGRAM_DIR, { recursive: true });
  for (const [name, svg] of files) {
    const file = path.join(DIAGRAM_DIR, name);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== svg) {
        stale = true;
        console.error(`${path.relative(ROOT, file)} is out of date: run npm run generate:diagrams`);
      }
    } else {
      writeFileSync(file, svg);
    }
  }
  const extra = existsSync(DIAGRAM_DIR) ? readdirSync(DIAGRAM_DIR).filter((f) => !files.has(f)) : [];
  for (const name of extra) {
    stale = true;
    console.error(`docs/diagrams/${name} is not a point's diagram: delete it`);
  }
  if (stale) process.exit(1);
  if (!check) console.log(`wrote ${files.size} diagrams to docs/diagrams/`);
}
