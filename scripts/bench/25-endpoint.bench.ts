/**
 * The endpoint as `npm start` serves it (server limits, request verification on) under load: signed
 * "where is BL 23" requests through POST /alexa on 127.0.0.1, checked by server/verifier.ts against
 * a test CA (the chain served from 127.0.0.1, as Amazon's S3 would serve it), at rising numbers of
 * connections up to saturation. The figure is the best throughput with 0 errors, 0 non-2xx answers
 * and 0 timeouts; every level's errors are counted and shown.
 */
import { spawn } from 'node:child_process';
import { sign } from 'node:crypto';
import path from 'node:path';
import { intentRequest } from '../../simulator/envelope';
import { issue } from '../../test/support/alexa-signing';
import { buildAtomically, LAMBDA_BUNDLE_OPTIONS } from '../build';
import { readModel } from '../generate-model';
import type { BenchSection, Figure } from './index';

const ROOT = path.resolve(__dirname, '../..');
const SERVER_BUNDLE = path.join(ROOT, '.artifacts/bench/endpoint-server.js');
/** Connections per level: up to near the server's cap of 256. */
const LEVELS = [10, 50, 100, 200];
const SECONDS = 3;

const SERVER_SOURCE = `
import http from 'node:http';
import { createApp, createServer } from './server/app';
import { AlexaRequestVerifier } from './server/verifier';
import { buildSkill } from './lambda/src/skill';
import { MemoryPersistenceAdapter } from './lambda/src/persistence/memory';

const chain = process.env.BENCH_CHAIN_PEM;
const root = process.env.BENCH_ROOT_PEM;
const certificates = http.createServer((req, res) => res.end(chain));
certificates.listen(0, '127.0.0.1', () => {
  const verifier = new AlexaRequestVerifier({
    certificateOrigin: 'http://127.0.0.1:' + certificates.address().port,
    trustedRoots: () => [root],
  });
  const skill = buildSkill({ persistenceAdapter: new MemoryPersistenceAdapter() });
  const server = createServer(createApp({ skill, verifyRequests: true, verifier }));
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n');
  });
  process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
});
`;

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface Level {
  connections: number;
  rps: number;
  p99: number;
  failures: number;
}

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  await buildAtomically({
    ...LAMBDA_BUNDLE_OPTIONS,
    sourcemap: false,
    stdin: { contents: SERVER_SOURCE, resolveDir: ROOT, loader: 'ts', sourcefile: 'endpoint-bench.ts' },
    outfile: SERVER_BUNDLE,
  });
  const root = issue('Bench Root CA', undefined, { ca: true });
  const intermediate = issue('Bench Intermediate CA', root, { ca: true });
  const signing = issue('echo-api.amazon.com', intermediate, { dnsNames: ['echo-api.amazon.com'] });

  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'silent',
      BENCH_CHAIN_PEM: `${signing.pem}\n${intermediate.pem}`,
      BENCH_ROOT_PEM: root.pem,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const levels: Level[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) =>
        resolve((JSON.parse(chunk.toString()) as { port: number }).port),
      );
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    // Signed once: the whole run stays well inside the 150 s the timestamp allows.
    const body = JSON.stringify(intentRequest(readModel(), 'FindPointIntent', { point: 'b l twenty three' }));
    const options = {
      url: `http://127.0.0.1:${port}/alexa`,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        signaturecertchainurl: 'https://s3.amazonaws.com/echo.api/bench-chain.pem',
        'signature-256': sign('sha256', Buffer.from(body), signing.keyPem).toString('base64'),
      },
      body,
    };
    await autocannon({ ...options, connections: 10, duration: 2 }); // warm-up
    for (const connections of LEVELS) {
      const result = await autocannon({ ...options, connections, duration: SECONDS });
      levels.push({
        connections,
        rps: result.requests.average,
        p99: result.latency.p99,
        failures: result.errors + result.non2xx + result.timeouts,
      });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }

  const clean = levels.filter((level) => level.failures === 0);
  const best = clean.reduce<Level | undefined>((a, b) => (a && a.rps >= b.rps ? a : b), undefined);
  const failures = levels.reduce((sum, level) => sum + level.failures, 0);
  const figures: Figure[] = [
    ...levels.map((level) => ({
      name: `signed POST /alexa, ${level.connections} connections (p99 ${level.p99} ms, ${level.failures} failed)`,
      value: Math.round(level.rps),
      unit: 'req/s',
    })),
    {
      name: `at saturation with 0 errors (${best ? `${best.connections} connections` : 'no clean level'})`,
      value: Math.round(best?.rps ?? 0),
      unit: 'req/s',
    },
    {
      name: 'errors, non-2xx answers and timeouts, all levels',
      value: failures,
      unit: '',
      target: '0',
      ok: failures === 0,
    },
  ];
  return {
    title: `Endpoint under load: npm start's limits, every request verified (${SECONDS} s per level)`,
    figures,
  };
}
