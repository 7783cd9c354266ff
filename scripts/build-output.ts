/**
 * Where `npm run build` writes, in one folder (`dist/`, not committed): the Lambda and its
 * storage chunk in `dist/lambda/` (exactly what is zipped and deployed), the local server and the
 * simulator page beside it. Scripts and tests take the paths from here.
 */
import path from 'node:path';
import { lazyLanguages } from './generate-content-index';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

export const BUILD = {
  root: DIST,
  /** The Lambda folder: its files are what the deploy zip holds (handler `index.handler`). */
  lambdaDir: path.join(DIST, 'lambda'),
  lambda: path.join(DIST, 'lambda/index.js'),
  /** The DynamoDB store and the AWS SDK, loaded only when DYNAMODB_TABLE is set. */
  storage: path.join(DIST, 'lambda/dynamodb.js'),
  /** The APL documents and diagrams, loaded on a screen device's first screen. */
  screens: path.join(DIST, 'lambda/screens.js'),
  /** esbuild's metafile for both Lambda files: which source files went into each, and their bytes. */
  lambdaMeta: path.join(DIST, 'lambda-meta.json'),
  /** `npm start`: the express server with the simulator. */
  server: path.join(DIST, 'server.js'),
  /** The simulator's web page, served by dist/server.js from next to itself. */
  public: path.join(DIST, 'public'),
} as const;

/** The files the skill requires on first use, beside index.js (see scripts/build.ts). */
export const LAMBDA_CHUNK_FILES: readonly string[] = [
  'dynamodb.js',
  'screens.js',
  'i18next.js',
  // One per language but English: its catalogue content and i18next resources.
  ...lazyLanguages().map((language) => `language-${language}.js`),
];

/** The files of the Lambda zip, relative to `BUILD.lambdaDir`. */
export const LAMBDA_FILES = ['index.js', ...LAMBDA_CHUNK_FILES].flatMap((f) => [f, `${f}.map`]);
