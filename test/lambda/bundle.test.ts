import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BUILD } from '../../scripts/build-output';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { intentRequest, launchRequest } from '../../simulator/envelope';
import { toTurn } from '../support/conversation';
import { model, modelFor } from '../support/model';
import { lazyLanguages } from '../../scripts/generate-content-index';

const bundle = BUILD.lambda;
const ROOT = path.join(__dirname, '../..');
/** A language's own file beside index.js: its catalogue content and i18next resources. */
const languageChunk = (language: string): string => path.join(BUILD.lambdaDir, `language-${language}.js`);
/** A source file that holds one language's words, or undefined for code and English. */
function languageOfInput(file: string): string | undefined {
  const match =
    /^data\/(?:text|phrasings)\/([a-z]{2,3})\//.exec(file) ??
    /^lambda\/src\/i18n\/([a-z]{2,3})(?:-[A-Z]{2})?\//.exec(file) ??
    /^lambda\/src\/(?:generated\/language|i18n\/resources)-([a-z]{2,3})[.]/.exec(file);
  return match && match[1] !== 'en' ? match[1] : undefined;
}

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
    ...lazyLanguages().map((l): [string, string] => [`language-${l}.js`, languageChunk(l)]),
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

  it('English is in index.js; every other language is a file of its own, with only its own words', () => {
    const languages = lazyLanguages();
    expect(languages).toEqual(expect.arrayContaining(['de', 'es', 'fr']));
    expect(inputsOf(BUILD.lambda)).toContain('lambda/src/i18n/en/common.json');
    // No file but a language's own carries any of its words: not index.js, not the other chunks.
    for (const output of [
      BUILD.lambda,
      BUILD.storage,
      BUILD.screens,
      path.join(BUILD.lambdaDir, 'i18next.js'),
    ])
      expect(inputsOf(output).filter((file) => languageOfInput(file) !== undefined)).toEqual([]);
    for (const language of languages) {
      const inputs = inputsOf(languageChunk(language));
      // Its i18n base and its markets' care words, and (where it has any) its catalogue overlays.
      expect(inputs).toContain(`lambda/src/i18n/${language}/common.json`);
      expect(inputs).toContain(`data/text/${language}/points.json`);
      expect(inputs.filter((file) => /^data\/phrasings\//.test(file)).length).toBeGreaterThan(0);
      const others = inputs.filter((file) => {
        const of = languageOfInput(file);
        return of !== undefined && of !== language;
      });
      expect(others).toEqual([]);
      // English stays in index.js only: the chunk neither repeats it nor the skill's code.
      expect(inputs.filter((file) => /\/en(-[A-Z]{2})?\/|^data\/[\w-]+\.json$/.test(file))).toEqual([]);
    }
  });
});

describe('the Lambda bundle loads its other files only when a request needs them', () => {
  const run = promisify(execFile);
  /** A fresh Node process: the bundle, one request, and which of the files beside it were loaded (each once). */
  async function loadedFor(request: RequestEnvelope): Promise<{ speech: string; loaded: string[] }> {
    const script = `const Module = require('node:module'); const loaded = [];
      const original = Module.prototype.require;
      Module.prototype.require = function (id) { if (/^[.][/][\\w-]+[.]js$/.test(id) && !loaded.includes(id)) loaded.push(id); return original.apply(this, arguments); };
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

  it('a German speaker: "wo ist b l dreiundzwanzig" loads language-de.js and nothing else', async () => {
    const { speech, loaded } = await loadedFor(
      intentRequest(
        modelFor('de-DE'),
        'FindPointIntent',
        { point: 'b l dreiundzwanzig' },
        { locale: 'de-DE' },
      ),
    );
    expect(speech).toMatch(/B L 23/);
    expect(speech).not.toMatch(/Sea of Vitality/);
    expect(loaded).toEqual(['./language-de.js']);
  });

  it.each([
    ['es-ES', 'language-es.js'],
    ['fr-FR', 'language-fr.js'],
  ])('a %s launch loads its own language file only', async (locale, file) => {
    const { speech, loaded } = await loadedFor(launchRequest({ locale }));
    expect(speech).not.toMatch(/^Welcome to Pressure Point Guide/);
    expect(loaded).toEqual([`./${file}`]);
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
