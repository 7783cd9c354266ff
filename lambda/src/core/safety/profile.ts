/**
 * The session's safety profile: the conditions and red flags the user mentioned, built from ids
 * that may come from untrusted session or stored attributes (anything unknown is dropped).
 */
import { englishRules, type HealthRules } from './rules';
import type { Condition, RedFlag, SafetyProfile } from './types';

function knownIds<T>(ids: unknown, get: (id: string) => T | undefined): T[] {
  if (!Array.isArray(ids)) return [];
  const found: T[] = [];
  for (const id of ids) {
    const entry = typeof id === 'string' ? get(id) : undefined;
    if (entry !== undefined && !found.includes(entry)) found.push(entry);
  }
  return found;
}

/** A profile from lists of ids; values that are not known ids are ignored. Data order is kept. */
export function safetyProfile(
  conditionIds: unknown,
  redFlagIds: unknown = [],
  unknownCondition = false,
  rules: HealthRules = englishRules,
): SafetyProfile {
  const chosen = knownIds(conditionIds, (id) => rules.getCondition(id));
  const flags = knownIds(redFlagIds, (id) => rules.getRedFlag(id));
  return {
    conditions: rules.conditions.filter((c) => chosen.includes(c)),
    redFlags: rules.redFlags.filter((r) => flags.includes(r)),
    unknownCondition: unknownCondition === true,
  };
}

/**
 * What stops every routine this session: red flags, then stop-tier conditions. A flag that only
 * calls for seeing a clinician (back pain not improving, new back pain after fifty) does not.
 */
export function blockers(profile: SafetyProfile): Array<RedFlag | Condition> {
  return [
    ...profile.redFlags.filter((r) => r.care !== 'clinician'),
    ...profile.conditions.filter((c) => c.tier === 'stop'),
  ];
}

/** The conditions (or "unknown") that allow only the breathing routine. */
export function breathingOnlyReasons(profile: SafetyProfile): string[] {
  const ids = profile.conditions.filter((c) => c.breathingOnly).map((c) => c.id);
  return profile.unknownCondition ? [...ids, 'unknown'] : ids;
}
