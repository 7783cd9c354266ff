/**
 * A routine as it will be guided: every hold in order, with its side and its length after the
 * user's hold-length preference. "Left then right" becomes two holds (left, then right) so the engine
 * can time, pause and resume each side on its own.
 *
 * A pure `Routine → Routine` transform runs first; the safety feature supplies one (a condition
 * profile drops or softens steps), so the plan is always built from the adjusted routine.
 */
import { englishCatalogue, type Catalogue } from '../catalogue';
import type { Point, PointCode, Routine, StepKind, StepPressure, Tool } from '../types';
import type { VoiceStyle } from './voice';

export type HoldSide = 'both' | 'left' | 'right' | 'painful' | 'centre' | 'none';

export interface PlannedStep {
  /** Index of the routine step this hold comes from; the two sides of one step share it. */
  source: number;
  kind: StepKind;
  points: PointCode[];
  side: HoldSide;
  /** Hold length in seconds, after the hold-length preference. */
  seconds: number;
  /** Hold length in seconds before the preference (after any safety adjustment). */
  baseSeconds: number;
  pressure: StepPressure;
  tools: Tool[];
  position: string;
  cue: string;
}

/**
 * What a plan guides: a catalogue routine, or one timed hold of a point ("time a hold"). When the
 * safety profile replaced the routine whole (the breathing-only substitute), `id` is the substitute
 * (its name, its closing) and `asked` the routine the user asked for: only that one is ever saved,
 * so stored progress says nothing health-derived.
 */
export type PlanSource = { type: 'routine'; id: string; asked?: string } | { type: 'point'; code: PointCode };

export interface RoutinePlan {
  source: PlanSource;
  /** The hold-length preference the seconds were computed with (1 = as written). */
  holdScale: number;
  steps: PlannedStep[];
  /**
   * Steps are announced briefly (which point, how long, which side: no position or technique), for
   * a user who has started this routine before. The full words stay on the screen and on "repeat".
   */
  brief?: true;
  /** The pace and cue density the turns are spoken with (absent: the normal pace, every cue). */
  voice?: VoiceStyle;
}

/** A pure adjustment of a routine (for example the safety feature's condition profile). */
export type RoutineTransform = (routine: Routine) => Routine;

/** "Make the holds shorter / longer" moves one place along this list. */
export const HOLD_SCALES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5];
export const DEFAULT_HOLD_SCALE = 1;
/** Scaled holds stay within these bounds (3 minutes is the most a self-acupressure trial used). */
export const MIN_SCALED_HOLD_SECONDS = 30;
export const MAX_HOLD_SECONDS = 180;

export function isHoldScale(value: unknown): value is number {
  return typeof value === 'number' && HOLD_SCALES.includes(value);
}

/** The next shorter or longer preference, or undefined at the end of the range. */
export function stepHoldScale(scale: number, direction: 'shorter' | 'longer'): number | undefined {
  const at = HOLD_SCALES.indexOf(isHoldScale(scale) ? scale : DEFAULT_HOLD_SCALE);
  const next = HOLD_SCALES[direction === 'shorter' ? at - 1 : at + 1];
  return next;
}

/**
 * A hold length under a preference: rounded to 5 s and kept within 30–180 s. A hold written shorter
 * than 30 s is never lengthened by "shorter", and nothing goes past 180 s.
 */
export function scaleHold(baseSeconds: number, scale: number): number {
  const scaled = Math.round((baseSeconds * scale) / 5) * 5;
  const floor = Math.min(baseSeconds, MIN_SCALED_HOLD_SECONDS);
  return Math.min(MAX_HOLD_SECONDS, Math.max(floor, scaled));
}

export interface PlanOptions {
  holdScale?: number;
  voice?: VoiceStyle;
  transform?: RoutineTransform;
}

