/**
 * Starting a routine or a timed hold: the safety question first (once a session), then the opening
 * (what we're doing, the stop rules) and the first turn.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import {
  DEFAULT_HOLD_SCALE,
  isHoldScale,
  planPointHold,
  planRoutine,
  pointHoldRoutine,
  pressesPoint,
  type RoutinePlan,
} from '../../core/routine/plan';
import type { Point, Routine } from '../../core/types';
import { loadUser } from '../../persistence/user-store';
import { announcedMinutes } from '../../core/routine/timeline';
import { pointHoldOpening, routineOpening, routinePhrasebook } from '../../speech/routine-cues';
import { speakableCode } from '../../speech/ssml';
import { updateSession, type ScreenedStart } from '../conversation';
import { catalogueOf, translatorOf } from '../input';
import { playTurn } from './respond';
import { recordAdjustment, routineGate } from '../safety/gate';
import { healthStated, profileOf, readSafety } from '../safety/health-profile';
import { diagnosisQuestion } from '../safety/diagnosis';
import { fingerWidthOnce } from '../safety/plain-words';
import { routinesHeard, stopRulesLead } from '../safety/stop-rules';
import { breathingOnlyRoutine, pointAdvice } from '../../core/safety';
import { adjustedHoldWords } from '../../speech/find';
import { askScreening, screeningYes } from './screening';
import { isScreened, screenedYes, SCREENED_ATTRIBUTE } from './routine-attribute';
import { resumeSaved } from './resume';
import { noteStarted, startedBefore } from './familiar';
import { voiceOf } from './voice-preference';
import { ask } from '../reply';
import { painQuestionBefore } from '../progress/questions';

/** The user's remembered hold-length preference (1 when none or unreadable). */
export async function holdScaleOf(h: HandlerInput): Promise<number> {
  const { record } = await loadUser(h);
  return isHoldScale(record.holdScale) ? record.holdScale : DEFAULT_HOLD_SCALE;
}

/**
 * Starts what the user asked for. A red flag or stop-tier condition said this session blocks it
 * outright; otherwise the safety question comes first (once a session), and after a "yes" to it
 * nothing starts until the user has said which condition, so the gate can adjust for it.
 */
export async function beginScreened(h: HandlerInput, then: ScreenedStart): Promise<Response> {
  const gate = await routineGate(h);
  if (gate.kind === 'blocked') return blocked(h, gate);
  const started = then.type === 'routine' && (await startedBefore(h, then.routineId));
  const diagnosis = diagnosisQuestion(h, then, () => started);
  if (diagnosis) return diagnosis;
  // The optional pain check-in (once a session), before the safety question.
  const pain = await painQuestionBefore(h, then);
  if (pain) return pain;
  if (screenedYes(h) && !healthStated(h)) return screeningYes(h, then);
  if (!isScreened(h)) return askScreening(h, then, await routinesHeard(h));
  return startScreened(h, then);
}

/** Starts what follows a "no" to the safety question (or a session already screened). */
export async function startScreened(h: HandlerInput, then: ScreenedStart): Promise<Response> {
  updateSession(h, { offer: undefined, [SCREENED_ATTRIBUTE]: screenedYes(h) ? 'yes' : true });
  if (then.type === 'routine') {
    const routine = catalogueOf(h).getRoutine(then.routineId) ?? catalogueOf(h).getRoutine('general');
    if (routine) return startRoutine(h, routine, { breathingOnly: then.breathingOnly === true });
  }
  if (then.type === 'point') {
    const point = catalogueOf(h).getPoint(then.code);
    if (point) return startPointHold(h, point);
  }
  return resumeSaved(h);
}

/** The gate's refusal: why no routine will start this session, and what care to get. */
function blocked(h: HandlerInput, gate: { speech: string; reprompt: string }): Response {
  updateSession(h, { offer: undefined });
  return ask(h, gate.speech, gate.reprompt);
}

export interface StartOptions {
  /** Extra SSML said after the introduction (each from a `t()` call). */
  note?: string;
  /**
   * The routine's breathing-only substitute, whatever the profile: offered when every point of what
   * the user asked for is ruled out for them.
   */
  breathingOnly?: boolean;
}

