/**
 * Reading and writing the user's record without ever failing a request. Storage can be missing
 * (no adapter configured) or down (DynamoDB outage); callers get `ok: false` and tell the user that
 * progress could not be saved, rather than crashing the turn.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { isRecord } from '../state/session';
import type { UserRecord } from './types';
import { log } from '../log';

export interface LoadResult {
  record: UserRecord;
  ok: boolean;
}

/** The stored record (empty when new or when storage is unavailable). Cached for the request. */
export async function loadUser(handlerInput: HandlerInput): Promise<LoadResult> {
  try {
    const attrs: unknown = await handlerInput.attributesManager.getPersistentAttributes();
    return { record: isRecord(attrs) ? { ...attrs } : {}, ok: true };
  } catch (error) {
    log.warn('storage.load_failed', { error: errorName(error) });
    return { record: {}, ok: false };
  }
}

/** Merges a patch into the stored record (undefined deletes a field) and saves it. */
export async function saveUser(handlerInput: HandlerInput, patch: Partial<UserRecord>): Promise<boolean> {
  try {
    const current: unknown = await handlerInput.attributesManager.getPersistentAttributes();
    const next: Record<string, unknown> = isRecord(current) ? { ...current } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    handlerInput.attributesManager.setPersistentAttributes(next);
    await handlerInput.attributesManager.savePersistentAttributes();
    return true;
  } catch (error) {
    log.warn('storage.save_failed', { error: errorName(error) });
    return false;
  }
}

/** Removes everything stored for the user. */
export async function deleteUser(handlerInput: HandlerInput): Promise<boolean> {
  try {
    const { attributesManager } = handlerInput;
    if (!attributesManager.deletePersistentAttributes)
      throw new Error('This attributes manager cannot delete');
    await attributesManager.deletePersistentAttributes();
    return true;
  } catch (error) {
    log.warn('storage.delete_failed', { error: errorName(error) });
    return false;
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
