import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { intentRequest, launchRequest } from '../../simulator/envelope';
import { toTurn } from '../support/conversation';
import { model } from '../support/model';

const bundle = path.join(__dirname, '../../lambda/dist/index.js');

describe('the built Lambda bundle (npm run build)', () => {
  type Handler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;
  let handler: Handler;
  beforeAll(() => {
    if (!existsSync(bundle))
      throw new Error('lambda/dist/index.js is missing: run npm run build (npm test does)');
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
