/**
 * What the routine screen shows at one turn of a guided routine. The routine engine fills this in
 * for each turn; `routineDocument` and `routineSvg` draw it. Plain data, no Alexa types.
 */
import { getPoint } from '../core/catalogue';
import type { PointCode } from '../core/types';
import type { HoldSide } from './diagram';

/** Alexa's longest single response audio; a hold never runs past one turn. */
export const MAX_TURN_MS = 240_000;

export interface RoutineScreen {
  routineName: string;
  /** 1-based step number and the number of steps. */
  step: number;
  stepCount: number;
  /** Point(s) pressed in this step (WHO codes); empty for a warm-up, breathing or movement step. */
  points: PointCode[];
  /** Which side is being held now, for a point done one side at a time. */
  side?: HoldSide;
  /** Shown instead of a diagram for a step without points (the step's short cue). */
  caption?: string;
  /**
   * The hold inside this turn's audio: where it starts, counted from the start of the turn's speech,
   * and how long it lasts. Drives the countdown bar; omit for a turn with no hold.
   */
  hold?: { offsetMs: number; lengthMs: number };
  /** The point of the next step, if the next step has one. */
  nextPoint?: PointCode;
  /** The routine is paused: the bar stands still and the Pause button reads Resume. */
  paused: boolean;
}

/**
 * A screen with every value in range: unknown codes dropped, step clamped, a hold that would not fit
 * in one turn removed. The screen is built from session state, which the device sends back, so it
 * is checked like any other input.
 */
export function normaliseScreen(screen: RoutineScreen): RoutineScreen {
  const stepCount = Math.max(1, Math.floor(finite(screen.stepCount, 1)));
  const step = Math.min(stepCount, Math.max(1, Math.floor(finite(screen.step, 1))));
  const points = (Array.isArray(screen.points) ? screen.points : [])
    .map((code) => (typeof code === 'string' ? getPoint(code)?.code : undefined))
    .filter((code): code is PointCode => code !== undefined);
  const offsetMs = Math.round(finite(screen.hold?.offsetMs, -1));
  const lengthMs = Math.round(finite(screen.hold?.lengthMs, 0));
  const hold =
    offsetMs >= 0 && lengthMs > 0 && offsetMs + lengthMs <= MAX_TURN_MS ? { offsetMs, lengthMs } : undefined;
  const nextPoint = typeof screen.nextPoint === 'string' ? getPoint(screen.nextPoint)?.code : undefined;
  const side =
    screen.side && ['left', 'right', 'both', 'centre'].includes(screen.side) ? screen.side : undefined;
  return {
    routineName: typeof screen.routineName === 'string' ? screen.routineName : '',
    step,
    stepCount,
    points,
    side,
    caption: typeof screen.caption === 'string' ? screen.caption : undefined,
    hold,
    nextPoint,
    paused: screen.paused === true,
  };
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
