/**
 * `npm run bench`: runs every section in scripts/bench/*.bench.ts in order and prints each one's
 * figures as a table, then one JSON line with everything (for machines). Targets are printed next
 * to the figures; the bench never fails a build, it reports.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** A target as text, e.g. "< 1 ms", and whether the figure meets it. */
  target?: string;
  ok?: boolean;
}

export interface BenchSection {
  title: string;
  figures: Figure[];
}

export type BenchModule = { run: () => Promise<BenchSection> };

function format(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function printSection(section: BenchSection): void {
  const rows = section.figures.map((f) => [
    f.name,
    `${format(f.value)} ${f.unit}`,
    f.target ? `${f.target} ${f.ok === undefined ? '' : f.ok ? 'ok' : 'MISSED'}` : '',
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
  console.log(`\n${section.title}`);
  for (const row of rows) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only || f.includes(only))
    .sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as BenchModule;
    const section = await mod.run();
    printSection(section);
    sections.push(section);
  }
  console.log(`\n${JSON.stringify({ bench: sections })}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
