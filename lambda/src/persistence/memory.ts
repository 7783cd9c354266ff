import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { userKey } from './user-key';

/** Keeps attributes in process memory: for tests and for trying the skill without a disk. */
export class MemoryPersistenceAdapter implements PersistenceAdapter {
  private readonly records = new Map<string, string>();

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const stored = this.records.get(userKey(requestEnvelope));
    return stored ? (JSON.parse(stored) as Record<string, unknown>) : {};
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    // Stored as JSON so a caller's later mutation cannot change what was saved.
    this.records.set(userKey(requestEnvelope), JSON.stringify(attributes));
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    this.records.delete(userKey(requestEnvelope));
  }

  /** Number of users stored (for tests). */
  get size(): number {
    return this.records.size;
  }
}
