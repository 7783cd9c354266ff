/**
 * Section 6.8: a routine made safe for a profile. Steps with a ruled-out point are dropped, firm
 * lumbar and sacral pressure becomes a light palm hold, tool steps become hands-only, pressure and
 * hold lengths are capped, and pregnancy (rule 3.2) or any check-first condition gives the
 * breathing-only routine. Every change is reported with the conditions that caused it, so the skill
 * can say what it changed and why.
 */
import type { PointCode, Routine, RoutineStep, StepPressure, Tool } from '../types';
import { blockers, breathingOnlyReasons } from './profile';
import { safetyData } from './rules';
import type { AdjustedRoutine, Condition, RoutineChange, SafetyProfile } from './types';

/** A fresh copy of the breathing-only routine (no point pressure at all). */
export function breathingOnlyRoutine(): Routine {
  return structuredClone(safetyData.breathingRoutine);
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
export function adjustRoutine(routine: Routine, profile: SafetyProfile): AdjustedRoutine {
  const stop = blockers(profile).map((b) => b.id);
  const breathing = breathingOnlyReasons(profile);
  if (stop.length > 0 || breathing.length > 0) {
    return {
      routine: breathingOnlyRoutine(),
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
  let lastWasPalms = false;

  for (const original of routine.steps) {
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
        position: safetyData.palmHold.position,
        cue: safetyData.palmHold.cue,
      };
      lastWasPalms = true;
    } else {
      lastWasPalms = false;
      step = structuredClone(original);
      if (step.tools.length > 0 && noTools.length > 0) {
        const handsOnly = safetyData.noToolSteps.find(
          (n) => n.points.length === points.length && n.points.every((p) => points.includes(p)),
        );
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
  }

  const siteReasons = conditions.filter((c) => c.keepOffSite);
  if (siteReasons.length > 0 && steps.some((s) => s.kind === 'point')) log.add('keep-off-site', siteReasons);
  if (steps.length === 0) {
    return {
      routine: breathingOnlyRoutine(),
      changes: [{ kind: 'breathing-only', because: conditions.map((c) => c.id) }],
    };
  }
  const changes = log.list();
  if (changes.length === 0) return { routine, changes };
  return { routine: { ...routine, steps, approxMinutes: totalMinutes(steps) }, changes };
}
