/**
 * One point under the session's safety profile: whether it may be pressed at all, and how. The same
 * rules as a routine's adjustment (adjust.ts): what blocks routines blocks every point; a profile
 * that allows breathing only, or a condition that avoids the point, rules it out; palms instead,
 * light pressure, hands only and shorter holds adjust how it is pressed. Finding a point, the points
 * for a need, timed holds and the point's screen all answer from this one verdict.
 */
import type { Point, PointCode } from '../types';
import { blockers, breathingOnlyReasons } from './profile';
import { englishRules, type HealthRules } from './rules';
import type { SafetyProfile, StepText } from './types';

export type PointAdvice =
  /** Nothing in the profile touches this point: the catalogue's words. */
  | { kind: 'as-written' }
  /** A red flag or a stop-tier condition: no pressure anywhere this session. */
  | { kind: 'blocked'; because: string[] }
  /** Not to be pressed with this profile; `breathingOnly` when no point may be pressed at all. */
  | { kind: 'ruled-out'; because: string[]; breathingOnly: boolean }
  /** Pressed differently: a palm hold instead, or light and hands only, or for less time. */
  | {
      kind: 'adjusted';
      because: string[];
      technique: 'palms' | 'light' | 'as-written';
      /** A hands-only version of this point's step (no ball or towel), when the data has one. */
      handsOnly?: StepText;
      /** The hold, capped for the profile (only when shorter than the point's own). */
      holdSeconds?: number;
      /** Remind the user to keep off a sore, injured or broken area. */
      keepOffSite: boolean;
    };

function ids(list: Array<{ id: string }>): string[] {
  return list.map((c) => c.id);
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** The verdict for one point under a profile. */
export function pointAdvice(
  profile: SafetyProfile,
  point: Point,
  rules: HealthRules = englishRules,
): PointAdvice {
  const stop = blockers(profile);
  if (stop.length > 0) return { kind: 'blocked', because: ids(stop) };
  const breathing = breathingOnlyReasons(profile);
  if (breathing.length > 0) return { kind: 'ruled-out', because: breathing, breathingOnly: true };
  const { conditions } = profile;
  const code: PointCode = point.code;
  const avoiders = conditions.filter((c) => c.avoid.includes(code));
  if (avoiders.length > 0) return { kind: 'ruled-out', because: ids(avoiders), breathingOnly: false };

  const palmers = conditions.filter((c) => c.palmsInstead.includes(code));
  const light = point.pressure === 'light' ? [] : conditions.filter((c) => c.pressure === 'light');
  const noTools = conditions.filter((c) => c.noTools);
  const capped = conditions.filter(
    (c) => c.maxHoldSeconds !== undefined && c.maxHoldSeconds < point.holdSeconds,
  );
  const site = conditions.filter((c) => c.keepOffSite);
  if ([palmers, light, noTools, capped, site].every((list) => list.length === 0))
    return { kind: 'as-written' };

  const holdSeconds =
    capped.length > 0 ? Math.min(...capped.map((c) => c.maxHoldSeconds ?? point.holdSeconds)) : undefined;
  const handsOnly = rules.data.noToolSteps.find((n) => n.points.length === 1 && n.points[0] === code);
  const technique = palmers.length > 0 ? 'palms' : light.length + noTools.length > 0 ? 'light' : 'as-written';
  return {
    kind: 'adjusted',
    because: union(ids(palmers), ids(light), ids(noTools), ids(capped), ids(site)),
    technique,
    ...(technique === 'light' && handsOnly
      ? { handsOnly: { position: handsOnly.position, cue: handsOnly.cue } }
      : {}),
    ...(holdSeconds !== undefined ? { holdSeconds } : {}),
    keepOffSite: site.length > 0,
  };
}

/** True when the point may be pressed (as written or adjusted) under the profile. */
export function pointAllowed(advice: PointAdvice): boolean {
  return advice.kind === 'as-written' || (advice.kind === 'adjusted' && advice.technique !== 'palms');
}
