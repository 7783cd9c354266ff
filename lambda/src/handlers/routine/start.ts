/**
 * Starting a routine or a timed hold: the safety question first (once a session), then the opening
 * (what we're doing, the stop rules) and the first turn.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { getPoint, getRoutine } from '../../core/catalogue';
import {
  DEFAULT_HOLD_SCALE,
  isHoldScale,
  planPointHold,
  planRoutine,
  type RoutinePlan,
  type RoutineTransform,
} from '../../core/routine/plan';
import type { Point, Routine } from '../../core/types';
import { loadUser } from '../../persistence/user-store';
import { speakableCode } from '../../speech/ssml';
import { updateSession, type ScreenedStart } from '../../state/session';
import { tr } from '../input';
import { playTurn } from './respond';
import { askScreening } from './screening';
import { isScreened, SCREENED_ATTRIBUTE } from './state';
import { resumeSaved } from './resume';

/** The user's remembered hold-length preference (1 when none or unreadable). */
export async function holdScaleOf(h: HandlerInput): Promise<number> {
  const { record } = await loadUser(h);
  return isHoldScale(record.holdScale) ? record.holdScale : DEFAULT_HOLD_SCALE;
}

/** Starts what the user asked for, asking the safety question first if this session hasn't. */
export async function beginScreened(h: HandlerInput, then: ScreenedStart): Promise<Response> {
  if (!isScreened(h)) return askScreening(h, then);
  return startScreened(h, then);
}

/** Starts what follows a "no" to the safety question (or a session already screened). */
export async function startScreened(h: HandlerInput, then: ScreenedStart): Promise<Response> {
  updateSession(h, { offer: undefined, [SCREENED_ATTRIBUTE]: true });
  if (then.type === 'routine') {
    const routine = getRoutine(then.routineId) ?? getRoutine('general');
    if (routine) return startRoutine(h, routine);
  }
  if (then.type === 'point') {
    const point = getPoint(then.code);
    if (point) return startPointHold(h, point);
  }
  return resumeSaved(h);
}

export interface StartOptions {
  /** A pure adjustment of the routine (the safety feature's condition profile). */
  transform?: RoutineTransform;
  /** Extra SSML said after the introduction, e.g. the one sentence on what was changed. */
  note?: string;
}

/**
 * Starts a routine from its first hold. The single entry point for every way of starting one, so a
 * safety gate (red flags block routines, pregnancy → breathing only, a condition profile → adjusted
 * plan and one sentence on what changed) goes here, before or around this call.
 */
export async function startRoutine(
  h: HandlerInput,
  routine: Routine,
  options: StartOptions = {},
): Promise<Response> {
  const t = tr(h);
  const plan: RoutinePlan = planRoutine(routine, {
    holdScale: await holdScaleOf(h),
    transform: options.transform,
  });
  const lead = [
    t('routine.intro.routine', { routine: routine.name, minutes: routine.approxMinutes }),
    options.note ?? '',
    t('routine.stopRules'),
    t('routine.intro.controls'),
  ];
  return playTurn(h, plan, { index: 0 }, { lead });
}

/** Times one hold of a point with the routine engine ("time a hold"). */
export async function startPointHold(h: HandlerInput, point: Point): Promise<Response> {
  const t = tr(h);
  const plan = planPointHold(point, { holdScale: await holdScaleOf(h) });
  const lead = [t('routine.intro.point', { code: speakableCode(point.code) }), t('routine.stopRules')];
  return playTurn(h, plan, { index: 0 }, { lead });
}
