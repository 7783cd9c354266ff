import path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type * as DynamoDbModule from './dynamodb';
import type * as FileModule from './file';

export interface PersistenceDefaults {
  /** Folder for the file store when neither DYNAMODB_TABLE nor DATA_DIR is set (the server: `.data`). */
  dataDir?: string;
}

/**
 * Chooses the store from the environment:
 * - `DYNAMODB_TABLE` → DynamoDB (AWS SDK v3; region, credentials and `AWS_ENDPOINT_URL_DYNAMODB`
 *   come from the standard AWS settings);
 * - else `DATA_DIR` (or the host's default folder) → one JSON file per user in that folder;
 * - else nothing: the skill runs without memory between sessions.
 */
export function persistenceFromEnvironment(
  env: NodeJS.ProcessEnv,
  defaults: PersistenceDefaults = {},
): PersistenceAdapter | undefined {
  const table = env.DYNAMODB_TABLE?.trim();
  if (table) {
    // Loaded only when selected, so hosts without DynamoDB never pay for the SDK's start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DynamoDbPersistenceAdapter } = require('./dynamodb') as typeof DynamoDbModule;
    return new DynamoDbPersistenceAdapter({ tableName: table });
  }
  const dataDir = env.DATA_DIR?.trim() || defaults.dataDir;
  if (dataDir) {
    // Likewise: the Lambda never loads the file store (nor node:crypto, which it needs).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FilePersistenceAdapter } = require('./file') as typeof FileModule;
    return new FilePersistenceAdapter(path.resolve(dataDir));
  }
  return undefined;
}
