/**
 * "Carry on lighter", chosen after a stop-rule symptom: light pressure for the rest of the session.
 * Firm and moderate pressure become light, and a step done with a tool (a tennis ball, a rolled
 * towel) becomes its hands-only version, so its own words never ask for more than a light touch
 * (GB 30's "building up slowly to a comfortable, moderate pressure" with a ball becomes fingertips
 * pressing lightly). Steps that are already light, and the steps with no pressure, stay as they are.
 */
import type { PlannedStep, RoutinePlan } from '../routine/plan';
import type { Routine, RoutineStep } from '../types';
import { englishRules, type HealthRules } from './rules';

type Pressed = Pick<RoutineStep, 'pressure' | 'tools' | 'position' | 'cue'> & { points?: readonly string[] };

function lightStep<T extends Pressed>(step: T, rules: HealthRules): T {
  if (step.pressure !== 'firm' && step.pressure !== 'moderate') return step;
  const handsOnly = step.tools.length > 0 ? rules.handsOnlyVersion(step.points ?? []) : undefined;
  return handsOnly
    ? { ...step, pressure: 'light', tools: [], position: handsOnly.position, cue: handsOnly.cue }
    : { ...step, pressure: 'light' };
}

/** A routine with light pressure on every point (what the user chose for the rest of the session). */
export function lightenRoutine(routine: Routine, rules: HealthRules = englishRules): Routine {
  return { ...routine, steps: routine.steps.map((step) => lightStep(step, rules)) };
}

/** A plan with light pressure from step `from` on (the holds already done are left as they were). */
export function lightenPlan(plan: RoutinePlan, from = 0, rules: HealthRules = englishRules): RoutinePlan {
  return {
    ...plan,
    steps: plan.steps.map((step: PlannedStep, i) => (i >= from ? lightStep(step, rules) : step)),
  };
}

/** Whether any step of the routine presses harder than light (so "lighter" changes it). */
export function pressesHarderThanLight(routine: Routine): boolean {
  return routine.steps.some((step) => step.pressure === 'firm' || step.pressure === 'moderate');
}
