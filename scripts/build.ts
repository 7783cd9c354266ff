/**
 * `npm run build`: validates data/, then bundles with
 * esbuild: lambda/dist/index.js (the Lambda, `dist/index.handler`) and dist/server.js (npm start),
 * and the web simulator's page into dist/public (served by dist/server.js from next to itself).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { loadDataSet, validateDataSet } from './validate-data';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const problems = validateDataSet(loadDataSet());
  if (problems.length > 0) {
    console.error(`data/ is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    sourcemap: true,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'lambda/src/index.ts')],
    outfile: path.join(ROOT, 'lambda/dist/index.js'),
    minify: true,
    keepNames: true,
  });
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'lambda/src/server/main.ts')],
    outfile: path.join(ROOT, 'dist/server.js'),
  });
  await buildSimulatorPage();
  console.log('built lambda/dist/index.js, dist/server.js and dist/public (simulator page)');
}

/** The simulator page: its TypeScript bundled for browsers, its HTML and CSS copied as they are. */
async function buildSimulatorPage(): Promise<void> {
  const page = path.join(ROOT, 'lambda/src/simulator/page');
  const out = path.join(ROOT, 'dist/public');
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [path.join(page, 'client.ts')],
    outfile: path.join(out, 'simulator.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'simulator.css'])
    copyFileSync(path.join(page, file), path.join(out, file));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
