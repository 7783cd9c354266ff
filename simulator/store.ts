/**
 * The web simulator's own space in the skill's store. Simulator users are anonymous browser tokens,
 * so they must not mix with real Alexa users nor pile up without limit:
 *
 * - every simulator record is kept under its own key (`simulator:user:<user id>`), never under a
 *   real user's key, whatever the store (file, DynamoDB, memory);
 * - at most 1,000 users are kept: saving a new one past that deletes the least recently used;
 * - a user not seen for 7 days is deleted (checked at every call and by `sweep()`).
 *
 * It wraps any `PersistenceAdapter` (it only rewrites the user id in the envelope it passes on), so
 * the store itself is unchanged. Which users exist and when each was last used is kept in an index
 * record in the same space (`simulator:index`), so the cap and the expiry hold across restarts.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import {
  isVersionedStore,
  raceSignal,
  type StoredRecord,
  type VersionedStore,
} from '../lambda/src/persistence/types';
import { userKey } from '../lambda/src/persistence/user-key';

export const SIMULATOR_MAX_RECORDS = 1000;
export const SIMULATOR_RECORD_MAX_AGE_MS = 7 * 24 * 3600_000;
export const SIMULATOR_KEY_PREFIX = 'simulator:user:';
export const SIMULATOR_INDEX_KEY = 'simulator:index';
/** A last-use time is written back to the index only when it moved on by more than this. */
const TOUCH_WRITE_MS = 60_000;

export interface SimulatorStoreOptions {
  maxRecords?: number;
  maxAgeMs?: number;
  now?: () => number;
}

/** An envelope like `envelope` whose user is `userId` (session and context alike). */
function asUser(envelope: RequestEnvelope, userId: string): RequestEnvelope {
  const context = envelope.context ?? ({} as RequestEnvelope['context']);
  const system = context.System ?? ({} as RequestEnvelope['context']['System']);
  return {
    ...envelope,
    context: { ...context, System: { ...system, user: { ...system.user, userId } } },
    session: envelope.session
      ? { ...envelope.session, user: { ...envelope.session.user, userId } }
      : envelope.session,
  };
}

const INDEX_ENVELOPE = asUser({ version: '1.0' } as RequestEnvelope, SIMULATOR_INDEX_KEY);

export class SimulatorStore implements PersistenceAdapter, VersionedStore {
  private readonly maxRecords: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /** User id → last use (ms); a Map keeps insertion order, so the first is the least recently used. */
  private index: Map<string, number> | undefined;
  private indexWrittenAt = 0;
  /** Index changes run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly inner: PersistenceAdapter,
    options: SimulatorStoreOptions = {},
  ) {
    this.maxRecords = options.maxRecords ?? SIMULATOR_MAX_RECORDS;
    this.maxAgeMs = options.maxAgeMs ?? SIMULATOR_RECORD_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const user = userKey(requestEnvelope);
    // A user the index does not know has nothing stored here (or it expired and was deleted).
    if (!(await this.noteRead(user))) return {};
    return this.inner.getAttributes(asUser(requestEnvelope, SIMULATOR_KEY_PREFIX + user));
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const user = userKey(requestEnvelope);
    await this.noteWrite(user);
    await this.inner.saveAttributes(asUser(requestEnvelope, SIMULATOR_KEY_PREFIX + user), attributes);
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    const user = userKey(requestEnvelope);
    await this.deleteRecord(user);
    await this.noteRemoved(user);
  }

  /**
   * The versioned calls the skill's user store makes (conditional writes, the turn's deadline),
   * passed on under the simulator's key. A store without them is read and written plainly.
   */
  async read(requestEnvelope: RequestEnvelope, signal: AbortSignal): Promise<StoredRecord> {
    const user = userKey(requestEnvelope);
    const inner = asUser(requestEnvelope, SIMULATOR_KEY_PREFIX + user);
    // The index is read for its bookkeeping (last use, expiry); the record itself is always read,
    // so a version written earlier is never mistaken for a new record.
    await raceSignal(this.noteRead(user), signal);
    if (isVersionedStore(this.inner)) return this.inner.read(inner, signal);
    return { record: await raceSignal(this.inner.getAttributes(inner), signal), version: 0 };
  }

