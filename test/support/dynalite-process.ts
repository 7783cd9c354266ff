/**
 * dynalite in a process of its own, so a test can hang it the way a real store hangs: SIGSTOP
 * leaves it alive, its port open and its connections established, and nothing answers (the kernel
 * still accepts new connections into the listen backlog). SIGCONT lets it carry on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynaliteProcess {
  endpoint: string;
  child: ChildProcess;
  awsEnvironment(): Record<string, string>;
  createTable(name: string): Promise<void>;
  /** SIGSTOP: alive, not answering. */
  hang(): void;
  /** SIGCONT. */
  wake(): void;
  close(): Promise<void>;
}

const SERVER = `
const dynalite = require('dynalite');
const server = dynalite({ path: process.argv[1], createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

export async function startDynaliteProcess(): Promise<DynaliteProcess> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ppg-dynalite-proc-'));
  const child = spawn(process.execPath, ['-e', SERVER, path.join(folder, 'db')], {
    cwd: path.join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('\n')) resolve(Number(printed.trim()));
    });
    child.once('exit', (code) => reject(new Error(`dynalite exited (${code}) before listening`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const awsEnvironment = (): Record<string, string> => ({
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_CONFIG_FILE: path.join(folder, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(folder, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return {
    endpoint,
    child,
    awsEnvironment,
    async createTable(name) {
      const client = new DynamoDBClient({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      try {
        await client.send(
          new CreateTableCommand({
            TableName: name,
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
          }),
        );
      } finally {
        client.destroy();
      }
    },
    hang: () => child.kill('SIGSTOP'),
    wake: () => child.kill('SIGCONT'),
    async close() {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
