/**
 * The yardstick for the hosting benchmark: a minimal hello-world skill on ask-sdk-core, as in the
 * official template (launch, HelloWorldIntent, help, stop, session end, an error handler), bundled
 * with the same esbuild options as the real Lambda, and served through the same express app.
 */
import path from 'node:path';
import { buildAtomically, LAMBDA_BUNDLE_OPTIONS } from '../build';

const ROOT = path.resolve(__dirname, '../..');

export const HELLO_SKILL_SOURCE = `
import * as Alexa from 'ask-sdk-core';

const LaunchRequestHandler = {
  canHandle: (h) => Alexa.getRequestType(h.requestEnvelope) === 'LaunchRequest',
  handle: (h) => h.responseBuilder.speak('Welcome, you can say Hello or Help. Which would you like to try?')
    .reprompt('Which would you like to try?').getResponse(),
};
const HelloWorldIntentHandler = {
  canHandle: (h) => Alexa.getRequestType(h.requestEnvelope) === 'IntentRequest'
    && Alexa.getIntentName(h.requestEnvelope) === 'HelloWorldIntent',
  handle: (h) => h.responseBuilder.speak('Hello World!').getResponse(),
};
const HelpIntentHandler = {
  canHandle: (h) => Alexa.getRequestType(h.requestEnvelope) === 'IntentRequest'
    && Alexa.getIntentName(h.requestEnvelope) === 'AMAZON.HelpIntent',
  handle: (h) => h.responseBuilder.speak('You can say hello to me! How can I help?').reprompt('How can I help?').getResponse(),
};
const CancelAndStopIntentHandler = {
  canHandle: (h) => Alexa.getRequestType(h.requestEnvelope) === 'IntentRequest'
    && ['AMAZON.CancelIntent', 'AMAZON.StopIntent'].includes(Alexa.getIntentName(h.requestEnvelope)),
  handle: (h) => h.responseBuilder.speak('Goodbye!').getResponse(),
};
const SessionEndedRequestHandler = {
  canHandle: (h) => Alexa.getRequestType(h.requestEnvelope) === 'SessionEndedRequest',
  handle: (h) => h.responseBuilder.getResponse(),
};
const ErrorHandler = {
  canHandle: () => true,
  handle: (h) => h.responseBuilder.speak('Sorry, I had trouble doing what you asked. Please try again.').getResponse(),
};

export const skill = Alexa.SkillBuilders.custom()
  .addRequestHandlers(LaunchRequestHandler, HelloWorldIntentHandler, HelpIntentHandler,
    CancelAndStopIntentHandler, SessionEndedRequestHandler)
  .addErrorHandlers(ErrorHandler)
  .create();
export const handler = (event, context) => skill.invoke(event, context);
`;

/** A server entry for either skill: the same express app, verification off, on loopback. */
function serverSource(skillImport: string): string {
  return `
import { createApp } from './server/app';
${skillImport}
const server = createApp({ skill, verifyRequests: false }).listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n');
});
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
`;
}

export interface BenchBundles {
  helloLambda: string;
  helloServer: string;
  skillServer: string;
  /**
   * The same hello world as plain CommonJS requiring ask-sdk-core from node_modules, the way the
   * official samples deploy it (a zip with node_modules, no bundler).
   */
  helloUnbundled: string;
}

/** Builds the hello-world Lambda and both bench servers under .artifacts/bench/. */
export async function buildBenchBundles(): Promise<BenchBundles> {
  const out = path.join(ROOT, '.artifacts/bench');
  const bundles: BenchBundles = {
    helloLambda: path.join(out, 'hello/index.js'),
    helloServer: path.join(out, 'hello-server.js'),
    skillServer: path.join(out, 'skill-server.js'),
    helloUnbundled: path.join(out, 'hello-unbundled/index.js'),
  };
  const stdin = (contents: string) => ({
    contents,
    resolveDir: ROOT,
    loader: 'ts' as const,
    sourcefile: 'bench.ts',
  });
  await buildAtomically({
    ...LAMBDA_BUNDLE_OPTIONS,
    stdin: stdin(HELLO_SKILL_SOURCE),
    outfile: bundles.helloLambda,
  });
  await buildAtomically({
    ...LAMBDA_BUNDLE_OPTIONS,
    sourcemap: false,
    stdin: stdin(`${HELLO_SKILL_SOURCE}\n${serverSource('')}`),
    outfile: bundles.helloServer,
  });
  await buildAtomically({
    ...LAMBDA_BUNDLE_OPTIONS,
    sourcemap: false,
    stdin: stdin(
      serverSource(`import { buildSkill } from './lambda/src/skill';\nconst skill = buildSkill();`),
    ),
    outfile: bundles.skillServer,
  });
  // Not bundled: the output keeps require('ask-sdk-core'), resolved from the repository's node_modules.
  await buildAtomically({
    stdin: stdin(HELLO_SKILL_SOURCE),
    outfile: bundles.helloUnbundled,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return bundles;
}
