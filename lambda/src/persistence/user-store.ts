/**
 * Reading and writing the user's record without ever failing a request. Storage can be missing
 * (no adapter configured) or down (DynamoDB outage); callers get `ok: false` and tell the user that
 * progress could not be saved, rather than crashing the turn.
 */
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import type { Translate } from '../i18n';
import { isRecord } from '../core/record';
import type { UserRecord } from './types';
import { log } from '../log';

export interface LoadResult {
  record: UserRecord;
  ok: boolean;
  /** False when the skill runs without any store (nothing is remembered, by configuration). */
  configured: boolean;
}

/** The stored record (empty when new or when storage is unavailable). Cached for the request. */
export async function loadUser(handlerInput: HandlerInput): Promise<LoadResult> {
  if (storeless(handlerInput)) return { record: {}, ok: false, configured: false };
  if (failedEarlier(handlerInput)) return { record: {}, ok: false, configured: true };
  try {
    const attrs: unknown = await handlerInput.attributesManager.getPersistentAttributes();
    return { record: isRecord(attrs) ? { ...attrs } : {}, ok: true, configured: true };
  } catch (error) {
    if (isNoStoreError(error)) return { record: {}, ok: false, configured: false };
    log.warn('storage.load_failed', { error: errorName(error) });
    markFailed(handlerInput);
    return { record: {}, ok: false, configured: true };
  }
}

/** Merges a patch into the stored record (undefined deletes a field) and saves it. */
export async function saveUser(handlerInput: HandlerInput, patch: Partial<UserRecord>): Promise<boolean> {
  return (await save(handlerInput, patch)) === 'saved';
}

/**
 * Saves like `saveUser` and returns the sentence the turn must add when the save failed
 * (`common.storage.unavailable`: "I couldn't save your progress just now…"), or '' when it was
 * saved or when the skill runs without a store by configuration. Every feature that saves during a
 * turn uses this, so an outage always sounds the same and never ends the session:
 *
 *   const notice = await saveUserOrNotice(h, t, { routine: progress });
 *   return h.responseBuilder.speak([speech, notice].filter(Boolean).join(' ')) …
 */
export async function saveUserOrNotice(
  handlerInput: HandlerInput,
  t: Translate,
  patch: Partial<UserRecord>,
): Promise<string> {
  return (await save(handlerInput, patch)) === 'failed' ? t('common.storage.unavailable') : '';
}

async function save(
  handlerInput: HandlerInput,
  patch: Partial<UserRecord>,
): Promise<'saved' | 'failed' | 'no-store'> {
  // Once the store has failed in this request, later calls fail at once: a store that does not
  // answer costs its timeout once per request, not once per call, and the turn stays within
  // Alexa's 8 seconds.
  if (storeless(handlerInput)) return 'no-store';
  if (failedEarlier(handlerInput)) return 'failed';
  try {
    // Read first (cached for the request, re-read if an earlier read failed), so a save never
    // replaces fields it did not load.
    const current: unknown = await handlerInput.attributesManager.getPersistentAttributes();
    const next: Record<string, unknown> = isRecord(current) ? { ...current } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    handlerInput.attributesManager.setPersistentAttributes(next);
    await handlerInput.attributesManager.savePersistentAttributes();
    return 'saved';
  } catch (error) {
    if (isNoStoreError(error)) return 'no-store';
    log.warn('storage.save_failed', { error: errorName(error) });
    markFailed(handlerInput);
    return 'failed';
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

const FAILED_FLAG = 'storageFailedThisRequest';

const STORELESS_FLAG = 'storeless';

/**
 * Marks every request of a skill built without a store, so user-store answers "no store" at once
 * instead of provoking (and catching) the SDK's error on every call.
 */
export const StorelessInterceptor: RequestInterceptor = {
  process(handlerInput) {
    handlerInput.attributesManager.getRequestAttributes()[STORELESS_FLAG] = true;
  },
};

function storeless(handlerInput: HandlerInput): boolean {
  return handlerInput.attributesManager.getRequestAttributes()[STORELESS_FLAG] === true;
}

function failedEarlier(handlerInput: HandlerInput): boolean {
  return handlerInput.attributesManager.getRequestAttributes()[FAILED_FLAG] === true;
}

function markFailed(handlerInput: HandlerInput): void {
  handlerInput.attributesManager.getRequestAttributes()[FAILED_FLAG] = true;
}

/** ask-sdk-core's AttributesManager throws this when the skill was built without a persistence adapter. */
function isNoStoreError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AskSdk.AttributesManager Error';
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
