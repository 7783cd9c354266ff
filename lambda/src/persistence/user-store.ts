/**
 * Reading and writing the user's record without ever failing a request. Storage can be missing
 * (no adapter configured), down (refusing connections) or hung (alive, not answering); callers get
 * `ok: false` and tell the user that progress could not be saved, rather than crashing the turn or
 * keeping the user waiting.
 *
 * Two promises are kept here, whatever the store does:
 * - **A turn budget.** All the storage work of one request shares one deadline, `STORE_BUDGET_MS`
 *   after the request arrived, and each call is also capped at `CALL_LIMIT_MS`. A call past its
 *   deadline is aborted (the DynamoDB request is cancelled, a file write is not renamed into place)
 *   and the turn goes on without it. After one failure, later calls in the request fail at once.
 * - **No lost updates.** A save is a patch applied to the record at a known version and written
 *   only while the stored version is still that one. When another request wrote in between, the
 *   record is read again from the store (not from this request's copy), the patch is applied to
 *   it, and the write is tried again, up to `MAX_WRITE_TRIES` times.
 */
import type { HandlerInput, PersistenceAdapter, RequestInterceptor } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Translate } from '../i18n';
import { isRecord } from '../core/record';
import {
  isVersionedStore,
  raceSignal,
  type StoredRecord,
  type UserRecord,
  type VersionedStore,
} from './types';
import { log } from '../log';

/** All storage calls of one request finish (or are abandoned) this long after it arrived. */
export const STORE_BUDGET_MS = 1800;
/** No single storage call waits longer than this. */
export const CALL_LIMIT_MS = 1200;
/** A conditional write that keeps losing to other writers gives up after this many tries. */
export const MAX_WRITE_TRIES = 6;

export interface LoadResult {
  record: UserRecord;
  ok: boolean;
  /** False when the skill runs without any store (nothing is remembered, by configuration). */
  configured: boolean;
}

/** A change to the record: fields to set (undefined deletes), or a function of the stored record. */
export type UserPatch = Partial<UserRecord> | ((stored: UserRecord) => Partial<UserRecord>);

/** This request's view of the store: its deadline, the record as read, and whether it failed. */
interface RequestStore {
  store: VersionedStore;
  deadline: number;
  cache?: StoredRecord;
  failed: boolean;
}

const STORE_KEY = 'userStore';

/**
 * Puts the store in reach of this request's handlers and starts the request's storage clock. The
 * skill runs it before every other interceptor, so the deadline counts from the request's arrival.
 */
export function userStoreInterceptor(adapter: PersistenceAdapter): RequestInterceptor {
  const store = versioned(adapter);
  return {
    process(handlerInput) {
      attachStore(handlerInput, store);
    },
  };
}

/** Gives one request its store and deadline (the interceptor does this for every request). */
export function attachStore(handlerInput: HandlerInput, adapter: PersistenceAdapter | VersionedStore): void {
  const state: RequestStore = {
    store: isVersionedStore(adapter) ? adapter : versioned(adapter),
    deadline: Date.now() + STORE_BUDGET_MS,
    failed: false,
  };
  handlerInput.attributesManager.getRequestAttributes()[STORE_KEY] = state;
}

/** The stored record (empty when new or when storage is unavailable). Read once per request. */
export async function loadUser(handlerInput: HandlerInput): Promise<LoadResult> {
  const state = requestStore(handlerInput);
  if (!state) return { record: {}, ok: false, configured: false };
  try {
    const { record } = await current(state, handlerInput.requestEnvelope);
    return { record: { ...record }, ok: true, configured: true };
  } catch (error) {
    log.warn('storage.load_failed', { error: errorName(error) });
    state.failed = true;
    return { record: {}, ok: false, configured: true };
  }
}

/** Applies a patch to the stored record (undefined deletes a field) and saves it. */
export async function saveUser(handlerInput: HandlerInput, patch: UserPatch): Promise<boolean> {
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
  patch: UserPatch,
): Promise<string> {
  return (await save(handlerInput, patch)) === 'failed' ? t('common.storage.unavailable') : '';
}

