/**
 * The one type guard for a plain JSON object. Session attributes, stored records, APL event
 * arguments and APL documents all arrive as `unknown`; every reader narrows them through this.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
