/**
 * The routine state machine: which plan, which turn is playing and when it began (from the request
 * timestamp), and where a pause left off. From the time elapsed since the turn began it works out
 * which hold the user is in and how much of it is left, so "pause", "how long is left", "skip" and
 * "go back" answer from where the user actually is.
 *
 * State comes back from the device (session attributes) or from storage, so it is untrusted: every
 * reader validates it completely, and anything stale (over 24 h), malformed or inconsistent is
 * rejected as a whole, never half-used.
 */
import { getPoint, getRoutine } from '../catalogue';
import { TOOLS, type StepKind, type StepPressure, type Tool } from '../types';
import {
  HOLD_SCALES,
  MAX_HOLD_SECONDS,
  scaleHold,
  type HoldSide,
  type PlannedStep,
  type PlanSource,
  type RoutinePlan,
} from './plan';
import { MAX_TURN_MS, MIN_RESUME_MS, type Turn } from './timeline';
import { isRecord } from '../record';
import { isCueDensity, isPace, type VoiceStyle } from './voice';

export const STATE_VERSION = 1;
/** Routine state older than this is not resumed. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Request clocks may disagree a little; a state this far in the future is tampered with. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
const MAX_STEPS = 40;
const MAX_TEXT = 600;

/** One hold of the turn in progress: plan index and its times from the turn's start (ms). */
export interface HoldWindow {
  index: number;
  startMs: number;
  holdStartMs: number;
  holdMs: number;
  endMs: number;
}

export interface TurnRecord {
  startedAt: number;
  totalMs: number;
  next: number;
  windows: HoldWindow[];
}

export interface RoutineState {
  v: number;
  plan: RoutinePlan;
  updatedAt: number;
  /** The turn now playing, or the last one played. */
  turn?: TurnRecord;
  /** Set while paused: the hold to come back to, and how much of it was left (absent: all of it). */
  paused?: { index: number; remainingMs?: number };
}

/** Where the user is, at a given moment. */
export type RoutinePosition =
  /**
   * A hold is being announced; it has not started. `remainingMs`: a resumed hold ("back to …"),
   * of which only this much is left to play.
   */
  | { at: 'announcing'; index: number; remainingMs?: number }
  /** Pressing: `remainingMs` of this hold left. */
  | { at: 'holding'; index: number; remainingMs: number }
  /** Between holds: `index` is the next hold to play (its turn has not been asked for yet). */
  | { at: 'between'; index: number; turnOver: boolean }
  | { at: 'paused'; index: number; remainingMs?: number }
  | { at: 'finished' };

/** A new state for a turn that starts now. */
export function startTurn(plan: RoutinePlan, turn: Turn, now: number): RoutineState {
  return {
    v: STATE_VERSION,
    plan,
    updatedAt: now,
    turn: {
      startedAt: now,
      totalMs: Math.round(turn.totalMs),
      next: turn.next,
      windows: turn.steps.map((s) => ({
        index: s.index,
        startMs: Math.round(s.startMs),
        holdStartMs: Math.round(s.holdStartMs),
        holdMs: Math.round(s.holdMs),
        endMs: Math.round(s.endMs),
      })),
    },
  };
}

/** Where the user is `now`, from the turn's start time and its hold windows. */
export function positionAt(state: RoutineState, now: number): RoutinePosition {
  if (state.paused) return { at: 'paused', ...state.paused };
  const turn = state.turn;
  if (!turn) return { at: 'between', index: 0, turnOver: true };
  const elapsed = Math.max(0, now - turn.startedAt);
  for (let i = 0; i < turn.windows.length; i++) {
    const w = turn.windows[i];
    if (elapsed >= w.endMs) continue;
    if (elapsed < w.holdStartMs) {
      // A resumed hold plays only what was left of it; a pause in its "back to …" keeps that.
      const fullMs = (state.plan.steps[w.index]?.seconds ?? 0) * 1000;
      return w.holdMs < fullMs
        ? { at: 'announcing', index: w.index, remainingMs: w.holdMs }
        : { at: 'announcing', index: w.index };
    }
    const holdEnd = w.holdStartMs + w.holdMs;
    if (elapsed < holdEnd) return { at: 'holding', index: w.index, remainingMs: holdEnd - elapsed };
    const next = turn.windows[i + 1]?.index ?? turn.next;
    return next >= state.plan.steps.length
      ? { at: 'finished' }
      : { at: 'between', index: next, turnOver: false };
  }
  return turn.next >= state.plan.steps.length
    ? { at: 'finished' }
    : { at: 'between', index: turn.next, turnOver: true };
}

/** Where to pick up from: the hold and how much of it is left (absent: play it from its start). */
export interface ResumePoint {
  index: number;
  remainingMs?: number;
}

