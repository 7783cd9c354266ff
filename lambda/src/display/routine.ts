/**
 * What the routine screen shows at one turn of a guided routine (`RoutineTurnScreen`, made from the
 * engine's turn by routine-turn.ts); `routineDocument` and `routineSvg` draw it. Plain data, no
 * Alexa types.
 */
import { getPoint } from '../core/catalogue';
import { MAX_TURN_MS } from '../core/routine/timeline';
import type { PointCode } from '../core/types';
import type { MarkedSide } from './diagram';

/** One hold's fields, as checked before they are drawn. */
interface HoldFields {
  routineName: string;
  /** 1-based step number and the number of steps. */
  step: number;
  stepCount: number;
  /** Point(s) pressed in this step (WHO codes); empty for a warm-up, breathing or movement step. */
  points: PointCode[];
  /** Which side is being held now, for a point done one side at a time. */
  side?: MarkedSide;
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
 * A hold's fields with every value in range: unknown codes dropped, step clamped, a hold that would
 * not fit in one turn removed. The paused screen is built from session state, which the device sends
 * back, so it is checked like any other input.
 */
function normaliseHold(screen: HoldFields): HoldFields {
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

/**
 * One hold of a turn as the screen shows it: its page comes up when the hold's announcement starts,
 * and its countdown bar runs from the hold's start for the hold's length. Times are ms from the start
 * of the turn's audio.
 */
export interface RoutineHoldPage {
  step: number;
  stepCount: number;
  points: PointCode[];
  side?: MarkedSide;
  /** Shown for a step without points (its cue from the catalogue). */
  caption?: string;
  /** When this page comes up (the announcement of the hold starts). */
  showAtMs: number;
  /**
   * The hold: when it starts, how long it runs in this turn, and how full the bar is when it starts
   * (below 1 when the turn plays only the rest of a paused hold).
   */
  hold?: { offsetMs: number; lengthMs: number; from: number };
  nextPoint?: PointCode;
}

/** After the turn's last hold: what the screen says until the user asks for more. */
export interface RoutineTurnEnd {
  atMs: number;
  /** The routine is over (its closing words are the end of this turn). */
  finished: boolean;
  /** The step that comes next, when there is one. */
  next?: { step: number; stepCount: number; points: PointCode[]; caption?: string };
}

/** Everything a routine screen shows for one response: every hold of the turn, in order. */
export interface RoutineTurnScreen {
  /** The title line: the routine's name, or "Timed hold" for a single point. */
  routineName: string;
  /** "point" for a single timed hold ("time a hold"): no "step 1 of 1". */
  kind: 'routine' | 'point';
  pages: RoutineHoldPage[];
  end?: RoutineTurnEnd;
  /** Length of the turn's audio: the screen stays on (screen lock) until then. */
  totalMs?: number;
  /** Paused: one page, the bar standing still at what is left, and a Resume button. */
  paused: boolean;
}

/** Most pages one turn can have: a turn is at most 240 s and every hold is at least a few seconds. */
export const MAX_PAGES = 24;

/**
 * A turn screen with every value in range: unknown codes dropped, steps clamped, times inside one
 * turn and in order, at most MAX_PAGES pages. Invalid pages are dropped, never half-used.
 */
export function normaliseTurn(screen: RoutineTurnScreen): RoutineTurnScreen {
  const pages: RoutineHoldPage[] = [];
  let last = -1;
  for (const page of (Array.isArray(screen.pages) ? screen.pages : []).slice(0, MAX_PAGES)) {
    const base = normaliseHold({
      routineName: '',
      step: page.step,
      stepCount: page.stepCount,
      points: page.points,
      side: page.side,
      caption: page.caption,
      hold: page.hold,
      nextPoint: page.nextPoint,
      paused: false,
    });
    const showAtMs = Math.round(finite(page.showAtMs, -1));
    if (showAtMs < 0 || showAtMs >= MAX_TURN_MS || showAtMs < last) continue;
    if (base.hold && base.hold.offsetMs < showAtMs) continue;
    last = base.hold ? base.hold.offsetMs + base.hold.lengthMs : showAtMs;
    const from = Math.min(1, Math.max(0, finite(page.hold?.from, 1)));
    pages.push({
      step: base.step,
      stepCount: base.stepCount,
      points: base.points,
      side: base.side,
      caption: base.caption,
      showAtMs,
      hold: base.hold ? { ...base.hold, from } : undefined,
      nextPoint: base.nextPoint,
    });
  }
  const atMs = Math.round(finite(screen.end?.atMs, -1));
  const end =
    screen.end && atMs >= last && atMs <= MAX_TURN_MS
      ? {
          atMs,
          finished: screen.end.finished === true,
          next: screen.end.next
            ? (({ step, stepCount, points, caption }) => ({ step, stepCount, points, caption }))(
                normaliseHold({ routineName: '', paused: false, ...screen.end.next }),
              )
            : undefined,
        }
      : undefined;
  const totalMs = Math.round(finite(screen.totalMs, 0));
  return {
    routineName: typeof screen.routineName === 'string' ? screen.routineName : '',
    kind: screen.kind === 'point' ? 'point' : 'routine',
    pages,
    end,
    totalMs: totalMs > 0 && totalMs <= MAX_TURN_MS ? totalMs : undefined,
    paused: screen.paused === true,
  };
}
