/**
 * Answer time when the store fails, through the real skill in process: DynamoDB (dynalite in a
 * process of its own) answering, hung (SIGSTOP: alive, nothing answers) and refusing connections
 * (stopped); and the file store with a record whose read never returns (a FIFO). The turn budget
 * is 3 s from arrival whatever the store does.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb';
import { FilePersistenceAdapter } from '../../lambda/src/persistence/file';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest, launchRequest } from '../../simulator/envelope';
import { readModel } from '../generate-model';
import type { BenchSection, Figure } from './index';
import { percentile } from './stats';

const BUDGET_MS = 3000;
const TABLE = 'bench-users';
const DYNALITE = `
const server = require('dynalite')({ path: process.argv[1], createTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startDynalite(folder: string) {
  const child = spawn(process.execPath, ['-e', DYNALITE, path.join(folder, 'db')], {
    cwd: path.join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    child.once('exit', () => reject(new Error('dynalite exited')));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, endpoint: `http://127.0.0.1:${port}`, exited };
}

/** Milliseconds per request, `rounds` times over the given requests (each a fresh envelope). */
async function answerTimes(
  skill: Skill,
  requests: (() => RequestEnvelope)[],
  rounds: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const request of requests) {
      const started = process.hrtime.bigint();
      await skill.invoke(request());
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return times;
}

function figures(label: string, times: number[], budget = true): Figure[] {
  const max = Math.max(...times);
  return [
    { name: `${label} p50`, value: percentile(times, 50), unit: 'ms' },
    {
      name: `${label} max (${times.length} turns)`,
      value: max,
      unit: 'ms',
      ...(budget ? { target: `< ${BUDGET_MS} ms`, ok: max < BUDGET_MS } : {}),
    },
  ];
}

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ppg-bench-faults-'));
  const db = await startDynalite(folder);
  const clientConfig = {
    endpoint: db.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  };
  const admin = new DynamoDBClient(clientConfig);
  await admin.send(
    new CreateTableCommand({
      TableName: TABLE,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  admin.destroy();
  const store = new DynamoDbPersistenceAdapter({ tableName: TABLE, clientConfig });
  const skill = buildSkill({ persistenceAdapter: store });
  let n = 0;
  // A launch (read, then save the first-use note), "resume my routine" (a read) and "make the
  // holds longer" (read and conditional write), each for a new user.
  const turns = [
    () => launchRequest({ userId: `amzn1.ask.account.BENCH-${n++}` }),
    () => intentRequest(model, 'ResumeRoutineIntent', {}, { userId: `amzn1.ask.account.BENCH-${n++}` }),
    () => intentRequest(model, 'LongerHoldsIntent', {}, { userId: `amzn1.ask.account.BENCH-${n++}` }),
  ];
  const result: Figure[] = [];
  try {
    result.push(...figures('DynamoDB answering', await answerTimes(skill, turns, 30), false));
    db.child.kill('SIGSTOP');
    try {
      result.push(...figures('DynamoDB hung (SIGSTOP)', await answerTimes(skill, turns, 4)));
    } finally {
      db.child.kill('SIGCONT');
    }
    db.child.kill('SIGTERM');
    await db.exited;
    result.push(...figures('DynamoDB refusing connections', await answerTimes(skill, turns, 30)));
  } finally {
    store.destroy();
    db.child.kill('SIGKILL');
  }

  // The file store, the record's read blocked in the file system (a FIFO nobody writes).
  const files = path.join(folder, 'files');
  const fileSkill = buildSkill({ persistenceAdapter: new FilePersistenceAdapter(files) });
  await fileSkill.invoke(launchRequest({ userId: 'amzn1.ask.account.FILE-WARM' }));
  const hungUsers = Array.from({ length: 3 }, (_, i) => `amzn1.ask.account.FILE-HUNG-${i}`);
  const fifos = hungUsers.map((u) =>
    path.join(files, `${createHash('sha256').update(u).digest('hex')}.json`),
  );
  for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
  let k = 0;
  const fileTimes = await answerTimes(fileSkill, [() => launchRequest({ userId: hungUsers[k++ % 3] })], 3);
  for (const fifo of fifos) {
    try {
      closeSync(openSync(fifo, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK));
    } catch {
      // no reader left on this one
    }
  }
  result.push(...figures('file store hung read', fileTimes));
  rmSync(folder, { recursive: true, force: true });
  return { title: 'Store faults (in process, answer time per turn)', figures: result };
}
