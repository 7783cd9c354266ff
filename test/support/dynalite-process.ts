/**
 * dynalite in a process of its own, so a test can hang it the way a real store hangs: SIGSTOP
 * leaves it alive, its port open and its connections established, and nothing answers (the kernel
 * still accepts new connections into the listen backlog). SIGCONT lets it carry on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { awsEnvironmentFor, createTableWith, testClient } from './dynalite';

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
  const awsEnvironment = () => awsEnvironmentFor(endpoint, folder);
  return {
    endpoint,
    child,
    awsEnvironment,
    async createTable(name) {
      const client = testClient(endpoint);
      try {
        await createTableWith(client, name);
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
