import path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import { FilePersistenceAdapter } from './file';

/**
 * Chooses the store from the environment: `DATA_DIR` → one JSON file per user in that folder.
 * Without any setting the skill runs without memory between sessions.
 */
export function persistenceFromEnvironment(env: NodeJS.ProcessEnv): PersistenceAdapter | undefined {
  if (env.DATA_DIR) return new FilePersistenceAdapter(path.resolve(env.DATA_DIR));
  return undefined;
}
