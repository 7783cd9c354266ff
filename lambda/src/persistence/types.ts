/**
 * What the skill keeps about a user between sessions. Each feature owns its field; every field is
 * optional, and readers treat stored data as untrusted (it may predate a schema change).
 */
export interface UserRecord {
  /** The "not medical advice" note has been heard once. */
  welcomed?: boolean;
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
