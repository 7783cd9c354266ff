/**
 * Hosting figures for this skill next to a minimal hello-world skill on ask-sdk-core, measured in
 * the same run, both bundled the same way and, for the cold start, also the hello world unbundled
 * as the official samples deploy it (see hello-world.ts):
 *
 * - cold start: fresh `node` processes (median of 15 each, alternating) from spawn to the first
 *   IntentRequest's response; split into Node's own start-up and the skill's in-process share
 *   (module load + first response), which is what the skill controls;
 * - warm latency in process, p50 and p99 over 20,000 requests each: LaunchRequest, find a point,
 *   and a routine turn when the model has StartRoutineIntent (the routines feature);
 * - peak RSS of a process that loaded the bundle and answered 2,000 requests; bundle size;
 * - HTTP requests per second through POST /alexa on loopback, verification off (autocannon).
 *
 * Both skills run without a store, so the figures compare the skills, not a database.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { envelope, intentRequest, launchRequest } from '../../simulator/envelope';
import { buildBenchBundles } from './hello-world';
import { readModel } from '../generate-model';
import { BUILD, LAMBDA_CHUNK_FILES } from '../build-output';
import type { BenchSection, Figure } from './index';
import { percentile, timeEach } from './stats';

const SKILL_BUNDLE = BUILD.lambda;
/** The DynamoDB store with the AWS SDK, loaded by the skill only when DYNAMODB_TABLE is set. */
const STORAGE_CHUNK = BUILD.storage;
const COLD_RUNS = 15;
const WARM_REQUESTS = 20_000;
const HTTP_SECONDS = 4;
/**
 * The load generator shares the 2 cores with the server, so one run swings by ±40 %: the two
 * servers are measured in alternating rounds and each figure is the median of its rounds.
 */
const HTTP_ROUNDS = 5;

type Handler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

interface ColdRun {
  /** ms from spawn to the response, measured by this process */
  wall: number;
  /** ms from the child's time origin to its first line of code (Node's own start-up, in process) */
  boot: number;
  load: number;
  first: number;
  maxRssKb: number;
}

/** Runs in the fresh process: load the bundle, answer one request, then a few thousand for RSS. */
const COLD_DRIVER = `
const { performance } = require('node:perf_hooks');
const boot = performance.now();
const [bundle, firstJson, mixJson] = process.argv.slice(1);
const first = JSON.parse(firstJson), mix = JSON.parse(mixJson);
const t0 = performance.now();
const { handler } = require(bundle);
const t1 = performance.now();
handler(first).then(async (response) => {
  const t2 = performance.now();
  if (!response || !response.response) throw new Error('no response');
  process.stdout.write(JSON.stringify({ boot, load: t1 - t0, first: t2 - t1 }) + '\\n');
  for (let i = 0; i < 2000; i++) await handler(mix[i % mix.length]);
  process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }) + '\\n');
});
`;

function coldRun(
  bundle: string,
  first: RequestEnvelope,
  mix: RequestEnvelope[],
  env: NodeJS.ProcessEnv = {},
): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let wall = 0;
    const child = spawn(
      process.execPath,
      ['-e', COLD_DRIVER, bundle, JSON.stringify(first), JSON.stringify(mix)],
      {
        env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (wall === 0) wall = Number(process.hrtime.bigint() - started) / 1e6;
      text += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`cold-start driver exited with ${code}`));
      const [timing, memory] = text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Partial<ColdRun>);
      const { boot, load, first: firstMs } = timing as ColdRun;
      resolve({ wall, boot, load, first: firstMs, maxRssKb: Number(memory.maxRssKb) });
    });
  });
}