/** The resume point for a position; undefined when the routine is over. */
export function resumePointOf(position: RoutinePosition): ResumePoint | undefined {
  switch (position.at) {
    case 'finished':
      return undefined;
    case 'holding':
      return { index: position.index, remainingMs: position.remainingMs };
    case 'announcing':
    case 'paused':
      return position.remainingMs === undefined
        ? { index: position.index }
        : { index: position.index, remainingMs: position.remainingMs };
    default:
      return { index: position.index };
  }
}

/** The state paused at `now` (a pause during a hold keeps what was left of it). */
export function pauseAt(state: RoutineState, now: number): RoutineState {
  const point = resumePointOf(positionAt(state, now));
  if (!point) return { ...state, updatedAt: now };
  return { ...state, updatedAt: now, paused: resumable(state.plan, point) };
}

/** Drops a remainder too short to be worth resuming (the hold counts as done then). */
export function resumable(plan: RoutinePlan, point: ResumePoint): ResumePoint {
  if (point.remainingMs === undefined) return { index: point.index };
  const full = (plan.steps[point.index]?.seconds ?? 0) * 1000;
  if (point.remainingMs >= full) return { index: point.index };
  if (point.remainingMs < MIN_RESUME_MS) return { index: point.index + 1 };
  return { index: point.index, remainingMs: Math.round(point.remainingMs) };
}

/**
 * Where to carry on after the hold lengths change mid-hold: the same hold in `rescaled`, with what
 * was already held of it (in `plan`) counted as held, so the remainder is the new length minus that.
 */
export function carryHeldTime(
  plan: RoutinePlan,
  rescaled: RoutinePlan,
  index: number,
  remainingMs: number,
): ResumePoint {
  const heldMs = plan.steps[index].seconds * 1000 - remainingMs;
  return resumable(rescaled, { index, remainingMs: rescaled.steps[index].seconds * 1000 - heldMs });
}

/** The plan index of the first hold of a different routine step after `index` ("skip this point"). */
export function nextSourceIndex(plan: RoutinePlan, index: number): number {
  const source = plan.steps[index]?.source;
  let next = index + 1;
  while (next < plan.steps.length && plan.steps[next].source === source) next++;
  return next;
}

/** Milliseconds of holding left in the routine from a resume point (holds only, no talk). */
export function remainingHoldMs(plan: RoutinePlan, point: ResumePoint): number {
  let total = 0;
  plan.steps.forEach((step, i) => {
    if (i > point.index) total += step.seconds * 1000;
    if (i === point.index) total += point.remainingMs ?? step.seconds * 1000;
  });
  return total;
}

// ---------------------------------------------------------------------------------------------
// Saved progress (between sessions)

/**
 * What is kept in the user's record when a routine is left unfinished: which routine, where in it,
 * and the hold-length preference. Never the plan itself: a plan is adjusted for the user's health
 * (lighter pressure, palms instead of points, breathing only), and nothing health-derived is stored
 * without the user's "remember". The plan is made again, from the profile in force, on resume.
 */
export interface SavedProgress {
  v: number;
  routine: string;
  /** Position in the plan that was playing: the hold to come back to and what was left of it. */
  index: number;
  remainingMs?: number;
  holdScale: number;
  savedAt: number;
}

/** Saved progress format (1 kept the whole adjusted plan, and is read as invalid). */
export const PROGRESS_VERSION = 2;

export function saveProgress(state: RoutineState, now: number): SavedProgress | undefined {
  if (state.plan.source.type !== 'routine') return undefined;
  const point = resumePointOf(positionAt(state, now));
  if (!point) return undefined;
  const at = resumable(state.plan, point);
  if (at.index >= state.plan.steps.length) return undefined;
  return {
    v: PROGRESS_VERSION,
    // The routine asked for, never the substitute the profile chose (that is health-derived).
    routine: state.plan.source.asked ?? state.plan.source.id,
    ...at,
    holdScale: state.plan.holdScale,
    savedAt: now,
  };
}

// ---------------------------------------------------------------------------------------------
// Validation of untrusted state

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: 'invalid' | 'stale' };

const KINDS: readonly StepKind[] = ['warm-up', 'point', 'breathing', 'movement', 'palms'];
const SIDES: readonly HoldSide[] = ['both', 'left', 'right', 'painful', 'centre', 'none'];
const PRESSURES: readonly StepPressure[] = ['none', 'light', 'moderate', 'firm'];

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_TEXT;
}