  async write(
    requestEnvelope: RequestEnvelope,
    record: Record<string, unknown>,
    expected: number,
    signal: AbortSignal,
  ): Promise<boolean> {
    const user = userKey(requestEnvelope);
    const inner = asUser(requestEnvelope, SIMULATOR_KEY_PREFIX + user);
    await raceSignal(this.noteWrite(user), signal);
    if (isVersionedStore(this.inner)) return this.inner.write(inner, record, expected, signal);
    await raceSignal(this.inner.saveAttributes(inner, record), signal);
    return true;
  }

  async remove(requestEnvelope: RequestEnvelope, signal: AbortSignal): Promise<void> {
    const user = userKey(requestEnvelope);
    if (isVersionedStore(this.inner))
      await this.inner.remove(asUser(requestEnvelope, SIMULATOR_KEY_PREFIX + user), signal);
    else await raceSignal(this.deleteRecord(user), signal);
    await raceSignal(this.noteRemoved(user), signal);
  }

  /** Notes a read of `user` in the index (expiring others); true when the user is known. */
  private noteRead(user: string): Promise<boolean> {
    return this.serialised(async (index) => {
      const changed = await this.expire(index);
      const seen = index.get(user);
      if (seen !== undefined) this.touch(index, user);
      if (changed || (seen !== undefined && this.now() - this.indexWrittenAt > TOUCH_WRITE_MS))
        await this.writeIndex(index);
      return seen !== undefined;
    });
  }

  /** Notes a save for `user`, deleting the least recently used users past the cap. */
  private noteWrite(user: string): Promise<void> {
    return this.serialised(async (index) => {
      await this.expire(index);
      this.touch(index, user);
      while (index.size > this.maxRecords) {
        const oldest = index.keys().next().value as string;
        index.delete(oldest);
        await this.deleteRecord(oldest);
      }
      // The index is written before the record: a crash in between leaves a user listed without a
      // record (harmless), never a record that nothing will expire.
      await this.writeIndex(index);
    });
  }

  private noteRemoved(user: string): Promise<void> {
    return this.serialised(async (index) => {
      if (index.delete(user)) await this.writeIndex(index);
    });
  }

  /** Deletes every user not seen for the maximum age; resolves with how many went. */
  sweep(): Promise<number> {
    return this.serialised(async (index) => {
      const before = index.size;
      if (await this.expire(index)) await this.writeIndex(index);
      return before - index.size;
    });
  }

  /** Number of simulator users stored. */
  async size(): Promise<number> {
    return this.serialised(async (index) => index.size);
  }

  private serialised<T>(work: (index: Map<string, number>) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => work(await this.loadIndex());
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async loadIndex(): Promise<Map<string, number>> {
    if (this.index) return this.index;
    const stored = await this.inner.getAttributes(INDEX_ENVELOPE);
    const users = Array.isArray(stored.users) ? (stored.users as unknown[]) : [];
    const entries = users
      .filter(
        (entry): entry is [string, number] =>
          Array.isArray(entry) && typeof entry[0] === 'string' && Number.isFinite(entry[1]),
      )
      .sort((a, b) => a[1] - b[1]);
    this.index = new Map(entries);
    return this.index;
  }

  private async writeIndex(index: Map<string, number>): Promise<void> {
    await this.inner.saveAttributes(INDEX_ENVELOPE, { users: [...index.entries()] });
    this.indexWrittenAt = this.now();
  }

  private touch(index: Map<string, number>, user: string): void {
    index.delete(user);
    index.set(user, this.now());
  }

  /** Deletes the users past the maximum age (oldest first); true when any went. */
  private async expire(index: Map<string, number>): Promise<boolean> {
    const cutoff = this.now() - this.maxAgeMs;
    let changed = false;
    for (const [user, lastUsed] of index) {
      if (lastUsed > cutoff) break;
      index.delete(user);
      await this.deleteRecord(user);
      changed = true;
    }
    return changed;
  }

  private async deleteRecord(user: string): Promise<void> {
    await this.inner.deleteAttributes?.(asUser(INDEX_ENVELOPE, SIMULATOR_KEY_PREFIX + user));
  }
}
