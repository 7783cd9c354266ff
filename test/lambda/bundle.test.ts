import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

  it('the skill file does not carry the DynamoDB store or the AWS SDK (they are the chunk)', () => {
    const inputs = inputsOf(BUILD.lambda);
    expect(inputs.filter((file) => /@aws-sdk|persistence\/dynamodb/.test(file))).toEqual([]);
    expect(inputsOf(BUILD.storage).some((file) => file.includes('@aws-sdk/client-dynamodb'))).toBe(true);
  });
});
