import type { RequestEnvelope } from 'ask-sdk-model';

/**
 * What the skill keeps about a user between sessions. Each feature owns its field; every field is
 * optional, and readers treat stored data as untrusted (it may predate a schema change).
 */
export interface UserRecord {
  /** The "not medical advice" note has been heard once. */
  welcomed?: boolean;
  /**
   * A routine or timed hold has started once, with the full stop rules and the "Alexa, pause" tip:
   * later ones get a one-line reminder, and the pre-routine safety question asks what is new.
   */
  routinesHeard?: boolean;
  /** Catalogue routines the user has started (asked for): their steps are announced briefly after. */
  routinesStarted?: string[];
  [field: string]: unknown;
}

/**
 * A store that can say, before the first request, whether it is usable (the DynamoDB table exists,
 * the data folder is writable). Hosts call it at start to fail with a clear message.
 */
export interface ReadinessCheck {
  checkReady(): Promise<void>;
}

export function hasReadinessCheck(value: unknown): value is ReadinessCheck {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { checkReady?: unknown }).checkReady === 'function'
  );
}

/** A user's record as stored, with its version (0: no record). */
export interface StoredRecord {
  record: Record<string, unknown>;
  version: number;
}

/**
 * A store that writes conditionally, so two requests for one user never lose each other's change:
 * `write` succeeds only while the stored version is still `expected` (0: no record yet) and stores
 * version `expected + 1`. Every call takes a signal that aborts it (the turn's storage deadline).
 */
export interface VersionedStore {
  read(requestEnvelope: RequestEnvelope, signal: AbortSignal): Promise<StoredRecord>;
  /** False when another writer got there first (the caller re-reads and tries again). */
  write(
    requestEnvelope: RequestEnvelope,
    record: Record<string, unknown>,
    expected: number,
    signal: AbortSignal,
  ): Promise<boolean>;
  /** Deletes everything kept for the user (including any copies set aside). */
  remove(requestEnvelope: RequestEnvelope, signal: AbortSignal): Promise<void>;
}

export function isVersionedStore(value: unknown): value is VersionedStore {
  if (typeof value !== 'object' || value === null) return false;
  const store = value as Partial<Record<keyof VersionedStore, unknown>>;
  return (
    typeof store.read === 'function' &&
    typeof store.write === 'function' &&
    typeof store.remove === 'function'
  );
}

/** Rejects with the signal's reason when it aborts first (for work that cannot itself be aborted). */
export function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('The storage call was aborted');
}
