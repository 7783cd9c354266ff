/**
 * A real DynamoDB-compatible server for tests: dynalite on 127.0.0.1 on a free port, keeping its
 * data in a temporary folder so it can be stopped (an outage) and started again on the same port
 * with the same data. `awsEnvironment()` gives the standard AWS settings that point the SDK at it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

export interface Dynalite {
  endpoint: string;
  /** Standard AWS settings for a process or client that should use this server. */
  awsEnvironment(): Record<string, string>;
  /** A client on this server (for arranging and inspecting tables directly). */
  client(): DynamoDBClient;
  createTable(name: string, partitionKey?: string): Promise<void>;
  /** Stops the server (connections are cut; requests get "connection refused"). */
  stop(): Promise<void>;
  /** Starts it again on the same port, with the data it had. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Standard AWS settings that point a process or client at a local server, and never at this
 * machine's AWS config or an instance metadata service (`folder` holds the empty config files).
 */
export function awsEnvironmentFor(endpoint: string, folder: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_CONFIG_FILE: path.join(folder, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(folder, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** A client on a local server, with the test credentials. */
export function testClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/** Creates an on-demand table with a string partition key, the layout the skill's store uses. */
export async function createTableWith(
  client: DynamoDBClient,
  name: string,
  partitionKey = 'id',
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: partitionKey, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: partitionKey, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

export async function startDynalite(): Promise<Dynalite> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ppg-dynalite-'));
  const server = dynalite({ path: folder, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  let running = true;
  const clients: DynamoDBClient[] = [];

  const awsEnvironment = () => awsEnvironmentFor(endpoint, folder);

  const stop = (): Promise<void> =>
    new Promise((resolve, reject) => {
      if (!running) return resolve();
      running = false;
      server.close((error?: Error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });

  const client = (): DynamoDBClient => {
    const made = testClient(endpoint);
    clients.push(made);
    return made;
  };

  return {
    endpoint,
    awsEnvironment,
    client,
    createTable: (name, partitionKey = 'id') => createTableWith(client(), name, partitionKey),
    stop,
    restart: () =>
      new Promise((resolve, reject) => {
        if (running) return resolve();
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          running = true;
          server.off('error', reject);
          resolve();
        });
      }),
    async close() {
      for (const client of clients) client.destroy();
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Sets environment variables for the duration of a test file; returns a function restoring them. */
export function setEnvironment(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