function parseSource(value: unknown): PlanSource | undefined {
  if (!isRecord(value)) return undefined;
  if (value.type === 'routine' && typeof value.id === 'string' && getRoutine(value.id)) {
    const asked = typeof value.asked === 'string' && getRoutine(value.asked) ? value.asked : undefined;
    return asked && asked !== value.id
      ? { type: 'routine', id: value.id, asked }
      : { type: 'routine', id: value.id };
  }
  if (value.type === 'point' && typeof value.code === 'string') {
    const point = getPoint(value.code);
    if (point && point.inRoutines && point.code === value.code) return { type: 'point', code: point.code };
  }
  return undefined;
}

function parseStep(value: unknown, holdScale: number): PlannedStep | undefined {
  if (!isRecord(value)) return undefined;
  const { source, kind, points, side, seconds, baseSeconds, pressure, tools, position, cue } = value;
  if (!isInt(source, 0, MAX_STEPS)) return undefined;
  if (typeof kind !== 'string' || !KINDS.includes(kind as StepKind)) return undefined;
  if (typeof side !== 'string' || !SIDES.includes(side as HoldSide)) return undefined;
  if (typeof pressure !== 'string' || !PRESSURES.includes(pressure as StepPressure)) return undefined;
  if (!isInt(baseSeconds, 5, MAX_HOLD_SECONDS) || seconds !== scaleHold(baseSeconds, holdScale))
    return undefined;
  if (!Array.isArray(points) || points.length > 4) return undefined;
  const codes: string[] = [];
  for (const code of points as unknown[]) {
    const point = typeof code === 'string' ? getPoint(code) : undefined;
    if (!point || !point.inRoutines || point.code !== code) return undefined;
    codes.push(point.code);
  }
  if ((kind === 'point') !== codes.length > 0) return undefined;
  if (!Array.isArray(tools) || !(tools as unknown[]).every((t) => TOOLS.includes(t as Tool)))
    return undefined;
  if (!isText(position) || !isText(cue)) return undefined;
  return {
    source,
    kind: kind as StepKind,
    points: codes,
    side: side as HoldSide,
    seconds,
    baseSeconds,
    pressure: pressure as StepPressure,
    tools: [...(tools as Tool[])],
    position,
    cue,
  };
}

export function parsePlan(value: unknown): RoutinePlan | undefined {
  if (!isRecord(value)) return undefined;
  const source = parseSource(value.source);
  const { holdScale } = value;
  if (!source || typeof holdScale !== 'number' || !HOLD_SCALES.includes(holdScale)) return undefined;
  if (!Array.isArray(value.steps) || value.steps.length === 0 || value.steps.length > MAX_STEPS)
    return undefined;
  const steps: PlannedStep[] = [];
  for (const raw of value.steps as unknown[]) {
    const step = parseStep(raw, holdScale);
    if (!step) return undefined;
    const previous = steps[steps.length - 1];
    if (previous && step.source < previous.source) return undefined;
    steps.push(step);
  }
  const brief = value.brief === true ? { brief: true as const } : {};
  if (value.voice === undefined) return { source, holdScale, steps, ...brief };
  const voice = parseVoice(value.voice);
  return voice ? { source, holdScale, steps, voice, ...brief } : undefined;
}

function parseVoice(value: unknown): VoiceStyle | undefined {
  if (!isRecord(value) || !isPace(value.pace) || !isCueDensity(value.cues)) return undefined;
  return { pace: value.pace, cues: value.cues };
}

function parseTime(value: unknown, now: number): Parsed<number> {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, problem: 'invalid' };
  if (value > now + FUTURE_TOLERANCE_MS) return { ok: false, problem: 'invalid' };
  if (now - value > STALE_AFTER_MS) return { ok: false, problem: 'stale' };
  return { ok: true, value };
}

function parseResumePoint(plan: RoutinePlan, index: unknown, remainingMs: unknown): ResumePoint | undefined {
  if (!isInt(index, 0, plan.steps.length - 1)) return undefined;
  if (remainingMs === undefined) return { index };
  if (!isInt(remainingMs, 1, plan.steps[index].seconds * 1000)) return undefined;
  return { index, remainingMs };
}