async function save(handlerInput: HandlerInput, patch: UserPatch): Promise<'saved' | 'failed' | 'no-store'> {
  const state = requestStore(handlerInput);
  if (!state) return 'no-store';
  const envelope = handlerInput.requestEnvelope;
  try {
    // The first try may use this request's copy; after a conflict only a fresh read will do.
    let base = await current(state, envelope);
    for (let attempt = 1; attempt <= MAX_WRITE_TRIES; attempt++) {
      const next = applyPatch(base.record, patch);
      if (await call(state, (signal) => state.store.write(envelope, next, base.version, signal))) {
        state.cache = { record: next, version: base.version + 1 };
        return 'saved';
      }
      base = await call(state, (signal) => state.store.read(envelope, signal));
      state.cache = base;
    }
    log.warn('storage.save_conflict', { tries: MAX_WRITE_TRIES });
    return 'failed';
  } catch (error) {
    log.warn('storage.save_failed', { error: errorName(error) });
    state.failed = true;
    return 'failed';
  }
}

/** Removes everything stored for the user. The next `loadUser` reads the store again. */
export async function deleteUser(handlerInput: HandlerInput): Promise<boolean> {
  const state = requestStore(handlerInput);
  if (!state) return false;
  try {
    state.cache = undefined;
    await call(state, (signal) => state.store.remove(handlerInput.requestEnvelope, signal));
    return true;
  } catch (error) {
    log.warn('storage.delete_failed', { error: errorName(error) });
    state.failed = true;
    return false;
  }
}

function applyPatch(stored: Record<string, unknown>, patch: UserPatch): Record<string, unknown> {
  const changes = typeof patch === 'function' ? patch({ ...stored }) : patch;
  const next: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

async function current(state: RequestStore, envelope: RequestEnvelope): Promise<StoredRecord> {
  if (state.cache) return state.cache;
  const read = await call(state, (signal) => state.store.read(envelope, signal));
  state.cache = { record: isRecord(read.record) ? read.record : {}, version: read.version };
  return state.cache;
}

/** The request's store, or undefined when the skill runs without one. */
function requestStore(handlerInput: HandlerInput): RequestStore | undefined {
  const state: unknown = handlerInput.attributesManager.getRequestAttributes()[STORE_KEY];
  return isRecord(state) ? (state as unknown as RequestStore) : undefined;
}

export class StorageTimeoutError extends Error {
  override readonly name = 'StorageTimeoutError';
}

/**
 * Runs one storage call under the request's deadline: the call gets a signal that aborts at the
 * deadline (or after `CALL_LIMIT_MS`), and the turn stops waiting then even if the store ignores it.
 */
async function call<T>(state: RequestStore, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (state.failed) throw new Error('storage failed earlier in this request');
  const limit = Math.min(CALL_LIMIT_MS, state.deadline - Date.now());
  if (limit <= 0) throw new StorageTimeoutError('the request has no storage time left');
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new StorageTimeoutError(`no answer from the store within ${limit} ms`)),
    limit,
  );
  try {
    return await raceSignal(work(controller.signal), controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Any ask-sdk PersistenceAdapter as a VersionedStore. The stores of this skill are versioned
 * themselves; another adapter gets deadlines but writes unconditionally (it has no version).
 */
function versioned(adapter: PersistenceAdapter): VersionedStore {
  if (isVersionedStore(adapter)) return adapter;
  return {
    read: async (envelope) => ({ record: await adapter.getAttributes(envelope), version: 0 }),
    write: async (envelope, record) => {
      await adapter.saveAttributes(envelope, record);
      return true;
    },
    remove: async (envelope) => {
      if (!adapter.deleteAttributes) throw new Error('This store cannot delete');
      await adapter.deleteAttributes(envelope);
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