/** The planned holds of a routine, after the transform and the hold-length preference. */
export function planRoutine(routine: Routine, options: PlanOptions = {}): RoutinePlan {
  const holdScale = isHoldScale(options.holdScale) ? options.holdScale : DEFAULT_HOLD_SCALE;
  const adjusted = options.transform ? options.transform(routine) : routine;
  const steps: PlannedStep[] = [];
  adjusted.steps.forEach((step, source) => {
    const base = {
      source,
      kind: step.kind,
      points: [...(step.points ?? [])],
      baseSeconds: step.seconds,
      seconds: scaleHold(step.seconds, holdScale),
      pressure: step.pressure,
      tools: [...step.tools],
      position: step.position,
      cue: step.cue,
    };
    if (step.sides === 'left-then-right') {
      steps.push({ ...base, side: 'left' }, { ...base, side: 'right' });
    } else {
      steps.push({ ...base, side: sideOf(step.sides) });
    }
  });
  // A routine replaced whole (the breathing-only substitute) is the plan's source: its name, its closing.
  const source: PlanSource =
    adjusted.id === routine.id
      ? { type: 'routine', id: routine.id }
      : { type: 'routine', id: adjusted.id, asked: routine.id };
  return { source, holdScale, steps, ...(options.voice ? { voice: { ...options.voice } } : {}) };
}

/** One timed hold of a point as a one-step routine (what the safety gate adjusts). */
export function pointHoldRoutine(point: Point): Routine {
  return {
    id: `point:${point.code}`,
    name: point.names[0] ?? point.code,
    synonyms: [],
    needs: [],
    approxMinutes: 1,
    closing: '',
    steps: [
      {
        kind: 'point',
        points: [point.code],
        seconds: point.holdSeconds,
        sides: point.sides,
        pressure: point.pressure,
        tools: [],
        position: point.position,
        cue: point.technique.short,
      },
    ],
  };
}

/** One timed hold of a point, as a plan of its own ("time a hold" after a point answer). */
export function planPointHold(point: Point, options: PlanOptions = {}): RoutinePlan {
  const plan = planRoutine(pointHoldRoutine(point), options);
  return { ...plan, source: { type: 'point', code: point.code } };
}

/** The same plan with every hold recomputed for a new preference. */
export function rescalePlan(plan: RoutinePlan, holdScale: number): RoutinePlan {
  return {
    ...plan,
    holdScale,
    steps: plan.steps.map((step) => ({ ...step, seconds: scaleHold(step.baseSeconds, holdScale) })),
  };
}

/** The routine step number (1-based) of a plan index: the two sides of one routine step share it. */
export function stepNumber(plan: RoutinePlan, index: number): number {
  return new Set(plan.steps.slice(0, index + 1).map((s) => s.source)).size;
}

/** How many routine steps the plan has (left and right of one step count once). */
export function sourceCount(plan: RoutinePlan): number {
  return new Set(plan.steps.map((s) => s.source)).size;
}

function sideOf(sides: Routine['steps'][number]['sides']): HoldSide {
  switch (sides) {
    case 'both':
      return 'both';
    case 'painful-side':
      return 'painful';
    case 'centre':
      return 'centre';
    case 'none':
      return 'none';
    case 'left-then-right':
      return 'left';
  }
}

/** What a plan guides, by name: the routine's name ("evening"), or the point's code for one hold. */
export function planName(plan: RoutinePlan, catalogue: Catalogue = englishCatalogue): string {
  const { source } = plan;
  return source.type === 'routine' ? (catalogue.getRoutine(source.id)?.name ?? source.id) : source.code;
}

/**
 * True when two plans guide the same holds: the same steps, sides, lengths, pressure, tools and cues
 * in the same order. A saved plan that differs from what the routine makes now was planned under
 * another safety profile or another version of the catalogue.
 */
export function samePlannedSteps(a: RoutinePlan, b: RoutinePlan): boolean {
  const key = (steps: PlannedStep[]) =>
    JSON.stringify(
      steps.map((s) => [s.source, s.kind, s.points, s.side, s.seconds, s.pressure, s.tools, s.cue]),
    );
  return key(a.steps) === key(b.steps);
}

/** True when a routine (after the safety adjustment) still presses `code` in one of its point steps. */
export function pressesPoint(routine: Routine, code: PointCode): boolean {
  return routine.steps.some((s) => s.kind === 'point' && s.points?.includes(code));
}