/**
 * Starts a routine from its first hold: the single entry point for every way of starting one. The
 * safety gate runs here: a red flag blocks it, pregnancy gives the breathing-only routine, a
 * condition profile adjusts the steps, and one sentence says what changed ("what did you change?"
 * explains it later).
 */
export async function startRoutine(
  h: HandlerInput,
  routine: Routine,
  options: StartOptions = {},
): Promise<Response> {
  const t = translatorOf(h);
  const gate = await routineGate(h);
  if (gate.kind === 'blocked') return blocked(h, gate);
  const adjusted = gate.plan(routine);
  const safe =
    options.breathingOnly && adjusted.routine.steps.some((step) => step.pressure !== 'none')
      ? { routine: breathingOnlyRoutine(catalogueOf(h).safety), changes: [], speech: '' }
      : adjusted;
  recordAdjustment(h, safe);
  // A routine started before (as it is now, not a substitute): steps announced briefly.
  const brief = safe.routine.id === routine.id && (await startedBefore(h, routine.id));
  const planned: RoutinePlan = planRoutine(routine, {
    holdScale: await holdScaleOf(h),
    voice: await voiceOf(h),
    transform: () => safe.routine,
  });
  const plan: RoutinePlan = brief ? { ...planned, brief: true } : planned;
  // "About N minutes" is worked out from this plan (holds, talk and the opening itself).
  // The full stop rules, the "Alexa, pause" tip and what a finger-width is: the first time ever,
  // before anything else. Afterwards one line of stop rules, said as the first words of the first
  // hold, right after its press cue: still before any sustained pressure (a hold builds up over two
  // breaths, and most routines open with a warm-up or breathing), and the talk before the first
  // press stays within 20 s with the pain and safety questions asked (issue 13, item 4).
  const stopRules = await stopRulesLead(h, safe.routine);
  const extras = {
    stopRules: stopRules.full ? stopRules.speech : '',
    fingerWidth: stopRules.full
      ? fingerWidthOnce(h, ...safe.routine.steps.map((step) => `${step.position} ${step.cue}`))
      : '',
    returning: !stopRules.full,
  };
  const inFirstHold = stopRules.full ? [] : [stopRules.speech];
  const opening = (approxMinutes: number) =>
    routineOpening(t, { ...safe.routine, approxMinutes }, safe.speech, options.note, extras);
  const lead = opening(announcedMinutes(plan, routinePhrasebook(t, plan), opening, inFirstHold));
  if (safe.routine.id === routine.id) await noteStarted(h, routine.id);
  return playTurn(h, plan, { index: 0 }, { lead, inFirstHold });
}

/**
 * Times one hold of a point with the routine engine ("time a hold"), through the same safety gate:
 * a point the user's conditions rule out (or any point, in pregnancy) is not timed; lighter pressure
 * or a shorter hold is applied and said.
 */
export async function startPointHold(h: HandlerInput, point: Point): Promise<Response> {
  const t = translatorOf(h);
  const gate = await routineGate(h);
  if (gate.kind === 'blocked') return blocked(h, gate);
  const safe = gate.plan(pointHoldRoutine(point));
  if (gate.kind === 'breathing-only' || !pressesPoint(safe.routine, point.code)) {
    updateSession(h, { offer: { kind: 'routine', routineId: 'general' } });
    const speech = [safe.speech, t('routine.pointHoldRefused', { code: speakableCode(point.code) })];
    return ask(h, speech.filter(Boolean).join(' '), t('routine.pointHoldRefusedReprompt'));
  }
  recordAdjustment(h, safe);
  // The hold's words follow the profile too: light, hands-only words instead of the catalogue's.
  const advice = pointAdvice(profileOf(readSafety(h), catalogueOf(h).safety), point, catalogueOf(h).safety);
  const words = adjustedHoldWords(t, advice);
  const held: Routine = words
    ? { ...safe.routine, steps: safe.routine.steps.map((step) => ({ ...step, ...words })) }
    : safe.routine;
  const plan = planPointHold(point, {
    holdScale: await holdScaleOf(h),
    voice: await voiceOf(h),
    transform: () => held,
  });
  const lead = pointHoldOpening(t, point.code, safe.speech, (await stopRulesLead(h)).speech);
  return playTurn(h, plan, { index: 0 }, { lead });
}
