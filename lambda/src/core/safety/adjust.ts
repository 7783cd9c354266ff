/**
 * Section 6.8: a routine made safe for a profile. Steps with a ruled-out point are dropped, firm
 * lumbar and sacral pressure becomes a light palm hold, tool steps become hands-only, pressure and
 * hold lengths are capped, and pregnancy (rule 3.2) or any check-first condition gives the
 * breathing-only routine. Every change is reported with the conditions that caused it, so the skill
 * can say what it changed and why.
 */
import type { PointCode, Routine, RoutineStep, StepPressure, Tool } from '../types';
import { planRoutine, scaleHold, type PlannedStep, type RoutinePlan } from '../routine/plan';
import { blockers, breathingOnlyReasons } from './profile';
import { englishRules, type HealthRules } from './rules';
import type { AdjustedRoutine, Condition, RoutineChange, SafetyProfile } from './types';

/** A fresh copy of the breathing-only routine (no point pressure at all). */
export function breathingOnlyRoutine(rules: HealthRules = englishRules): Routine {
  return structuredClone(rules.data.breathingRoutine);
}

/** Kinds of step whose length is a hold (breathing and movement keep their length). */
const HOLD_KINDS = new Set(['point', 'palms', 'warm-up']);
const PRESSURE_RANK: Record<StepPressure, number> = { none: 0, light: 1, moderate: 2, firm: 3 };

class ChangeLog {
  private readonly points = new Map<string, { points: PointCode[]; because: string[] }>();
  private readonly flags = new Map<string, { because: string[]; extra?: number; tools?: Tool[] }>();

  addPoints(kind: 'skipped' | 'palms-instead', points: PointCode[], because: Condition[]): void {
    const entry = this.points.get(kind) ?? { points: [], because: [] };
    for (const p of points) if (!entry.points.includes(p)) entry.points.push(p);
    for (const c of because) if (!entry.because.includes(c.id)) entry.because.push(c.id);
    this.points.set(kind, entry);
  }

  add(
    kind: 'no-tools' | 'lighter' | 'shorter' | 'keep-off-site',
    because: Condition[],
    extra?: number,
    tools?: Tool[],
  ): void {
    const entry = this.flags.get(kind) ?? { because: [], extra, tools: [] };
    for (const c of because) if (!entry.because.includes(c.id)) entry.because.push(c.id);
    for (const t of tools ?? []) if (!entry.tools?.includes(t)) entry.tools?.push(t);
    this.flags.set(kind, entry);
  }

  list(): RoutineChange[] {
    const changes: RoutineChange[] = [];
    const skipped = this.points.get('skipped');
    if (skipped) changes.push({ kind: 'skipped', ...skipped });
    const palms = this.points.get('palms-instead');
    if (palms) changes.push({ kind: 'palms-instead', ...palms });
    const noTools = this.flags.get('no-tools');
    if (noTools) changes.push({ kind: 'no-tools', tools: noTools.tools ?? [], because: noTools.because });
    const lighter = this.flags.get('lighter');
    if (lighter) changes.push({ kind: 'lighter', because: lighter.because });
    const shorter = this.flags.get('shorter');
    if (shorter) changes.push({ kind: 'shorter', maxSeconds: shorter.extra ?? 0, because: shorter.because });
    const site = this.flags.get('keep-off-site');
    if (site) changes.push({ kind: 'keep-off-site', because: site.because });
    return changes;
  }
}

function totalMinutes(steps: RoutineStep[]): number {
  const seconds = steps.reduce((sum, s) => sum + s.seconds * (s.sides === 'left-then-right' ? 2 : 1), 0);
  return Math.max(1, Math.round(seconds / 60));
}

/**
 * The routine as it should run for this profile, and what changed. A profile with a red flag or a
 * stop-tier condition should never reach here (the gate refuses the routine); if it does, the
 * answer is the breathing-only routine, never the pressure routine.
 */
export function adjustRoutine(
  routine: Routine,
  profile: SafetyProfile,
  rules: HealthRules = englishRules,
): AdjustedRoutine {
  const adjusted = adjustSteps(routine.steps, profile, rules);
  if (adjusted.breathingOnly) return { routine: breathingOnlyRoutine(rules), changes: adjusted.changes };
  if (adjusted.changes.length === 0) return { routine, changes: [] };
  const { steps } = adjusted;
  return { routine: { ...routine, steps, approxMinutes: totalMinutes(steps) }, changes: adjusted.changes };
}

/** Steps made safe for a profile; `from[i]` is the index of the input step output step i came from. */
interface AdjustedSteps {
  steps: RoutineStep[];
  from: number[];
  changes: RoutineChange[];
  /** Nothing of the input is kept: the breathing-only routine replaces it. */
  breathingOnly: boolean;
}