function parseTurn(value: unknown, plan: RoutinePlan, now: number): Parsed<TurnRecord> {
  if (!isRecord(value)) return { ok: false, problem: 'invalid' };
  const started = parseTime(value.startedAt, now);
  if (!started.ok) return started;
  const { totalMs, next, windows } = value;
  if (!isInt(totalMs, 0, MAX_TURN_MS * 2) || !isInt(next, 0, plan.steps.length)) {
    return { ok: false, problem: 'invalid' };
  }
  // No windows: a turn that was the opening alone (it asked for "next" before the first hold).
  if (!Array.isArray(windows) || windows.length > MAX_STEPS) return { ok: false, problem: 'invalid' };
  if (windows.length === 0 && next >= plan.steps.length) return { ok: false, problem: 'invalid' };
  const parsed: HoldWindow[] = [];
  let lastEnd = 0;
  for (const raw of windows as unknown[]) {
    if (!isRecord(raw)) return { ok: false, problem: 'invalid' };
    const { index, startMs, holdStartMs, holdMs, endMs } = raw;
    const expectedIndex = parsed.length === 0 ? undefined : parsed[parsed.length - 1].index + 1;
    if (
      !isInt(index, 0, plan.steps.length - 1) ||
      (expectedIndex !== undefined && index !== expectedIndex) ||
      !isInt(startMs, lastEnd, totalMs) ||
      !isInt(holdStartMs, startMs, totalMs) ||
      !isInt(holdMs, 0, plan.steps[index].seconds * 1000) ||
      !isInt(endMs, holdStartMs + holdMs, totalMs)
    ) {
      return { ok: false, problem: 'invalid' };
    }
    parsed.push({ index, startMs, holdStartMs, holdMs, endMs });
    lastEnd = endMs;
  }
  if (parsed.length > 0 && parsed[parsed.length - 1].index + 1 !== next)
    return { ok: false, problem: 'invalid' };
  return { ok: true, value: { startedAt: started.value, totalMs, next, windows: parsed } };
}

/** What a session state and saved progress both start with: this version, a valid plan, a recent time. */
function parseHeader(
  value: unknown,
  timeField: 'updatedAt' | 'savedAt',
  now: number,
): Parsed<{ record: Record<string, unknown>; plan: RoutinePlan; time: number }> {
  if (!isRecord(value) || value.v !== STATE_VERSION) return { ok: false, problem: 'invalid' };
  const plan = parsePlan(value.plan);
  if (!plan) return { ok: false, problem: 'invalid' };
  const time = parseTime(value[timeField], now);
  return time.ok ? { ok: true, value: { record: value, plan, time: time.value } } : time;
}

/** Validates routine state from session attributes; anything wrong rejects it whole. */
export function parseRoutineState(raw: unknown, now: number): Parsed<RoutineState> {
  const header = parseHeader(raw, 'updatedAt', now);
  if (!header.ok) return header;
  const { record: value, plan, time } = header.value;
  const state: RoutineState = { v: STATE_VERSION, plan, updatedAt: time };
  if (value.turn !== undefined) {
    const turn = parseTurn(value.turn, plan, now);
    if (!turn.ok) return turn;
    state.turn = turn.value;
  }
  if (value.paused !== undefined) {
    if (!isRecord(value.paused)) return { ok: false, problem: 'invalid' };
    const point = parseResumePoint(plan, value.paused.index, value.paused.remainingMs);
    if (!point) return { ok: false, problem: 'invalid' };
    state.paused = point;
  }
  if (!state.turn && !state.paused) return { ok: false, problem: 'invalid' };
  return { ok: true, value: state };
}

/** Validates saved progress from the user's record (the position is checked against the plan on resume). */
export function parseSavedProgress(value: unknown, now: number): Parsed<SavedProgress> {
  if (!isRecord(value) || value.v !== PROGRESS_VERSION) return { ok: false, problem: 'invalid' };
  const { routine, index, remainingMs, holdScale } = value;
  if (typeof routine !== 'string' || !getRoutine(routine)) return { ok: false, problem: 'invalid' };
  if (typeof holdScale !== 'number' || !HOLD_SCALES.includes(holdScale))
    return { ok: false, problem: 'invalid' };
  if (!isInt(index, 0, MAX_STEPS)) return { ok: false, problem: 'invalid' };
  if (remainingMs !== undefined && !isInt(remainingMs, 1, MAX_HOLD_SECONDS * 1000))
    return { ok: false, problem: 'invalid' };
  const saved = parseTime(value.savedAt, now);
  if (!saved.ok) return saved;
  return {
    ok: true,
    value: {
      v: PROGRESS_VERSION,
      routine,
      index,
      ...(remainingMs === undefined ? {} : { remainingMs }),
      holdScale,
      savedAt: saved.value,
    },
  };
}

/**
 * Where saved progress lands in a plan made now: the same hold (and what was left of it, when that
 * still fits the hold), or undefined when the plan has no such hold any more.
 */
export function resumePointIn(plan: RoutinePlan, progress: SavedProgress): ResumePoint | undefined {
  const step = plan.steps[progress.index];
  if (!step) return undefined;
  if (progress.remainingMs === undefined || progress.remainingMs > step.seconds * 1000)
    return { index: progress.index };
  return resumable(plan, { index: progress.index, remainingMs: progress.remainingMs });
}