/** Module load only, in a fresh process (for the figure with DynamoDB selected). */
async function loadOnly(bundle: string, env: NodeJS.ProcessEnv): Promise<number> {
  const script = `const { performance } = require('node:perf_hooks'); const t0 = performance.now(); require(${JSON.stringify(bundle)}); process.stdout.write(String(performance.now() - t0));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve(Number(text)));
  });
}

const median = (values: number[]): number => percentile(values, 50);

interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

async function httpThroughput(serverBundle: string, body: RequestEnvelope): Promise<number> {
  const child = spawn(process.execPath, [serverBundle], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) =>
        resolve((JSON.parse(chunk.toString()) as { port: number }).port),
      );
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    const options = {
      url: `http://127.0.0.1:${port}/alexa`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      connections: 10,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up
    const result = await autocannon({ ...options, duration: HTTP_SECONDS });
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
      throw new Error(
        `HTTP bench saw failures: ${JSON.stringify({ non2xx: result.non2xx, errors: result.errors })}`,
      );
    return result.requests.average;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function ratioFigure(name: string, value: number, limit: number, direction: 'max' | 'min'): Figure {
  return {
    name,
    value,
    unit: '×',
    target: `${direction === 'max' ? '≤' : '≥'} ${limit}×`,
    ok: direction === 'max' ? value <= limit : value >= limit,
  };
}

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const intents = new Set(model.interactionModel.languageModel.intents.map((i) => i.name));
  const bundles = await buildBenchBundles();

  const skillLaunch = launchRequest();
  const skillFind = intentRequest(model, 'FindPointIntent', { point: 'b l twenty three' });
  const skillRoutine = intents.has('StartRoutineIntent')
    ? intentRequest(model, 'StartRoutineIntent', {})
    : undefined;
  const helloLaunch = launchRequest();
  const helloIntent = envelope({
    type: 'IntentRequest',
    intent: { name: 'HelloWorldIntent', confirmationStatus: 'NONE', slots: {} },
  });

  // Cold start, alternating the two skills so drift on the machine affects both alike.
  const skillCold: ColdRun[] = [];
  const helloCold: ColdRun[] = [];
  const helloUnbundledCold: ColdRun[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    skillCold.push(
      await coldRun(SKILL_BUNDLE, skillFind, [
        skillLaunch,
        skillFind,
        ...(skillRoutine ? [skillRoutine] : []),
      ]),
    );
    helloCold.push(await coldRun(bundles.helloLambda, helloIntent, [helloLaunch, helloIntent]));
    helloUnbundledCold.push(await coldRun(bundles.helloUnbundled, helloIntent, [helloLaunch, helloIntent]));
  }
  const share = (runs: ColdRun[]) => median(runs.map((r) => r.load + r.first));
  const loads = async (bundle: string, env: NodeJS.ProcessEnv): Promise<number> => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) times.push(await loadOnly(bundle, env));
    return median(times);
  };
  const quiet = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const dynamoLoad = await loads(SKILL_BUNDLE, {
    ...quiet,
    DYNAMODB_TABLE: 'bench',
    AWS_REGION: 'us-east-1',
  });
  const storageChunkLoad = await loads(STORAGE_CHUNK, quiet);

  // Warm, in this process, through the built bundles.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const skill = (require(SKILL_BUNDLE) as { handler: Handler }).handler;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hello = (require(bundles.helloLambda) as { handler: Handler }).handler;
  const warm = async (handler: Handler, request: RequestEnvelope) => {
    const times = await timeEach(WARM_REQUESTS, () => handler(request), 2000);
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  };
  const helloLaunchWarm = await warm(hello, helloLaunch);
  const helloIntentWarm = await warm(hello, helloIntent);
  const launchWarm = await warm(skill, skillLaunch);
  const findWarm = await warm(skill, skillFind);
  const routineWarm = skillRoutine ? await warm(skill, skillRoutine) : undefined;

  const skillRounds: number[] = [];
  const helloRounds: number[] = [];
  for (let i = 0; i < HTTP_ROUNDS; i++) {
    skillRounds.push(await httpThroughput(bundles.skillServer, skillFind));
    helloRounds.push(await httpThroughput(bundles.helloServer, helloIntent));
  }
  const skillRps = median(skillRounds);
  const helloRps = median(helloRounds);

  const skillBytes = statSync(SKILL_BUNDLE).size;
  const storageBytes = statSync(STORAGE_CHUNK).size;
  const chunkBytes = (file: string) => statSync(path.join(BUILD.lambdaDir, file)).size;
  const allBytes = skillBytes + LAMBDA_CHUNK_FILES.reduce((sum, f) => sum + chunkBytes(f), 0);
  const helloBytes = statSync(bundles.helloLambda).size;
  const worstP99 = Math.max(launchWarm.p99, findWarm.p99, routineWarm?.p99 ?? 0);

  const figures: Figure[] = [
    {
      name: `cold start to 1st IntentRequest response, skill (median of ${COLD_RUNS})`,
      value: median(skillCold.map((r) => r.wall)),
      unit: 'ms',
    },
    {
      name: 'cold start to 1st IntentRequest response, hello world',
      value: median(helloCold.map((r) => r.wall)),
      unit: 'ms',
    },
    {
      name: "  of which Node's own start-up, skill / hello world",
      value: median(skillCold.map((r) => r.wall - r.load - r.first)),
      unit: `ms / ${median(helloCold.map((r) => r.wall - r.load - r.first)).toFixed(0)} ms`,
    },
    { name: 'module load, skill', value: median(skillCold.map((r) => r.load)), unit: 'ms' },
    { name: 'module load, hello world', value: median(helloCold.map((r) => r.load)), unit: 'ms' },
    {
      name: 'module load, skill with DYNAMODB_TABLE (AWS SDK initialised, as on Lambda)',
      value: dynamoLoad,
      unit: 'ms',
    },
    {
      name: 'module load of dist/lambda/dynamodb.js alone (store + AWS SDK)',
      value: storageChunkLoad,
      unit: 'ms',
    },
    {
      name: 'first response after load, skill / hello world',
      value: median(skillCold.map((r) => r.first)),
      unit: `ms / ${median(helloCold.map((r) => r.first)).toFixed(2)} ms`,
    },
    { name: 'in-process share (load + 1st response), skill', value: share(skillCold), unit: 'ms' },
    { name: 'in-process share (load + 1st response), hello world', value: share(helloCold), unit: 'ms' },
    {
      name: 'in-process share, hello world unbundled (node_modules, as the samples deploy)',
      value: share(helloUnbundledCold),
      unit: 'ms',
    },
    ratioFigure(
      'in-process cold start, skill / hello world unbundled',
      share(skillCold) / share(helloUnbundledCold),
      1.2,
      'max',
    ),
    ratioFigure(
      'in-process cold start, skill / hello world bundled the same way',
      share(skillCold) / share(helloCold),
      2.5,
      'max',
    ),
    {
      name: `warm LaunchRequest p50 / p99, skill (${WARM_REQUESTS})`,
      value: launchWarm.p50,
      unit: `ms / ${launchWarm.p99.toFixed(3)} ms`,
    },
    {
      name: 'warm find a point p50 / p99, skill',
      value: findWarm.p50,
      unit: `ms / ${findWarm.p99.toFixed(3)} ms`,
    },
    ...(routineWarm
      ? [
          {
            name: 'warm routine turn (StartRoutineIntent) p50 / p99, skill',
            value: routineWarm.p50,
            unit: `ms / ${routineWarm.p99.toFixed(3)} ms`,
          },
        ]
      : []),
    {
      name: 'warm LaunchRequest p50 / p99, hello world',
      value: helloLaunchWarm.p50,
      unit: `ms / ${helloLaunchWarm.p99.toFixed(3)} ms`,
    },
    {
      name: 'warm HelloWorldIntent p50 / p99, hello world',
      value: helloIntentWarm.p50,
      unit: `ms / ${helloIntentWarm.p99.toFixed(3)} ms`,
    },
    ratioFigure(
      'warm p99, LaunchRequest, skill / hello world',
      launchWarm.p99 / helloLaunchWarm.p99,
      2,
      'max',
    ),
    ratioFigure(
      'warm p99, find a point / hello world HelloWorldIntent',
      findWarm.p99 / helloIntentWarm.p99,
      2,
      'max',
    ),
    {
      name: 'warm p99, slowest skill request / hello world intent',
      value: worstP99 / helloIntentWarm.p99,
      unit: '×',
    },
    {
      name: 'peak RSS after 2,000 requests, skill',
      value: Math.round(median(skillCold.map((r) => r.maxRssKb)) / 1024),
      unit: 'MB',
    },
    {
      name: 'peak RSS after 2,000 requests, hello world',
      value: Math.round(median(helloCold.map((r) => r.maxRssKb)) / 1024),
      unit: 'MB',
    },
    {
      name: 'Lambda bundle, skill (dist/lambda/index.js)',
      value: Math.round(skillBytes / 1024),
      unit: 'KB',
    },
    {
      name: 'Lambda bundle, storage chunk (dist/lambda/dynamodb.js)',
      value: Math.round(storageBytes / 1024),
      unit: 'KB',
    },
    ...LAMBDA_CHUNK_FILES.filter((f) => f !== 'dynamodb.js').map((f) => ({
      name: `Lambda bundle, loaded on first use (dist/lambda/${f})`,
      value: Math.round(chunkBytes(f) / 1024),
      unit: 'KB',
    })),
    {
      name: 'Lambda bundle, all files',
      value: Math.round(allBytes / 1024),
      unit: 'KB',
      target: '< 1536 KB',
      ok: allBytes < 1.5 * 1024 * 1024,
    },
    { name: 'Lambda bundle, hello world', value: Math.round(helloBytes / 1024), unit: 'KB' },
    ...bundleInputFigures(),
    {
      name: `HTTP POST /alexa, skill (find a point; median of ${HTTP_ROUNDS} rounds of ${HTTP_SECONDS} s, 10 connections)`,
      value: Math.round(skillRps),
      unit: 'req/s',
    },
    { name: 'HTTP POST /alexa, hello world', value: Math.round(helloRps), unit: 'req/s' },
    ratioFigure('HTTP throughput, skill / hello world', skillRps / helloRps, 0.8, 'min'),
  ];
  if (!skillRoutine)
    console.log(
      '\n(no StartRoutineIntent in the model yet: the routine turn is measured once routines are merged)',
    );
  // Latency tails depend on how busy the machine is: say so next to the figures.
  figures.unshift({
    name: `machine: ${os.cpus().length} CPUs; load average (1 min) at the end`,
    value: Number(os.loadavg()[0].toFixed(2)),
    unit: '',
  });
  return {
    title: 'Hosting: this skill vs a hello-world skill on ask-sdk-core (same run, same bundling)',
    figures,
  };
}