function adjustSteps(input: RoutineStep[], profile: SafetyProfile, rules: HealthRules): AdjustedSteps {
  const stop = blockers(profile).map((b) => b.id);
  const breathing = breathingOnlyReasons(profile);
  if (stop.length > 0 || breathing.length > 0) {
    return {
      steps: [],
      from: [],
      breathingOnly: true,
      changes: [{ kind: 'breathing-only', because: [...stop, ...breathing] }],
    };
  }
  const { conditions } = profile;
  const log = new ChangeLog();
  const light = conditions.filter((c) => c.pressure === 'light');
  const capped = conditions.filter((c) => c.maxHoldSeconds !== undefined);
  const maxHold =
    capped.length > 0 ? Math.min(...capped.map((c) => c.maxHoldSeconds ?? Infinity)) : undefined;
  const noTools = conditions.filter((c) => c.noTools);
  const steps: RoutineStep[] = [];
  const from: number[] = [];
  let lastWasPalms = false;

  for (const [index, original] of input.entries()) {
    const points = original.points ?? [];
    const avoiders = conditions.filter((c) => c.avoid.some((p) => points.includes(p)));
    if (avoiders.length > 0) {
      log.addPoints('skipped', points, avoiders);
      continue;
    }
    const palmers = conditions.filter((c) => c.palmsInstead.some((p) => points.includes(p)));
    let step: RoutineStep;
    if (palmers.length > 0) {
      log.addPoints('palms-instead', points, palmers);
      const previous = steps[steps.length - 1];
      if (lastWasPalms && previous) {
        // Back-to-back lumbar and sacral steps become one palm hold, as long as the longest of them.
        previous.seconds = Math.max(
          previous.seconds,
          Math.min(original.seconds, maxHold ?? original.seconds),
        );
        continue;
      }
      step = {
        kind: 'palms',
        seconds: original.seconds,
        sides: 'none',
        pressure: 'light',
        tools: [],
        position: rules.data.palmHold.position,
        cue: rules.data.palmHold.cue,
      };
      lastWasPalms = true;
    } else {
      lastWasPalms = false;
      step = structuredClone(original);
      if (step.tools.length > 0 && noTools.length > 0) {
        const handsOnly = rules.handsOnlyVersion(points);
        log.add('no-tools', noTools, undefined, step.tools);
        if (!handsOnly) {
          // Validation guarantees a hands-only version; without one, leaving the step out is the safe side.
          log.addPoints('skipped', points, noTools);
          continue;
        }
        step = { ...step, tools: [], pressure: 'light', position: handsOnly.position, cue: handsOnly.cue };
      }
    }
    if (light.length > 0 && PRESSURE_RANK[step.pressure] > PRESSURE_RANK.light) {
      step.pressure = 'light';
      log.add('lighter', light);
    }
    if (maxHold !== undefined && HOLD_KINDS.has(step.kind) && step.seconds > maxHold) {
      step.seconds = maxHold;
      log.add('shorter', capped, maxHold);
    }
    steps.push(step);
    from.push(index);
  }

  const siteReasons = conditions.filter((c) => c.keepOffSite);
  if (siteReasons.length > 0 && steps.some((s) => s.kind === 'point')) log.add('keep-off-site', siteReasons);
  if (steps.length === 0) {
    return {
      steps: [],
      from: [],
      breathingOnly: true,
      changes: [{ kind: 'breathing-only', because: conditions.map((c) => c.id) }],
    };
  }
  return { steps, from, changes: log.list(), breathingOnly: false };
}

/** A step that puts no pressure anywhere: breathing, or palms resting with no pressure, and no tools. */
function pressureFree(step: PlannedStep): boolean {
  return step.pressure === 'none' && step.points.length === 0 && step.tools.length === 0;
}

/** A planned step as the routine step it was made from (its side comes back from the plan). */
function asRoutineStep(step: PlannedStep): RoutineStep {
  return {
    kind: step.kind,
    ...(step.points.length > 0 ? { points: [...step.points] } : {}),
    seconds: step.baseSeconds,
    sides: 'both',
    pressure: step.pressure,
    tools: [...step.tools],
    position: step.position,
    cue: step.cue,
  };
}

const stepKey = (s: PlannedStep) =>
  JSON.stringify([s.kind, s.points, s.side, s.seconds, s.pressure, s.tools, s.position, s.cue]);

export interface ReplannedRest {
  plan: RoutinePlan;
  changes: RoutineChange[];
  /** The hold at `index` is the same as before, so what was left of it can still be resumed. */
  currentKept: boolean;
}

/**
 * A routine under way, re-made for the profile now in force from plan index `index` on: the holds
 * already done stay as they were, the rest go through the same rules as a routine that starts
 * (ruled-out points dropped, palms, hands only, light pressure, shorter holds), and a profile that
 * allows breathing only replaces the rest with the breathing-only routine (unless the rest already
 * puts no pressure anywhere). Sources stay in order, so step numbers and "skip" keep working.
 */
export function adjustPlanFrom(
  plan: RoutinePlan,
  index: number,
  profile: SafetyProfile,
  rules: HealthRules = englishRules,
): ReplannedRest {
  const done = plan.steps.slice(0, index);
  const rest = plan.steps.slice(index);
  const unchanged = { plan, changes: [], currentKept: true };
  if (rest.length === 0) return unchanged;
  const adjusted = adjustSteps(rest.map(asRoutineStep), profile, rules);
  const nextSource = (done[done.length - 1]?.source ?? -1) + 1;
  let steps: PlannedStep[];
  if (adjusted.breathingOnly) {
    if (rest.every(pressureFree)) return unchanged;
    steps = planRoutine(breathingOnlyRoutine(rules), { holdScale: plan.holdScale }).steps.map((s) => ({
      ...s,
      source: nextSource + s.source,
    }));
  } else {
    steps = adjusted.steps.map((step, i) => {
      const original = rest[adjusted.from[i]];
      return {
        source: original.source,
        kind: step.kind,
        points: [...(step.points ?? [])],
        side: step.kind === 'palms' ? 'none' : original.side,
        seconds: scaleHold(step.seconds, plan.holdScale),
        baseSeconds: step.seconds,
        pressure: step.pressure,
        tools: [...step.tools],
        position: step.position,
        cue: step.cue,
      };
    });
  }
  const same = steps.length === rest.length && steps.every((s, i) => stepKey(s) === stepKey(rest[i]));
  if (same) return unchanged;
  const currentKept = steps[0] !== undefined && stepKey(steps[0]) === stepKey(rest[0]);
  return {
    plan: { ...plan, steps: [...done, ...steps] },
    changes: adjusted.changes,
    currentKept,
  };
}
