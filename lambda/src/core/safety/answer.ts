/**
 * "Is it safe if…": the graded answer for a condition, a point, or both (section 3), and triage for
 * a red flag (section 4). Pure functions of the rules; the wording is chosen by the handlers.
 */
import type { PointCode } from '../types';
import type { CareLevel, Condition, Grade, RedFlag, SafetyAnswer, SafetyProfile } from './types';

/**
 * The graded answer. A stop-tier condition always means get help; a point the condition rules out
 * is named; a condition the skill does not know gets the conservative check-first answer.
 */
export function answer(condition?: Condition | 'unknown', point?: PointCode): SafetyAnswer {
  const base = { condition, point, avoid: [], palmsInstead: [], breathingOnly: false };
  if (condition === undefined) return { ...base, grade: 'yes-with-care' };
  if (condition === 'unknown') return { ...base, grade: 'check-first', breathingOnly: true };
  const { tier, breathingOnly } = condition;
  if (tier === 'stop') return { ...base, grade: 'get-help', care: condition.care ?? 'urgent' };
  if (point !== undefined) {
    if (condition.avoid.includes(point))
      return { ...base, grade: 'skip-points', avoid: [point], breathingOnly };
    if (condition.palmsInstead.includes(point))
      return { ...base, grade: 'lighter', palmsInstead: [point], breathingOnly };
    if (breathingOnly || tier === 'check') return { ...base, grade: 'check-first', breathingOnly };
    return { ...base, grade: tier === 'light' ? 'lighter' : 'yes-with-care' };
  }
  const lists = { avoid: [...condition.avoid], palmsInstead: [...condition.palmsInstead], breathingOnly };
  if (tier === 'check') return { ...base, ...lists, grade: 'check-first' };
  if (tier === 'light') return { ...base, ...lists, grade: 'lighter' };
  return { ...base, ...lists, grade: 'skip-points' };
}

export interface Triage {
  care: CareLevel;
  /** Why it needs care, in the data's approved wording. */
  why: string;
}

/** What a red flag, or a stop-tier condition, needs: the level of care and why. */
export function triage(trigger: RedFlag | Condition): Triage {
  if ('why' in trigger) return { care: trigger.care, why: trigger.why };
  return { care: trigger.care ?? 'urgent', why: trigger.advice };
}

/** Grades from the mildest to the strictest. */
const SEVERITY: Record<Grade, number> = {
  'yes-with-care': 0,
  lighter: 1,
  'skip-points': 2,
  'check-first': 3,
  'get-help': 4,
};

/**
 * The answer for a point (or none) asked about without naming a condition: the strictest answer
 * over every condition in the profile; a condition the skill has no rules for counts as check-first.
 * The first of equally strict answers wins, in data order.
 */
export function strictestAnswer(profile: SafetyProfile, point?: PointCode): SafetyAnswer {
  let worst = answer(undefined, point);
  for (const condition of profile.conditions) {
    const candidate = answer(condition, point);
    if (SEVERITY[candidate.grade] > SEVERITY[worst.grade]) worst = candidate;
  }
  if (profile.unknownCondition && SEVERITY['check-first'] > SEVERITY[worst.grade])
    worst = answer('unknown', point);
  return worst;
}

/**
 * The care that what blocks routines needs: an emergency if any of them is one; "this guide is for
 * adults" when that is all there is (under 16); else urgent care.
 */
export function strictestCare(triggers: ReadonlyArray<RedFlag | Condition>): CareLevel {
  const cares = triggers.map((t) => triage(t).care);
  if (cares.includes('emergency')) return 'emergency';
  if (cares.length > 0 && cares.every((c) => c === 'adults-only')) return 'adults-only';
  return 'urgent';
}
