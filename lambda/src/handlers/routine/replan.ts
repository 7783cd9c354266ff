/**
 * A condition said while a routine is under way (mid-hold, paused, between holds): the rest of the
 * routine is made again under the session's profile, from where the user is, through the same gate
 * that starts routines, and the session keeps the adjusted plan (saved progress never does: only
 * the routine and the position are stored, and the plan is made again on resume). The user hears one
 * sentence about what changes, and the routine waits for "carry on".
 *
 * A timed hold of one point that the profile now rules out is stopped; one it adjusts is timed on
 * with the adjusted words.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { RoutinePlan } from '../../core/routine/plan';
import {
  positionAt,
  resumable,
  resumePointOf,
  STATE_VERSION,
  type ResumePoint,
} from '../../core/routine/progress';
import { pointAdvice, pointAllowed } from '../../core/safety';
import { adjustedHoldWords, notPressedSpeech } from '../../speech/find';
import { updateSession } from '../conversation';
import { catalogueOf, translatorOf } from '../input';
import { recordAdjustment, replanFrom, type ReplannedRoutine } from '../safety/gate';
import { profileOf, readSafety } from '../safety/health-profile';
import { nowOf, readRoutine, writeRoutine } from './routine-attribute';

export interface ReplanReply {
  speech: string;
  reprompt: string;
}

/** A timed hold's plan under the profile: light, hands-only words where the profile adjusts it. */
function pointHoldWords(h: HandlerInput, plan: RoutinePlan): RoutinePlan {
  const point = plan.source.type === 'point' ? catalogueOf(h).getPoint(plan.source.code) : undefined;
  if (!point) return plan;
  const words = adjustedHoldWords(
    translatorOf(h),
    pointAdvice(profileOf(readSafety(h), catalogueOf(h).safety), point, catalogueOf(h).safety),
  );
  if (!words) return plan;
  return {
    ...plan,
    steps: plan.steps.map((step) => (step.points.includes(point.code) ? { ...step, ...words } : step)),
  };
}

/**
 * The plan to play from `from` under the profile in force, or why a timed hold stops. Used by every
 * turn that plays (so nothing said in any way, at any moment, is missed) and by the answer to a
 * condition said mid-routine.
 */
export function replannedTurn(
  h: HandlerInput,
  plan: RoutinePlan,
  from: ResumePoint,
):
  | { kind: 'same' }
  | { kind: 'replanned'; plan: RoutinePlan; from: ResumePoint; again: ReplannedRoutine }
  | { kind: 'hold-stopped'; speech: string } {
  const again = replanFrom(h, plan, from.index);
  if (!again) return { kind: 'same' };
  if (plan.source.type === 'point') {
    const point = catalogueOf(h).getPoint(plan.source.code);
    const advice = point
      ? pointAdvice(profileOf(readSafety(h), catalogueOf(h).safety), point, catalogueOf(h).safety)
      : undefined;
    if (
      point &&
      advice &&
      (advice.kind === 'ruled-out' || advice.kind === 'blocked' || !pointAllowed(advice))
    ) {
      const t = translatorOf(h);
      const why =
        advice.kind === 'ruled-out' || advice.kind === 'blocked' ? notPressedSpeech(t, point, advice) : '';
      return {
        kind: 'hold-stopped',
        speech: [why, t('routine.replan.holdStopped')].filter(Boolean).join(' '),
      };
    }
  }
  const next = plan.source.type === 'point' ? pointHoldWords(h, again.plan) : again.plan;
  return {
    kind: 'replanned',
    plan: next,
    from: again.currentKept ? from : { index: from.index },
    again,
  };
}

/** Keeps what changed, so "what did you change?" can explain it. */
export function recordReplan(h: HandlerInput, plan: RoutinePlan, again: ReplannedRoutine): void {
  const routine = plan.source.type === 'routine' ? catalogueOf(h).getRoutine(plan.source.id) : undefined;
  if (routine) recordAdjustment(h, { routine, changes: again.changes, speech: again.speech });
}

/**
 * Re-plans a routine under way after a condition was said, and says so. Undefined when no routine is
 * under way (or it has ended): the caller answers as usual.
 */
export function replanMidRoutine(h: HandlerInput): ReplanReply | undefined {
  const read = readRoutine(h);
  if (read.status !== 'active') return undefined;
  const { state } = read;
  const now = nowOf(h);
  const position = positionAt(state, now);
  const point = resumePointOf(position);
  if (!point) return undefined;
  const t = translatorOf(h);
  const at = resumable(state.plan, point);
  if (at.index >= state.plan.steps.length) return undefined;
  const turn = replannedTurn(h, state.plan, at);
  if (turn.kind === 'hold-stopped') {
    writeRoutine(h, undefined);
    updateSession(h, { offer: { kind: 'routine', routineId: 'general', breathingOnly: true } });
    return {
      speech: `${turn.speech} ${t('find.profile.offerBreathing')}`,
      reprompt: t('find.profile.offerBreathingReprompt'),
    };
  }
  const plan = turn.kind === 'replanned' ? turn.plan : state.plan;
  const from = turn.kind === 'replanned' ? turn.from : at;
  // The routine waits where the user is, with the plan the session keeps from now on.
  writeRoutine(h, { v: STATE_VERSION, plan, updatedAt: now, paused: from });
  updateSession(h, { offer: { kind: 'carry-on' } });
  if (turn.kind === 'replanned') recordReplan(h, plan, turn.again);
  const said = turn.kind === 'replanned' ? turn.again.speech : t('routine.replan.suits');
  return { speech: `${said} ${t('routine.replan.offer')}`, reprompt: t('routine.replan.offerReprompt') };
}
