/**
 * From the routine engine's plain data to what the routine screen shows: a turn (`TurnScreen`, one
 * entry per hold with its times in the audio) becomes one page per hold; a paused routine becomes
 * one page with the bar standing still. Words come from i18n and the catalogue (a step without
 * points shows its cue); times are copied from the timeline, never recomputed.
 */
import type { HoldSide, PlannedStep, RoutinePlan } from '../core/routine/plan';
import { planName, sourceCount, stepNumber } from '../core/routine/plan';
import { catalogueFor } from '../core/catalogue';
import type { TurnScreen } from '../core/routine/screen';
import type { RoutineState } from '../core/routine/progress';
import { CLOSING_GAP_MS, type TurnStep } from '../core/routine/timeline';
import type { Translate } from '../i18n';
import type { MarkedSide } from './diagram';
import type { RoutineHoldPage, RoutineTurnScreen } from './routine';
import { capitalise, shown } from './text';

/** The side a screen marks for a planned side ("painful side" and "both" show every position). */
export function screenSide(side: HoldSide): MarkedSide | undefined {
  return side === 'left' || side === 'right' || side === 'both' || side === 'centre' ? side : undefined;
}

/** "Quick routine", or "Timed hold" for one point's hold. */
export function screenTitle(t: Translate, plan: RoutinePlan): string {
  if (plan.source.type === 'point') return shown(t, 'display.pointHoldTitle');
  return capitalise(shown(t, 'display.routineTitle', { name: planName(plan, catalogueFor(t.language)) }));
}

function caption(step: PlannedStep | undefined): string | undefined {
  return step && step.points.length === 0 ? step.cue : undefined;
}

/** The first point of the next routine step after `index` (the other side of this step does not count). */
function nextPointAfter(plan: RoutinePlan, index: number): string | undefined {
  const source = plan.steps[index]?.source;
  const next = plan.steps.slice(index + 1).find((s) => s.source !== source);
  return next?.points[0];
}

function holdPage(plan: RoutinePlan, step: TurnStep): RoutineHoldPage {
  const planned = plan.steps[step.index];
  const fullMs = (planned?.seconds ?? 0) * 1000;
  return {
    step: step.number,
    stepCount: step.of,
    points: [...step.points],
    side: screenSide(step.side),
    caption: caption(planned),
    showAtMs: step.startMs,
    hold:
      step.holdMs > 0
        ? {
            offsetMs: step.holdStartMs,
            lengthMs: step.holdMs,
            from: fullMs > 0 ? Math.min(1, step.holdMs / fullMs) : 1,
          }
        : undefined,
    nextPoint: nextPointAfter(plan, step.index),
  };
}

/** The screen for a turn the engine has just built from `plan`. */
export function turnScreenFor(t: Translate, turn: TurnScreen, plan: RoutinePlan): RoutineTurnScreen {
  const pages = turn.steps.map((step) => holdPage(plan, step));
  const last = turn.steps[turn.steps.length - 1];
  const next = turn.next ? plan.steps[turn.next.index] : undefined;
  return {
    routineName: screenTitle(t, plan),
    kind: plan.source.type === 'point' ? 'point' : 'routine',
    pages,
    end: last
      ? {
          // The closing page comes up with the closing words ("say next when you're ready for …"),
          // which follow the last release after the closing gap; never after the turn's audio ends.
          atMs: Math.min(last.endMs + CLOSING_GAP_MS, turn.totalMs),
          finished: turn.finished,
          next:
            turn.next && next
              ? {
                  step: stepNumber(plan, turn.next.index),
                  stepCount: sourceCount(plan),
                  points: [...next.points],
                  caption: caption(next),
                }
              : undefined,
        }
      : undefined,
    totalMs: turn.totalMs,
    paused: false,
  };
}

/** The screen for a paused routine: the hold to come back to, its bar standing at what is left. */
export function pausedScreenFor(t: Translate, state: RoutineState): RoutineTurnScreen | undefined {
  const paused = state.paused;
  const step = paused ? state.plan.steps[paused.index] : undefined;
  if (!paused || !step) return undefined;
  const fullMs = step.seconds * 1000;
  const left = paused.remainingMs === undefined ? fullMs : Math.min(fullMs, paused.remainingMs);
  return {
    routineName: screenTitle(t, state.plan),
    kind: state.plan.source.type === 'point' ? 'point' : 'routine',
    pages: [
      {
        step: stepNumber(state.plan, paused.index),
        stepCount: sourceCount(state.plan),
        points: [...step.points],
        side: screenSide(step.side),
        caption: caption(step),
        showAtMs: 0,
        hold: fullMs > 0 ? { offsetMs: 0, lengthMs: fullMs, from: Math.max(0, left / fullMs) } : undefined,
        nextPoint: nextPointAfter(state.plan, paused.index),
      },
    ],
    paused: true,
  };
}
