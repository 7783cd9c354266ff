/**
 * `npm run build`: validates data/, then bundles with
 * esbuild: lambda/dist/index.js (the Lambda, `dist/index.handler`) and dist/server.js (npm start).
 */
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
    // Prefer packages' ES module builds (the AWS SDK v3 ships both): esbuild can drop what the
    // skill does not use, about a fifth of the bundle.
    mainFields: ['module', 'main'],
  });
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'lambda/src/server/main.ts')],
    outfile: path.join(ROOT, 'dist/server.js'),
  });
  console.log('built lambda/dist/index.js and dist/server.js');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
