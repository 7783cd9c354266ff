/**
 * The safety rules from data/safety.json (validated at build time by scripts/validate-data.ts), and
 * look-ups from what a user said to a condition or a red flag. A phrase resolves to exactly one of
 * them (validation checks that no phrase is in two entries).
 */
import safetyFile from '../../../../data/safety.json';
import { normaliseSpoken } from '../spoken-forms';
import type { Condition, RedFlag, SafetyData } from './types';

export const safetyData = safetyFile as SafetyData;
export const conditions: readonly Condition[] = safetyData.conditions;
export const redFlags: readonly RedFlag[] = safetyData.redFlags;

/** Spoken forms of a condition or red flag: its name and synonyms, deduplicated by their folded form. */
export function healthSpokenForms(entry: { name: string; synonyms: string[] }): string[] {
  const seen = new Set<string>();
  return [entry.name, ...entry.synonyms].filter((form) => {
    const key = normaliseSpoken(form);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Spoken-form look-ups, built on the first safety question rather than at every cold start. */
let indexes: { conditionByKey: Map<string, Condition>; redFlagByKey: Map<string, RedFlag> } | undefined;
function healthIndexes(): NonNullable<typeof indexes> {
  if (!indexes) {
    const conditionByKey = new Map<string, Condition>();
    const redFlagByKey = new Map<string, RedFlag>();
    for (const c of conditions)
      for (const f of healthSpokenForms(c)) conditionByKey.set(normaliseSpoken(f), c);
    for (const r of redFlags) for (const f of healthSpokenForms(r)) redFlagByKey.set(normaliseSpoken(f), r);
    indexes = { conditionByKey, redFlagByKey };
  }
  return indexes;
}

/** Leading words people add that do not change the meaning: "my", "really", "some". */
function withoutFiller(key: string): string {
  return key.replace(/^(my|some|really|very bad|bad|a bit of|a lot of) /, '');
}

export function getCondition(id: string): Condition | undefined {
  return conditions.find((c) => c.id === id);
}

export function getRedFlag(id: string): RedFlag | undefined {
  return redFlags.find((r) => r.id === id);
}

export type HealthMatch =
  { kind: 'condition'; condition: Condition } | { kind: 'red-flag'; redFlag: RedFlag };

/** What a user said ("warfarin", "numbness between my legs") as a condition or a red flag. */
export function resolveHealth(spoken: string): HealthMatch | undefined {
  const key = normaliseSpoken(spoken);
  const { conditionByKey, redFlagByKey } = healthIndexes();
  for (const k of [key, withoutFiller(key)]) {
    const redFlag = redFlagByKey.get(k);
    if (redFlag) return { kind: 'red-flag', redFlag };
    const condition = conditionByKey.get(k);
    if (condition) return { kind: 'condition', condition };
  }
  return undefined;
}
