/**
 * `npm run build`: validates data/, then bundles with esbuild into one folder, dist/
 * (scripts/build-output.ts): dist/lambda/index.js (the Lambda, `index.handler`) and
 * dist/lambda/dynamodb.js (its storage chunk), dist/server.js (npm start), and the web simulator's
 * page in dist/public (served by dist/server.js from next to itself). esbuild's metafile for the
 * Lambda goes to dist/lambda-meta.json: a test checks that no server, simulator or test code is in
 * the Lambda, and the bench prints its size per input.
 */
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { BUILD, LAMBDA_CHUNK_FILES } from './build-output';
import { loadDataSet, validateDataSet } from './validate-data';

const ROOT = path.resolve(__dirname, '..');

/** How the Lambda is bundled (the benchmark bundles its hello-world skill the same way). */
export const LAMBDA_BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  minify: true,
  keepNames: true,
  // Prefer packages' ES module builds (the AWS SDK v3 ships both): esbuild can drop what the
  // skill does not use, about a fifth of the bundle.
  mainFields: ['module', 'main'],
};

/**
 * Bundles, then writes each output file to a temporary name and renames it into place, so a
 * process loading the bundle (a test, a running server) never sees a half-written file.
 */
export async function buildAtomically(options: BuildOptions): Promise<Metafile | undefined> {
  const result = await build({ ...options, write: false });
  for (const file of result.outputFiles ?? []) writeAtomically(file.path, file.contents);
  return result.metafile;
}

function writeAtomically(file: string, contents: Uint8Array | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

/**
 * Code a request may never need goes in files of its own beside index.js, each required by the
 * skill on first use, so a cold start neither loads nor compiles it:
 * - dynamodb.js: the DynamoDB store and the AWS SDK inside it (about 400 KB, more than half the
 *   Lambda), required by `persistence/from-environment.ts` only when DYNAMODB_TABLE is set. A
 *   request that needs no storage (a one-shot "where is BL 23") never compiles it. The SDK stays
 *   bundled (a pinned, tested version in one minified file) rather than taken from the runtime.
 * - screens.js: the APL documents, diagrams and the interaction model the screen buttons are checked
 *   against (`display/documents.ts`): only a screen device needs them.
 * - i18next.js: i18next itself, which the compiled translator in `i18n/index.ts` needs only for a
 *   missing key or a template it leaves to i18next; no request normally does.
 */
export const LAZY_CHUNKS = [
  {
    importer: path.join('persistence', 'from-environment.ts'),
    specifier: './dynamodb',
    file: 'dynamodb.js',
    entry: path.join(ROOT, 'lambda/src/persistence/dynamodb.ts'),
  },
  {
    importer: path.join('handlers', 'screen.ts'),
    specifier: '../display/documents',
    file: 'screens.js',
    entry: path.join(ROOT, 'lambda/src/display/documents.ts'),
  },
  {
    importer: path.join('handlers', 'screen-events.ts'),
    specifier: '../display/documents',
    file: 'screens.js',
    entry: path.join(ROOT, 'lambda/src/display/documents.ts'),
  },
  {
    importer: path.join('i18n', 'index.ts'),
    specifier: 'i18next',
    file: 'i18next.js',
    entry: 'i18next',
  },
] as const;

/** Resolves each lazy chunk's `require` in the skill to the chunk's file beside index.js. */
const lazyChunks: Plugin = {
  name: 'lazy-chunks',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(\.\/dynamodb|\.\.\/display\/documents|i18next)$/ }, (args) => {
      const chunk = LAZY_CHUNKS.find((c) => c.specifier === args.path && args.importer.endsWith(c.importer));
      return chunk ? { path: `./${chunk.file}`, external: true } : undefined;
    });
  },
};

async function main(): Promise<void> {
  const problems = validateDataSet(loadDataSet());
  if (problems.length > 0) {
    console.error(`data/ is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const lambda = await buildAtomically({
    ...LAMBDA_BUNDLE_OPTIONS,
    metafile: true,
    entryPoints: [path.join(ROOT, 'lambda/src/index.ts')],
    outfile: BUILD.lambda,
    plugins: [lazyChunks],
  });
  const meta: Metafile = { inputs: { ...lambda?.inputs }, outputs: { ...lambda?.outputs } };
  for (const [file, entry] of new Map(LAZY_CHUNKS.map((c) => [c.file, c.entry]))) {
    const chunk = await buildAtomically({
      ...LAMBDA_BUNDLE_OPTIONS,
      metafile: true,
      entryPoints: [entry],
      outfile: path.join(BUILD.lambdaDir, file),
      plugins: [lazyChunks],
    });
    Object.assign(meta.inputs, chunk?.inputs);
    Object.assign(meta.outputs, chunk?.outputs);
  }
  writeAtomically(BUILD.lambdaMeta, JSON.stringify(meta));
  await buildAtomically({
    bundle: true,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    entryPoints: [path.join(ROOT, 'server/main.ts')],
    outfile: BUILD.server,
  });
  await buildSimulatorPage();
  console.log(
    `built dist/lambda/index.js (+ ${LAMBDA_CHUNK_FILES.join(', ')}), dist/server.js and dist/public (simulator page)`,
  );
}

/** The simulator page: its TypeScript bundled for browsers, its HTML and CSS copied as they are. */
async function buildSimulatorPage(): Promise<void> {
  const page = path.join(ROOT, 'simulator/page');
  const out = BUILD.public;
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

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
