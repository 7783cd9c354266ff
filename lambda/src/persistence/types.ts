/**
 * What the skill keeps about a user between sessions. Each feature owns its field; every field is
 * optional, and readers treat stored data as untrusted (it may predate a schema change).
 */
export interface UserRecord {
  /** The "not medical advice" note has been heard once. */
  welcomed?: boolean;
  [field: string]: unknown;
}
