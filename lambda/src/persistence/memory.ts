import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { StoredRecord, VersionedStore } from './types';
import { userKey } from './user-key';

/** Keeps attributes in process memory: for tests and for trying the skill without a disk. */
export class MemoryPersistenceAdapter implements PersistenceAdapter, VersionedStore {
  // Stored as JSON so a caller's later mutation cannot change what was saved.
  private readonly records = new Map<string, { json: string; version: number }>();

  async read(requestEnvelope: RequestEnvelope): Promise<StoredRecord> {
    const stored = this.records.get(userKey(requestEnvelope));
    return stored
      ? { record: JSON.parse(stored.json) as Record<string, unknown>, version: stored.version }
      : { record: {}, version: 0 };
  }

  async write(
    requestEnvelope: RequestEnvelope,
    record: Record<string, unknown>,
    expected: number,
  ): Promise<boolean> {
    const key = userKey(requestEnvelope);
    if ((this.records.get(key)?.version ?? 0) !== expected) return false;
    this.records.set(key, { json: JSON.stringify(record), version: expected + 1 });
    return true;
  }

  async remove(requestEnvelope: RequestEnvelope): Promise<void> {
    this.records.delete(userKey(requestEnvelope));
  }

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return (await this.read(requestEnvelope)).record;
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const key = userKey(requestEnvelope);
    const version = (this.records.get(key)?.version ?? 0) + 1;
    this.records.set(key, { json: JSON.stringify(attributes), version });
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    await this.remove(requestEnvelope);
  }

  /** Number of users stored (for tests). */
  get size(): number {
    return this.records.size;
  }
}