/**
 * The Lambda's size per input (esbuild's metafile from npm run build): each package, each folder of
 * lambda/src, the catalogue, so a regression shows where it came from. Bytes in the minified output.
 */
function bundleInputFigures(): Figure[] {
  if (!existsSync(BUILD.lambdaMeta)) return [];
  const meta = JSON.parse(readFileSync(BUILD.lambdaMeta, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const group = (file: string): string => {
    const parts = path.relative(process.cwd(), path.resolve(file)).split(path.sep);
    const modules = parts.lastIndexOf('node_modules');
    if (modules >= 0)
      return parts
        .slice(modules + 1, parts[modules + 1]?.startsWith('@') ? modules + 3 : modules + 2)
        .join('/');
    if (parts[0] === 'lambda' && parts.length > 3) return parts.slice(0, 3).join('/') + '/';
    return parts.length > 1 ? `${parts[0]}/` : parts[0];
  };
  const figures: Figure[] = [];
  for (const [label, output] of [
    ['dist/lambda/index.js', BUILD.lambda],
    ['dist/lambda/dynamodb.js', BUILD.storage],
    ['dist/lambda/screens.js', BUILD.screens],
  ] as const) {
    const entry = Object.entries(meta.outputs).find(([file]) => path.resolve(file) === output);
    if (!entry) continue;
    const sizes = new Map<string, number>();
    for (const [file, { bytesInOutput }] of Object.entries(entry[1].inputs))
      sizes.set(group(file), (sizes.get(group(file)) ?? 0) + bytesInOutput);
    const sorted = [...sizes].sort((a, b) => b[1] - a[1]);
    // The storage chunk is the AWS SDK: its largest few inputs say enough.
    const shown = output === BUILD.storage ? sorted.slice(0, 5) : sorted.filter(([, bytes]) => bytes >= 512);
    for (const [input, bytes] of shown)
      figures.push({ name: `  ${label} ← ${input}`, value: Number((bytes / 1024).toFixed(1)), unit: 'KB' });
  }
  return figures;
}
