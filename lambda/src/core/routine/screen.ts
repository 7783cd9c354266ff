/**
 * What a screen shows during a turn, as plain data: step n of m, the current point and side, where
 * each hold starts in the turn's audio and how long it lasts (for a countdown bar), and what comes
 * next. Times are milliseconds from the start of the turn's audio.
 */
import type { HoldSide, PlannedStep, PlanSource, RoutinePlan } from './plan';
import type { Turn, TurnStep } from './timeline';

export interface TurnScreen {
  source: PlanSource;
  totalMs: number;
  steps: TurnStep[];
  /** The first hold after this turn, or undefined when the routine ends with it. */
  next?: { index: number; kind: PlannedStep['kind']; points: string[]; side: HoldSide };
  finished: boolean;
}

export function turnScreen(plan: RoutinePlan, turn: Turn): TurnScreen {
  const next = plan.steps[turn.next];
  return {
    source: plan.source,
    totalMs: turn.totalMs,
    steps: turn.steps.map((s) => ({ ...s, points: [...s.points] })),
    next: next ? { index: turn.next, kind: next.kind, points: [...next.points], side: next.side } : undefined,
    finished: turn.finished,
  };
}
