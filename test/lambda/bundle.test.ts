import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BUILD } from '../../scripts/build-output';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { intentRequest, launchRequest } from '../../simulator/envelope';
import { toTurn } from '../support/conversation';
import { model } from '../support/model';

const bundle = BUILD.lambda;
const ROOT = path.join(__dirname, '../..');

describe('the built Lambda bundle (npm run build)', () => {
  type Handler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;
  let handler: Handler;
  beforeAll(() => {
    if (!existsSync(bundle))
      throw new Error('dist/lambda/index.js is missing: run npm run build (npm test does)');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = (require(bundle) as { handler: Handler }).handler;
  });

  it('exports handler and answers a launch', async () => {
    expect(toTurn(await handler(launchRequest())).speech).toMatch(/^Welcome to Pressure Point Guide/);
  });

  it('answers "where is b l twenty three" from the bundle', async () => {
    const turn = toTurn(
      await handler(intentRequest(model, 'FindPointIntent', { point: 'b l twenty three' })),
    );
    expect(turn.speech).toMatch(/^Sea of Vitality, B L 23/);
  });
});

describe("what the Lambda bundle is made of (esbuild's metafile)", () => {
  type Meta = {
    inputs: Record<string, { bytes: number }>;
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  let meta: Meta;
  beforeAll(() => {
    if (!existsSync(BUILD.lambdaMeta))
      throw new Error('dist/lambda-meta.json is missing: run npm run build (npm test does)');
    meta = JSON.parse(readFileSync(BUILD.lambdaMeta, 'utf8')) as Meta;
  });

  /** Every source file in one of the Lambda's files, as a path from the project root. */
  const inputsOf = (output: string): string[] => {
    const entry = Object.entries(meta.outputs).find(([file]) => path.resolve(file) === output);
    if (!entry) throw new Error(`${output} is not in the metafile`);
    return Object.keys(entry[1].inputs).map((file) => path.relative(ROOT, path.resolve(file)));
  };

  it.each([
    ['index.js', BUILD.lambda],
    ['dynamodb.js', BUILD.storage],
    ['screens.js', BUILD.screens],
    ['i18next.js', path.join(BUILD.lambdaDir, 'i18next.js')],
  ])(
    '%s holds only Lambda code and packages: no server, simulator, scripts or test code',
    (_name, output) => {
      const inputs = inputsOf(output);
      expect(inputs.length).toBeGreaterThan(0);
      const foreign = inputs.filter((file) => /^(server|simulator|scripts|test)\//.test(file));
      expect(foreign).toEqual([]);
      // Own code comes only from lambda/src, the catalogue in data/ and the interaction model (the
      // screen buttons' check of intents and slot values).
      const own = inputs.filter((file) => !file.startsWith('node_modules/'));
      expect(
        own.filter((file) => !/^(lambda\/src|data|skill-package\/interactionModels)\//.test(file)),
      ).toEqual([]);
      // Nor does it carry the host's packages (express, the signature verifier) or test tooling.
      expect(
        inputs.filter((file) =>
          /node_modules\/(express|ask-sdk-express-adapter|playwright|jest|dynalite)\//.test(file),
        ),
      ).toEqual([]);
    },
  );

  it('a speaker request needs only index.js: the store, the screens and i18next are files of their own', () => {
    const inputs = inputsOf(BUILD.lambda);
    expect(inputs.filter((file) => /@aws-sdk|persistence\/dynamodb/.test(file))).toEqual([]);
    expect(
      inputs.filter((file) =>
        /lambda\/src\/display\/(apl|routine-document|diagram)\.ts|diagrams\.json|interactionModels/.test(
          file,
        ),
      ),
    ).toEqual([]);
    expect(inputs.filter((file) => /node_modules\/i18next\//.test(file))).toEqual([]);
    expect(inputsOf(BUILD.storage).some((file) => file.includes('@aws-sdk/client-dynamodb'))).toBe(true);
    expect(inputsOf(BUILD.screens)).toContain('data/diagrams.json');
  });
});

describe('the Lambda bundle loads its other files only when a request needs them', () => {
  const run = promisify(execFile);
  /** A fresh Node process: the bundle, one request, and which of the files beside it were loaded. */
  async function loadedFor(request: RequestEnvelope): Promise<{ speech: string; loaded: string[] }> {
    const script = `const Module = require('node:module'); const loaded = [];
      const original = Module.prototype.require;
      Module.prototype.require = function (id) { if (/^[.][/][\\w-]+[.]js$/.test(id)) loaded.push(id); return original.apply(this, arguments); };
      const { handler } = require(${JSON.stringify(BUILD.lambda)});
      handler(JSON.parse(process.argv[1])).then((r) => process.stdout.write(JSON.stringify({ r, loaded })));`;
    const { stdout } = await run(process.execPath, ['-e', script, JSON.stringify(request)], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' },
    });
    const { r, loaded } = JSON.parse(stdout) as { r: ResponseEnvelope; loaded: string[] };
    return { speech: toTurn(r).speech, loaded };
  }
  const whereIs = (screen: boolean) =>
    intentRequest(model, 'FindPointIntent', { point: 'b l twenty three' }, { device: { screen } });

  it('a speaker: "where is b l twenty three" loads nothing beyond index.js', async () => {
    const { speech, loaded } = await loadedFor(whereIs(false));
    expect(speech).toMatch(/^Sea of Vitality, B L 23/);
    expect(loaded).toEqual([]);
  });

  it('a speaker: "which point helps sciatica" loads nothing beyond index.js either', async () => {
    const { speech, loaded } = await loadedFor(
      intentRequest(model, 'PointsForNeedIntent', { need: 'sciatica' }),
    );
    expect(speech).toMatch(/Jumping Circle/);
    expect(loaded).toEqual([]);
  });

  it('i18next.js is i18next, for what the compiled translator leaves to it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const chunk = require(path.join(BUILD.lambdaDir, 'i18next.js')) as {
      default: { createInstance: unknown };
    };
    expect(typeof chunk.default.createInstance).toBe('function');
  });

  it('a screen device: the same question loads screens.js and shows the point', async () => {
    const { speech, loaded } = await loadedFor(whereIs(true));
    expect(speech).toMatch(/^Sea of Vitality, B L 23/);
    expect(loaded).toEqual(['./screens.js']);
  });
});
